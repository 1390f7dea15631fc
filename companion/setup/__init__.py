"""The first-run guided setup: its steps, where an unfinished one stopped, the helper's page."""
