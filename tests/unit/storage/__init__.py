"""Unit tests of companion.storage (the folder mirrors the package)."""
