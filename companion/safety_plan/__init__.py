"""My safety plan: the person's own words for hard moments (Stanley and Brown, 2012)."""
