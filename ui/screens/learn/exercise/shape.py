"""The calm breathing shape: a circle that grows as you breathe in and shrinks as you breathe out.

It only shows; it is never pressed (custom-painted controls are invisible to screen readers).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

SMALLEST = 0.3  # the circle's radius at "empty", as a share of the largest


class BreathingShape(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_fraction = 0.0
        self._fill = QColor("#4f7cac")
        self._edge = QColor("#1d3557")
        self.setFixedHeight(240)  # fixed, so the words below it always keep their full height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_colours(self, fill: str, edge: str) -> None:
        self._fill, self._edge = QColor(fill), QColor(edge)
        self.update()

    def set_size_fraction(self, fraction: float) -> None:
        """0 is the smallest circle, 1 the largest."""
        fraction = max(0.0, min(1.0, fraction))
        if abs(fraction - self.size_fraction) > 0.001:
            self.size_fraction = fraction
            self.update()

    def radius(self) -> float:
        largest = min(self.width(), self.height()) / 2 - 6
        return max(4.0, largest * (SMALLEST + (1 - SMALLEST) * self.size_fraction))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._edge, 4))
        painter.setBrush(self._fill)
        r = self.radius()
        painter.drawEllipse(QPointF(self.width() / 2, self.height() / 2), r, r)
        painter.end()
