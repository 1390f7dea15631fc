"""A grid of choices that reflows to fewer columns as text grows, so nothing scrolls sideways."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from ui.theme import TARGET_GAP_PX


class ChoiceGrid(QWidget):
    """Lays its buttons out left to right, top to bottom, in as many columns as fit."""

    def __init__(self, max_columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_columns = max_columns
        self._items: list[QWidget] = []
        self._columns = 0
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(TARGET_GAP_PX + 4)

    def add(self, widget: QWidget) -> None:
        self._items.append(widget)
        self._columns = 0
        self._reflow(self.width() or 1280)

    def items(self) -> list[QWidget]:
        return list(self._items)

    def set_max_columns(self, columns: int) -> None:
        self._max_columns = columns
        self._columns = 0
        self._reflow(self.width())

    def _columns_for(self, width: int) -> int:
        widest = max((w.sizeHint().width() for w in self._items), default=1)
        gap = self._layout.spacing()
        fit = max(1, (width + gap) // (widest + gap))
        return max(1, min(self._max_columns, fit, len(self._items) or 1))

    def _reflow(self, width: int) -> None:
        columns = self._columns_for(width)
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self._items:
            self._layout.removeWidget(widget)
        for index, widget in enumerate(self._items):
            self._layout.addWidget(widget, index // columns, index % columns)

    def refresh(self) -> None:
        """Recount the columns (after the text size or language changed)."""
        self._columns = 0
        self._reflow(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow(event.size().width())
