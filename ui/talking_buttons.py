"""Talking buttons by pointer: a button's name is said when the pointer rests on it a moment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QWidget

REST_MS = 600  # long enough that sweeping across the screen does not set off a chatter


class PointerRest(QObject):
    """Watches one window; calls `say(name)` for the button the pointer has rested on."""

    def __init__(self, window: QWidget, enabled: Callable[[], bool], say: Callable[[str], None]):
        super().__init__(window)
        self._window = window
        self._enabled = enabled
        self._say = say
        self._target: QAbstractButton | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REST_MS)
        self._timer.timeout.connect(self.rested)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QAbstractButton) or watched.window() is not self._window:
            return False
        if event.type() == QEvent.Type.Enter and self._enabled():
            self._target = watched
            self._timer.start()
        elif event.type() == QEvent.Type.Leave and watched is self._target:
            self._timer.stop()
            self._target = None
        return False

    def rested(self) -> None:
        """The pointer stayed on the button: say its name (once per resting)."""
        target, self._target = self._target, None
        if target is not None and self._enabled() and target.accessibleName():
            self._say(target.accessibleName())
