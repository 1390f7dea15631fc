"""Talking buttons by pointer: a button's name is said when the pointer rests on it a moment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QWidget

from companion.clock import Clock

REST = timedelta(milliseconds=600)  # long enough that sweeping across the screen is not chatter
POLL_MS = 100
"""How often the clock is looked at while the pointer is on a button (and only then)."""


class PointerRest(QObject):
    """Watches one window; calls `say(name)` for the button the pointer has rested on.

    Resting is measured on the injected clock, so a test moves time instead of waiting; a timer
    only looks at the clock while the pointer is on a button."""

    def __init__(
        self,
        window: QWidget,
        clock: Clock,
        enabled: Callable[[], bool],
        say: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._clock = clock
        self._enabled = enabled
        self._say = say
        self._target: QAbstractButton | None = None
        self._entered: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QAbstractButton) or watched.window() is not self._window:
            return False
        if event.type() == QEvent.Type.Enter and self._enabled():
            self._target = watched
            self._entered = self._clock.now()
            self._timer.start()
        elif event.type() == QEvent.Type.Leave and watched is self._target:
            self._forget()
        return False

    def poll(self) -> None:
        """Say the name once the pointer has rested on the button long enough."""
        if self._entered is not None and self._clock.now() - self._entered >= REST:
            self.rested()

    def rested(self) -> None:
        """The pointer stayed on the button: say its name (once per resting)."""
        target = self._target
        self._forget()
        if target is not None and self._enabled() and target.accessibleName():
            self._say(target.accessibleName())

    def _forget(self) -> None:
        self._timer.stop()
        self._target = None
        self._entered = None
