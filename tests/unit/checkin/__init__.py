"""Unit tests of companion.checkin (the folder mirrors the package)."""
