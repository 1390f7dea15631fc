"""A screen fits itself again when its words change after it was fitted.

The screen fit (fit.py) measures a screen once it has its room. A sentence that arrives later
(a read that failed, a wrong PIN, "Saved.") made the words taller with nobody measuring: on 41
screens, at 200% in French on 1024 x 768, one more sentence pushed choices below the edge or cut
their words, and no scroll bar was left to reach them (tests/ui/test_late_words.py). Each
screen asked for a new fit by hand where it remembered to. This watch does it for all: when
the body asks for a new layout, and the words of its labels (or which are shown) differ from
those at the last fit, the screen is fitted again, once the change is made.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget

Words = tuple[tuple[str, bool], ...]
MOST_REFITS_A_SECOND = 4  # a sentence arrives now and then; more is a loop, and it stops


class WordsWatch(QObject):
    """Watches `body` (a screen's scrolled content) and calls `refit` when its words change."""

    def __init__(self, body: QWidget, refit: Callable[[], None], watching: bool = True) -> None:
        super().__init__(body)
        self._body = body
        self._refit = refit
        self._words: Words = ()
        self._recent: list[float] = []  # when the last refits it asked for were
        if watching:
            body.installEventFilter(self)

    def words(self) -> Words:
        return tuple((label.text(), label.isVisibleTo(self._body)) for label in self._labels())

    def _labels(self) -> list[QLabel]:
        return self._body.findChildren(QLabel)

    def fitted(self) -> None:
        """The screen was just fitted: these are the words it was fitted with."""
        self._words = self.words()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # Qt sends one LayoutRequest for any number of changes, once they are made.
        if watched is self._body and kind in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._check()
        return False

    def _check(self) -> None:
        if not self._body.isVisible() or self.words() == self._words:
            return
        now = time.monotonic()
        self._recent = [t for t in self._recent if now - t < 1.0]
        if len(self._recent) >= MOST_REFITS_A_SECOND:
            return  # words that change with every fit: stop, as they are
        self._recent.append(now)
        self._refit()
        self._words = self.words()  # a screen not yet sized is not fitted: do not ask again
