"""Home: the first screen, with the big choices each feature adds (ui/features.py)."""
