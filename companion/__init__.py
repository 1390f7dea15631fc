"""Companion's core: Qt-free domain logic and storage (see ../DESIGN in the team's shared notes)."""

# The one place the version number lives; pyproject, --version and "About Companion" read it.
__version__ = "0.1.0"
