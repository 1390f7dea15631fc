"""What the operating system says about colours and text size (see companion.appearance).

Qt's style hints give the dark and high-contrast schemes (ui.theme.system_look); the OS text
scaling shows as a logical DPI above the 96 that 100% means on every desktop Qt supports.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from companion.config import TEXT_SCALES
from ui.theme import system_look

BASE_DPI = 96.0


def scale_from_dpi(dpi: float) -> int | None:
    """The text size the OS asks for (snapped down to one of ours); None when it asks for none."""
    percent = round(dpi / BASE_DPI * 100)
    if percent <= TEXT_SCALES[0]:
        return None
    return max(s for s in TEXT_SCALES if s <= percent)


def os_look(app: QApplication) -> tuple[str | None, int | None]:
    """(theme, text scale) the OS reports, each None where it reports nothing."""
    theme, scale = system_look(app)
    if scale is None:
        screen = app.primaryScreen()
        if screen is not None:
            scale = scale_from_dpi(screen.logicalDotsPerInch())
    return theme, scale
