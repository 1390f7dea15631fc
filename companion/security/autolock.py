"""When to warn and when to lock an idle session on a shared PC: pure logic on an injected clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from companion.clock import Clock

SHARED_PC_IDLE_MINUTES = 10
WARNING_SECONDS = 60  # at least a minute's warning, spoken, with a huge "I'm still here"
MINIMUM_IDLE_SECONDS = 2 * WARNING_SECONDS


def idle_timeout_seconds(shared_pc: bool, minutes: int | None = None) -> int | None:
    """The idle time before locking: 10 minutes on a shared PC by default, off (None) at home."""
    if minutes is None:
        minutes = SHARED_PC_IDLE_MINUTES if shared_pc else 0
    if minutes <= 0:
        return None
    return max(MINIMUM_IDLE_SECONDS, minutes * 60)


@dataclass(frozen=True)
class AutoLockState:
    """What the screen should show now: nothing, the warning (with seconds left), or the lock."""

    phase: Literal["active", "warning", "locked"]
    seconds_left: int


class AutoLockPolicy:
    """Tracks the person's last activity; the UI asks `state()` on a timer and shows the result."""

    def __init__(self, clock: Clock, idle_seconds: int | None) -> None:
        self._clock = clock
        self._idle_seconds = idle_seconds
        self._last_activity: datetime = clock.now()
        self._locked = False

    @property
    def enabled(self) -> bool:
        return self._idle_seconds is not None

    def touch(self) -> None:
        """The person did something (a key, a click, "I'm still here"): start counting again."""
        if not self._locked:
            self._last_activity = self._clock.now()

    def lock_now(self) -> None:
        self._locked = True

    def unlocked(self) -> None:
        """A new unlock happened: the count starts from now."""
        self._locked = False
        self._last_activity = self._clock.now()

    def state(self) -> AutoLockState:
        if self._locked:
            return AutoLockState("locked", 0)
        if self._idle_seconds is None:
            return AutoLockState("active", 0)
        idle = (self._clock.now() - self._last_activity).total_seconds()
        left = int(self._idle_seconds - max(0.0, idle) + 0.999)
        if left <= 0:
            self._locked = True
            return AutoLockState("locked", 0)
        if left <= WARNING_SECONDS:
            return AutoLockState("warning", left)
        return AutoLockState("active", left)
