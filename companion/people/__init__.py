"""The people on this PC: the people.json index, their locks, and each one's open session."""
