"""Community-centre mode: what a shared PC does differently, and its daily tidy."""
