"""Unit tests of companion.report (the folder mirrors the package)."""
