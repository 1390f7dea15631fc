"""Unit tests of companion.security (the folder mirrors the package)."""
