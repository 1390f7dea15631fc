"""When is my next session, can I join it yet, and how long until then, in plain words.

Everything takes `now` from the caller's injected clock and a display zone (None means the
computer's own zone), so the same logic runs in tests at any moment of any day.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo

from companion.appointments.model import Appointment
from companion.i18n import _

# Re-exported: reminders and the form read day and time words from here.
from companion.when_words import babel_locale as babel_locale
from companion.when_words import day_words as day_words
from companion.when_words import one_period
from companion.when_words import time_words as time_words

JOIN_OPENS_BEFORE = timedelta(minutes=15)  # clinics open the waiting room about then


def next_appointment(appointments: Iterable[Appointment], now: datetime) -> Appointment | None:
    """The session going on now, or else the next one to start; None when there is none."""
    upcoming = [a for a in appointments if a.end > now]
    return min(upcoming, key=lambda a: a.start, default=None)


def join_opens_at(appointment: Appointment) -> datetime:
    """The moment the Join button turns on."""
    return appointment.start - JOIN_OPENS_BEFORE


def can_join(appointment: Appointment, now: datetime) -> bool:
    """True from 15 minutes before the start until the planned end."""
    return join_opens_at(appointment) <= now < appointment.end


def has_started(appointment: Appointment, now: datetime) -> bool:
    return appointment.start <= now < appointment.end


def describe_next(appointment: Appointment, now: datetime, zone: tzinfo | None = None) -> str:
    """ "Next: Tuesday 14 March at 2:00 p.m. with Dr. Lee", or what is happening right now."""
    time = time_words(appointment.start, zone)
    person = appointment.with_whom.strip()
    if has_started(appointment, now):
        if person:
            return one_period(
                _("Now: your session with {person} started at {time}.").format(
                    person=person, time=time
                )
            )
        return one_period(_("Now: your session started at {time}.").format(time=time))
    day = day_words(appointment.start, now, zone)
    if person:
        return _("Next: {day} at {time} with {person}").format(day=day, time=time, person=person)
    return _("Next: {day} at {time}").format(day=day, time=time)


def countdown_words(appointment: Appointment, now: datetime) -> str:
    """How long until the start: "in 2 hours", "in 1 hour and 20 minutes", "in 3 days"."""
    seconds = (appointment.start - now).total_seconds()
    if seconds <= 0:
        return _("now")
    if seconds < 60:
        return _("in less than a minute")
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return _in(timedelta(minutes=minutes))
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        if rest == 0 or hours >= 3:
            return _in(timedelta(hours=hours))
        return _("in {hours} and {minutes}").format(
            hours=_words(timedelta(hours=hours)), minutes=_words(timedelta(minutes=rest))
        )
    return _in(timedelta(days=int(seconds // 86400)))


def _in(span: timedelta) -> str:
    from babel.dates import format_timedelta  # loaded when a span is first said, not at start

    return str(format_timedelta(span, threshold=1, add_direction=True, locale=babel_locale()))


def _words(span: timedelta) -> str:
    from babel.dates import format_timedelta

    return str(format_timedelta(span, threshold=1, locale=babel_locale()))
