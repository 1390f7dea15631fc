"""Lay out a report's blocks on pages of any device: a PDF writer, a printer, or the screen."""
