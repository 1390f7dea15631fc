"""Unit tests of voice (the folder mirrors the package)."""
