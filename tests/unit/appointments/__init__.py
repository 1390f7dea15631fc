"""Unit tests of companion.appointments (the folder mirrors the package)."""
