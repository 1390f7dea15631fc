"""Report for my doctor or counsellor: choose what goes in, see the pages, then save or print.

Light on purpose (no screens imported here) so Home can list the feature without loading it.
"""

from __future__ import annotations

from ui.router import Route, lazy


def routes() -> list[Route]:
    """The screens of this feature other features, Home and the tests open by name."""
    return [
        Route("report", lazy("ui.screens.report.choose", "ReportScreen")),
        Route("report.options", lazy("ui.screens.report.choose", "ReportOptionsScreen")),
        Route("report.preview", lazy("ui.screens.report.choose", "preview_screen")),
        Route("report.save", lazy("ui.screens.report.choose", "save_screen")),
    ]
