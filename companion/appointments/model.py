"""The appointment value every part of the app passes around (storage, import, screens)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Appointment:
    """One video session with a clinician; `start` is always time-zone aware.

    `recurrence` is an RFC 5545 RRULE value (e.g. "FREQ=WEEKLY;BYDAY=TU") or None; `uid` is the
    calendar invitation's UID, kept so a re-imported invitation updates instead of duplicating.
    """

    id: int | None
    title: str
    with_whom: str
    start: datetime
    duration_minutes: int
    link: str | None
    phone: str | None
    notes: str
    recurrence: str | None
    uid: str | None

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.start.utcoffset() is None:
            raise ValueError("Appointment.start must be time-zone aware")
        if self.duration_minutes < 1:
            raise ValueError("Appointment.duration_minutes must be at least 1")

    @property
    def end(self) -> datetime:
        """When the session is over (start plus its length)."""
        return self.start + timedelta(minutes=self.duration_minutes)
