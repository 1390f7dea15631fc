"""One file per schema version, oldest first (0001, 0002, ...)."""
