"""Reads the current screen aloud in reading order and highlights the sentence being said."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ui.widgets.screen import Screen, SpokenPart

if TYPE_CHECKING:
    from ui.speech import SpeechBridge


class ScreenReader(QObject):
    """Owns one reading at a time: pressing again, or leaving the screen, stops it."""

    reading_changed = Signal(bool)

    def __init__(self, speech: SpeechBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speech = speech
        self._screen: Screen | None = None
        self._parts: dict[int, SpokenPart] = {}
        self._last_id: int | None = None
        speech.started.connect(self._on_started)
        speech.word.connect(self._on_word)
        speech.finished.connect(self._on_finished)

    @property
    def reading(self) -> bool:
        return self._last_id is not None

    def toggle(self, screen: Screen, before: list[SpokenPart] | None = None) -> None:
        """Stop, or read the screen with `before` (what the window says first) ahead of it."""
        if self.reading:
            self.stop()
        else:
            self.read(screen, [*(before or []), *screen.reading_order()])

    def read(self, screen: Screen, parts: list[SpokenPart] | None = None) -> None:
        """Say `parts` (default: the whole screen in reading order)."""
        self.stop()
        parts = screen.reading_order() if parts is None else parts
        if not parts:
            return
        self._screen = screen
        ids = self._speech.say_sequence([p.sentence for p in parts])
        self._parts = dict(zip(ids, parts, strict=True))
        self._last_id = ids[-1]
        self.reading_changed.emit(True)

    def say_one(self, screen: Screen, text: str) -> None:
        """Say one short text (a control's name) without a highlight."""
        self.read(screen, [SpokenPart(text, None)])

    def stop(self) -> None:
        if self._last_id is None:
            return
        self._speech.stop()
        self._end()

    def _end(self) -> None:
        screen, self._screen = self._screen, None
        self._parts = {}
        self._last_id = None
        if screen is not None:
            _safe(lambda: screen.highlight(None))
        self.reading_changed.emit(False)

    def _on_started(self, utterance_id: int) -> None:
        part = self._parts.get(utterance_id)
        if part is not None and self._screen is not None:
            screen = self._screen
            _safe(lambda: screen.highlight(part))

    def _on_word(self, utterance_id: int, position: int, _length: int) -> None:
        """A word is being said: if it is part of a control's name, mark that control."""
        part = self._parts.get(utterance_id)
        if part is None or not part.named or self._screen is None:
            return
        screen = self._screen
        control = next((c for start, end, c in part.named if start <= position < end), None)
        if control is not None:
            _safe(lambda: screen.highlight_control(control))

    def _on_finished(self, utterance_id: int, completed: bool) -> None:
        if utterance_id not in self._parts:
            return
        if utterance_id == self._last_id or not completed:
            self._end()


def _safe(action: Callable[[], None]) -> None:
    with suppress(RuntimeError):  # the screen's widgets were deleted while speech went on
        action()
