"""Get help now: the crisis lines of the region, choosing the region, and the people to call."""
