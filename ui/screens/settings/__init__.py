"""Settings: the tiles, each setting's choices, the voice, reminders and the helper's settings."""
