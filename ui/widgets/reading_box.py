"""Long reading in a box of its own, so a screen's choices stay on screen while the words go by
parts (#15: "long reading may go by parts, but the choices about it are reachable without
scrolling").

Where the screen fits, the box is as tall as its words. Where it does not, a room saver
(`ReadingBox.saver`, tried last) gives the box only the height the screen has left after its
title and its choices: the words then move a screenful at a time (less a line, so the reader
keeps their place), by the screen's own buttons (the reader's "Next part" turns into "Next
page" on the last part), and the choices stay where they are.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.theme import TARGET_GAP_PX
from ui.widgets.fit import ScreenFit, needed_height, widget_height
from ui.widgets.reading import OVERLAP_PX

MIN_BOX_PX = 120
"""A box never shrinks below about two lines of large text: under that, the screen itself reads
by parts (the last resort)."""


class ReadingBox(QWidget):
    """Labels of long reading that go by screenfuls where the room is short."""

    def __init__(self, labels: list[QLabel], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(TARGET_GAP_PX + 4)
        for label in labels:
            inner.addWidget(label)
        inner.addStretch(1)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The screen's buttons move the parts; a thin bar would only take the words' width.
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area)
        self.limit: int | None = None  # the box's height while the room is short
        self.moved = self.area.verticalScrollBar().rangeChanged  # the parts may have changed

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if self.limit is not None:
            return self.limit
        return widget_height(self.content, width)

    def set_limit(self, limit: int | None) -> None:
        """The box's height (None: as tall as its words)."""
        self.limit = limit
        if limit is None:
            self.setMinimumHeight(0)
            self.setMaximumHeight(16_777_215)
        else:
            self.setFixedHeight(limit)
        self.updateGeometry()

    def _step(self) -> int:
        return max(1, self.area.viewport().height() - OVERLAP_PX)

    def count(self) -> int:
        """How many screenfuls the words take (1 where they fit)."""
        if self.limit is None:
            return 1  # the box is as tall as its words
        bar = self.area.verticalScrollBar()
        return 1 + -(-bar.maximum() // self._step()) if bar.maximum() > 0 else 1

    def part(self) -> int:
        """The part shown now, from 0 (the last part may start before its full step)."""
        bar = self.area.verticalScrollBar()
        if bar.value() >= bar.maximum():
            return self.count() - 1
        return min(self.count() - 1, -(-bar.value() // self._step()))

    def show_part(self, part: int) -> None:
        part = max(0, min(part, self.count() - 1))
        bar = self.area.verticalScrollBar()
        bar.setValue(min(bar.maximum(), part * self._step()))

    def to_start(self) -> None:
        """Back to the first part (a new page of the article)."""
        self.area.verticalScrollBar().setValue(0)

    def follow(self, widget: QWidget, fraction: float = 0.0) -> None:
        """Show the part holding `widget` at `fraction` of its height (the sentence read aloud
        now), unless it is on screen already."""
        if not self.content.isAncestorOf(widget):
            return
        top = widget.mapTo(self.content, widget.rect().topLeft()).y()
        y = top + round(widget.height() * max(0.0, min(1.0, fraction)))
        bar = self.area.verticalScrollBar()
        if bar.value() <= y < bar.value() + self.area.viewport().height() - OVERLAP_PX // 2:
            return
        self.show_part(y // self._step())

    def saver(
        self, fitter: ScreenFit, body: QWidget, scroll: QScrollArea
    ) -> Callable[[bool], None]:
        """The room saver a screen adds last: the box takes only the height left over."""

        def save(on: bool) -> None:
            if not on:
                self.set_limit(None)
                return
            self.set_limit(MIN_BOX_PX)  # measure everything else with the box at its least
            width, height = fitter.room()
            bar = scroll.verticalScrollBar()
            width -= max(bar.sizeHint().width(), bar.width() if bar.isVisible() else 0)
            others = needed_height(body, width) - MIN_BOX_PX
            self.set_limit(max(MIN_BOX_PX, height - others))

        return save
