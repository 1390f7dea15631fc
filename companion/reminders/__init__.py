"""Reminders outside the window: the times kept beside the data, notifications, start at login."""
