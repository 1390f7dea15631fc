"""Settings presets: the one IT leaves on a PC, and the files a centre copies between PCs."""
