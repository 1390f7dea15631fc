"""People: who is using Companion, adding a person, unlocking, changing the PIN, and my data."""
