"""Report for my doctor or counsellor: choose what goes in, see the pages, then save or print."""

from __future__ import annotations

from ui.screens.report.choose import ReportOptionsScreen, ReportScreen
from ui.screens.report.preview import ReportPreviewScreen
from ui.screens.report.save import ReportSaveScreen

__all__ = [
    "ReportOptionsScreen",
    "ReportPreviewScreen",
    "ReportSaveScreen",
    "ReportScreen",
]
