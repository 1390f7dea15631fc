"""A grid of choices that reflows to fewer columns as text grows, so nothing scrolls sideways."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
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
        widget.installEventFilter(self)  # a choice hidden or shown later closes up the gap
        self._columns = 0
        self._reflow(self.width() or 1280)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.refresh()
        return False

    def _shown(self) -> list[QWidget]:
        """The choices not hidden on purpose (a widget not yet on screen still counts)."""
        explicit = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        hidden = Qt.WidgetAttribute.WA_WState_Hidden
        return [
            w for w in self._items if not (w.testAttribute(explicit) and w.testAttribute(hidden))
        ]

    def items(self) -> list[QWidget]:
        return list(self._items)

    def set_max_columns(self, columns: int) -> None:
        self._max_columns = columns
        self._columns = 0
        self._reflow(self.width())

    def _columns_for(self, width: int) -> int:
        shown = self._shown()
        widest = max((w.sizeHint().width() for w in shown), default=1)
        gap = self._layout.spacing()
        fit = max(1, (width + gap) // (widest + gap))
        return max(1, min(self._max_columns, fit, len(shown) or 1))

    def _reflow(self, width: int) -> None:
        columns = self._columns_for(width)
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self._items:
            self._layout.removeWidget(widget)
        for index, widget in enumerate(self._shown()):
            self._layout.addWidget(widget, index // columns, index % columns)

    def refresh(self) -> None:
        """Recount the columns (after the text size or language changed)."""
        self._columns = 0
        self._reflow(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow(event.size().width())
