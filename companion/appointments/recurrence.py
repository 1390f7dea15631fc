"""Expand a repeating session (an RFC 5545 RRULE) into the concrete sessions of the coming months.

Companion keeps every session as one concrete appointment, so reminders, the Join button and
storage never need to understand repeating rules. A series is expanded once, when it is imported
or added, for a horizon of coming months; `Appointment.recurrence` keeps the rule for display.
The start must be in the session's own named zone (not UTC) so 2 pm stays 2 pm after a
daylight-saving change.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime, timedelta

from dateutil.rrule import rrulestr  # type: ignore[import-untyped,unused-ignore]

DEFAULT_HORIZON = timedelta(days=183)  # about six months ahead
MAX_OCCURRENCES = 400  # more than a daily session for the whole horizon
MAX_STEPS = 20_000  # how far a rule is walked before giving up (an old daily series is fine)
ALLOWED_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_FREQ = re.compile(r"(?:^|;)FREQ=([A-Z]+)(?:;|$)", re.IGNORECASE)


class RecurrenceError(ValueError):
    """The rule cannot be followed (wrong shape, or repeats more often than once a day)."""


def occurrences(
    start: datetime,
    rule: str,
    *,
    window_start: datetime,
    horizon: timedelta = DEFAULT_HORIZON,
    duration: timedelta = timedelta(0),
    excluded: Collection[datetime] = (),
) -> list[datetime]:
    """Starts of the sessions of `rule` still going on at `window_start` or starting before
    `window_start + horizon`, minus `excluded` instants."""
    if start.tzinfo is None:
        raise RecurrenceError("start must be time-zone aware")
    frequency = _FREQ.search(rule)
    if not frequency or frequency.group(1).upper() not in ALLOWED_FREQUENCIES:
        raise RecurrenceError("only daily, weekly, monthly or yearly rules are followed")
    if "\n" in rule or "\r" in rule:
        raise RecurrenceError("one rule only")
    try:
        parsed = rrulestr(rule, dtstart=start)
    except (ValueError, TypeError, OverflowError) as exc:
        raise RecurrenceError(str(exc)) from exc
    window_end = window_start + horizon
    excluded_instants = {moment.timestamp() for moment in excluded}
    found: list[datetime] = []
    try:
        for step, moment in enumerate(parsed):
            if moment >= window_end or step >= MAX_STEPS or len(found) >= MAX_OCCURRENCES:
                break
            if moment + duration > window_start and moment.timestamp() not in excluded_instants:
                found.append(moment)
    except (ValueError, TypeError, OverflowError) as exc:
        raise RecurrenceError(str(exc)) from exc
    return found
