"""Time as an injected dependency, so logic and tests never read the wall clock directly."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything that can tell the current time (always time-zone aware, UTC)."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock, used only by the launcher."""

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock tests move by hand: time only passes when `advance` is called."""

    current: datetime = field(default_factory=lambda: datetime(2026, 3, 14, 12, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.current

    def advance(self, seconds: float = 0.0, **kwargs: float) -> None:
        self.current += timedelta(seconds=seconds, **kwargs)
