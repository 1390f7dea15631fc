"""Long reading, a screenful at a time: big "Previous part" / "Next part" buttons and "Part 2 of 4".

Where a screen cannot fit even after the screen-fit layout saved what room it could (an article
page, an exercise's text, the report preview, a long Get help now), the bar shows under it. Each
press moves one screenful (less one line, so the reader keeps their place); read-aloud moves to
the part holding the sentence being said. A scroll bar is never the only way down.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QWidget

from companion.i18n import _
from ui.theme import TARGET_GAP_PX
from ui.widgets.big_button import BigButton

OVERLAP_PX = 48  # about one line of text is seen again at the top of the next part


class PartsBar(QWidget):
    """The bar under a screen too tall for its room."""

    def __init__(self, scroll: QScrollArea, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scroll = scroll
        self.previous_button = BigButton(lambda: _("Previous part"), "back", line_chars=12)
        self.next_button = BigButton(lambda: _("Next part"), "next", line_chars=12)
        self.place = QLabel()
        self.place.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.place.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 4, 16, 4)
        layout.setSpacing(TARGET_GAP_PX)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.place, 1)
        layout.addWidget(self.next_button)
        self.previous_button.clicked.connect(lambda: self.show_part(self.part() - 1))
        self.next_button.clicked.connect(lambda: self.show_part(self.part() + 1))
        scroll.verticalScrollBar().valueChanged.connect(self.refresh)
        scroll.verticalScrollBar().rangeChanged.connect(self.refresh)

    def _step(self) -> int:
        return max(1, self._scroll.viewport().height() - OVERLAP_PX)

    def count(self) -> int:
        bar = self._scroll.verticalScrollBar()
        return 1 + -(-bar.maximum() // self._step()) if bar.maximum() > 0 else 1

    def part(self) -> int:
        """The part shown now, from 0 (the last part may start before its full step)."""
        bar = self._scroll.verticalScrollBar()
        if bar.value() >= bar.maximum():
            return self.count() - 1
        return min(self.count() - 1, -(-bar.value() // self._step()))

    def show_part(self, part: int) -> None:
        part = max(0, min(part, self.count() - 1))
        bar = self._scroll.verticalScrollBar()
        bar.setValue(min(bar.maximum(), part * self._step()))
        self.refresh()

    def follow(self, widget: QWidget, fraction: float = 0.0) -> None:
        """Show the part holding `widget` (at `fraction` of its height: a sentence in a long
        paragraph), so what is read aloud is on screen."""
        body = self._scroll.widget()
        if body is None or not self.isVisible() or not body.isAncestorOf(widget):
            return
        top = widget.mapTo(body, widget.rect().topLeft()).y()
        y = top + round(widget.height() * max(0.0, min(1.0, fraction)))
        bar = self._scroll.verticalScrollBar()
        if bar.value() <= y < bar.value() + self._scroll.viewport().height() - OVERLAP_PX // 2:
            return  # already on screen
        self.show_part(y // self._step())

    def refresh(self) -> None:
        count, part = self.count(), self.part()
        self.place.setText(_("Part {number} of {count}").format(number=part + 1, count=count))
        self.previous_button.setEnabled(part > 0)
        self.next_button.setEnabled(part < count - 1)

    def buttons(self) -> list[BigButton]:
        return [self.previous_button, self.next_button]

    def retranslate(self) -> None:
        for button in self.buttons():
            button.retranslate()
        self.refresh()
