"""Reminders while the app runs: a day, an hour and 15 minutes before each session.

The screen asks `ReminderBoard.due(appointments, now)` on a timer; each reminder is given once.
When the app starts late (20 minutes before a session), only the latest reminder that still
makes sense is given, not all three at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from companion.appointments.model import Appointment
from companion.appointments.schedule import countdown_words, day_words, time_words
from companion.i18n import _
from companion.when_words import one_period

REMINDER_OFFSETS: tuple[timedelta, ...] = (
    timedelta(days=1),
    timedelta(hours=1),
    timedelta(minutes=15),
)


@dataclass(frozen=True)
class Reminder:
    """One reminder to show (and say): which session, and how long before it."""

    appointment: Appointment
    before: timedelta

    @property
    def due_at(self) -> datetime:
        return self.appointment.start - self.before

    @property
    def key(self) -> tuple[str, float, float]:
        """Identifies this reminder across store reloads (id may be None for guests)."""
        a = self.appointment
        identity = str(a.id) if a.id is not None else (a.uid or a.title)
        return identity, a.start.timestamp(), self.before.total_seconds()


def reminder_due(appointment: Appointment, now: datetime) -> Reminder | None:
    """The most recent reminder whose time has come for a session not yet started, if any."""
    if now >= appointment.start:
        return None
    passed = [offset for offset in REMINDER_OFFSETS if appointment.start - offset <= now]
    return Reminder(appointment, min(passed)) if passed else None


def reminder_text(reminder: Reminder, now: datetime, zone: tzinfo | None = None) -> str:
    """The banner sentence, also spoken: when the session is and with whom."""
    a = reminder.appointment
    person = a.with_whom.strip()
    if reminder.before <= timedelta(minutes=15):
        if person:
            return _(
                "Your video session with {person} starts {countdown}. You can join it now."
            ).format(person=person, countdown=countdown_words(a, now))
        return _("Your video session starts {countdown}. You can join it now.").format(
            countdown=countdown_words(a, now)
        )
    day, time = day_words(a.start, now, zone), time_words(a.start, zone)
    if person:
        return one_period(
            _("Reminder: your video session with {person} is {day} at {time}.").format(
                person=person, day=day, time=time
            )
        )
    return one_period(
        _("Reminder: your video session is {day} at {time}.").format(day=day, time=time)
    )


class ReminderBoard:
    """Remembers which reminders were already given in this run of the app (in memory only)."""

    def __init__(self) -> None:
        self._given: set[tuple[str, float, float]] = set()

    def due(self, appointments: Iterable[Appointment], now: datetime) -> list[Reminder]:
        """Reminders to give now, earliest session first; each is returned only once."""
        found = []
        for appointment in sorted(appointments, key=lambda a: a.start):
            reminder = reminder_due(appointment, now)
            if reminder is not None and reminder.key not in self._given:
                self._given.add(reminder.key)
                found.append(reminder)
        return found
