"""Unit tests of companion.safety_plan (the folder mirrors the package)."""
