"""Type sizes and spacing for a laid-out page, in points, turned into a device's pixels."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QGuiApplication, QPaintDevice

NORMAL_BODY_PT = 11.0  # a printed page: 11-12 pt body text
LARGE_PRINT_BODY_PT = 16.0  # large print for the person's own copy (16-18 pt guidance)
INK = "#000000"
LINE_INK = "#1F4E99"  # dark blue: clear in colour, dark grey in black-and-white printing
RULE_INK = "#6B6B6B"
SHADE = "#EDEDED"


@dataclass(frozen=True)
class PageStyle:
    """Sizes for one layout: `body_pt` sets everything else; `px` is device pixels per point."""

    body_pt: float
    px: float
    family: str

    @classmethod
    def for_device(cls, device: QPaintDevice, body_pt: float) -> PageStyle:
        """Sizes for `device` at its own resolution (1200 dpi PDF, 600 dpi printer, a screen)."""
        family = QGuiApplication.font().family()
        return cls(body_pt=body_pt, px=device.logicalDpiY() / 72.0, family=family)

    def pts(self, points: float) -> float:
        """`points` in device pixels."""
        return points * self.px

    def font(self, scale: float = 1.0, *, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(self.body_pt * scale)
        font.setBold(bold)
        # No "fi" ligature: words copied or searched in the PDF keep plain letters.
        font.setFeature(QFont.Tag("liga"), 0)
        return font

    def heading_font(self, level: int) -> QFont:
        """Headings stand out by less as the body grows (36 pt text needs no 63 pt title)."""
        extra = {1: 0.75, 2: 0.35, 3: 0.12}.get(level, 0.0) * min(
            1.0, NORMAL_BODY_PT / self.body_pt
        )
        return self.font(1.0 + extra, bold=True)

    @property
    def small_scale(self) -> float:
        """Small print stays at least 9 pt (and grows with large print)."""
        return max(9.0 / self.body_pt, 0.85)

    @property
    def gap(self) -> float:
        """Space between blocks: about half a line."""
        return self.pts(self.body_pt * 0.6)
