"""Long reading in a box of its own, so a screen's choices stay on screen while the words go by
parts (#15: "long reading may go by parts, but the choices about it are reachable without
scrolling").

Where the screen fits, the box is as tall as its words. Where it does not, a room saver
(`ReadingBox.saver`, tried last) gives the box only the height the screen has left after its
title and its choices: the words then move a part at a time, each part as many whole lines as
the box holds (a part ends at a line, never in the middle of one), by the screen's own buttons
(the reader's "Next part" turns into "Next page" on the last part), and the choices stay where
they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent, QTextLayout
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.theme import TARGET_GAP_PX
from ui.widgets.fit import ScreenFit, needed_height, widget_height

MIN_BOX_PX = 120
"""A box never shrinks below about two lines of large text: under that, the screen itself reads
by parts (the last resort)."""


class Line(NamedTuple):
    top: int
    bottom: int
    blank: bool


def _blank_lines(label: QLabel, width: int, count: int) -> list[bool]:
    """Which of a label's `count` lines at `width` are empty (between paragraphs); all words
    where the count laid out here differs from the label's own."""
    blank: list[bool] = []
    for paragraph in label.text().split("\n"):
        if not paragraph.strip():
            blank.append(True)
            continue
        layout = QTextLayout(paragraph, label.font())
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            blank.append(False)
        layout.endLayout()
    return blank if len(blank) == count else [False] * count


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
        # No layout of its own: a layout's height would stand in for the box's, and a scroll
        # area has none (the box showed nothing where the words fit).
        self.area.setParent(self)
        self.labels = labels
        self.limit: int | None = None  # the box's height while the room is short
        self._showing = False
        self.area.verticalScrollBar().rangeChanged.connect(self._keep_part)
        self.moved = self.area.verticalScrollBar().rangeChanged  # the parts may have changed

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.area.setGeometry(self.rect())

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 1 else self.area.sizeHint().width()
        return QSize(self.area.sizeHint().width(), self.heightForWidth(width))

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
            self.area.setViewportMargins(0, 0, 0, 0)
            self.setMinimumHeight(0)
            self.setMaximumHeight(16_777_215)
        else:
            self.setFixedHeight(limit)
        self.updateGeometry()

    def lines(self, width: int | None = None, only: QLabel | None = None) -> list[Line]:
        """Each line of words in the box at `width` (now: its own), from the top of its words;
        `only`: that label's lines. A label's lines share its height evenly (one font, one line
        spacing); the empty line between two paragraphs is marked blank."""
        width = width if width is not None else self.area.viewport().width()
        layout = self.content.layout()
        gap = layout.spacing() if layout is not None else 0
        found: list[Line] = []
        top = 0
        for label in self.labels:
            if label.isHidden():
                continue
            height = label.heightForWidth(width)
            count = max(1, round(height / max(1, QFontMetrics(label.font()).lineSpacing())))
            if label.text() and only in (None, label):
                blank = _blank_lines(label, width, count)
                found += [
                    Line(top + height * n // count, top + height * (n + 1) // count, blank[n])
                    for n in range(count)
                ]
            top += height + gap
        return found

    def parts(self) -> list[tuple[int, int]]:
        """Where each part starts in the words and how tall it shows: as many whole lines as
        the box holds, so a part ends at a line, never in the middle of one (and starts at
        words, not at the empty line between two paragraphs)."""
        if self.limit is None:
            return [(0, 0)]
        lines, found, index = self.lines(), [], 0
        while index < len(lines):
            start = 0 if index == 0 else lines[index].top
            last = index
            while last + 1 < len(lines) and lines[last + 1].bottom - start <= self.limit:
                last += 1
            found.append((start, min(self.limit, lines[last].bottom - start)))
            index = last + 1
            while index < len(lines) and lines[index].blank:
                index += 1
        return found or [(0, 0)]

    def count(self) -> int:
        """How many parts the words take (1 where they fit)."""
        return len(self.parts())

    def part(self) -> int:
        """The part shown now, from 0."""
        value = self.area.verticalScrollBar().value()
        starts = [start for start, _height in self.parts()]
        return max(0, sum(1 for start in starts if start <= value) - 1)

    def show_part(self, part: int) -> None:
        parts = self.parts()
        part = max(0, min(part, len(parts) - 1))
        start, height = parts[part]
        # Below the part's last whole line the box shows nothing (the next line waits).
        hidden = self.limit - height if self.limit is not None and height else 0
        self._showing = True
        try:
            self.area.setViewportMargins(0, 0, 0, hidden)
            self.area.verticalScrollBar().setValue(start)
        finally:
            self._showing = False

    def _keep_part(self, *_range: int) -> None:
        """The words or the room changed: show the part the reader was at, whole lines."""
        if not self._showing:
            self.show_part(self.part())

    def to_start(self) -> None:
        """Back to the first part (a new page of the article)."""
        self.show_part(0)

    def follow(self, widget: QWidget, fraction: float = 0.0) -> None:
        """Show the part holding `widget` at `fraction` of its height (the sentence read aloud
        now), unless it is on screen already."""
        if not self.content.isAncestorOf(widget):
            return
        top = widget.mapTo(self.content, widget.rect().topLeft()).y()
        y = top + round(widget.height() * max(0.0, min(1.0, fraction)))
        parts = self.parts()
        holding = max(0, sum(1 for start, _height in parts if start <= y) - 1)
        if holding != self.part():
            self.show_part(holding)

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
