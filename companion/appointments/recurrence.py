"""Expand a repeating session (an RFC 5545 RRULE) into the concrete sessions of the coming months.

Companion keeps every session as one concrete appointment, so reminders, the Join button and
storage never need to understand repeating rules. A series is expanded once, when it is imported
or added, for a horizon of coming months; `Appointment.recurrence` keeps the rule for display.
The start must be in the session's own named zone (not UTC) so 2 pm stays 2 pm after a
daylight-saving change.

Rules come from files anyone can write, so the walk is our own, lazy and bounded: it starts at
the window (unless COUNT needs the series from its start), looks at each day at most once, goes
only as far as its reader takes sessions (`iter_occurrences`), stops at the end of the window
whether or not the rule ever matches, and gives up after a fixed number of days looked at, for
one rule (`MAX_TRIES_PER_RULE`) and for all rules of one file (a shared `TryBudget`). Only the
parts clinic calendars write are followed (FREQ daily to yearly, INTERVAL, COUNT, UNTIL, BYDAY,
BYMONTHDAY, BYMONTH, BYSETPOS, WKST); anything more often than once a day is refused with its
own error.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice

DEFAULT_HORIZON = timedelta(days=183)  # about six months ahead
MAX_OCCURRENCES = 400  # more than a daily session for the whole horizon
# Days looked at per file before giving up: 2,000 weekly sessions (the most one file may add)
# need about 15,000.
MAX_TRIES = 20_000
# Days one rule may look at: a window of the coming months costs at most about 750 (a yearly
# rule with no month walks whole years); a COUNT series walked from its start fits if it began
# within 10 years.
MAX_TRIES_PER_RULE = 4_000
ALLOWED_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_SUB_DAILY_FREQUENCIES = ("SECONDLY", "MINUTELY", "HOURLY")
_WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_UNTIL = re.compile(r"^(\d{8})(?:T(\d{6})(Z?))?$")


class RecurrenceError(ValueError):
    """The rule cannot be followed (wrong shape, unknown parts, or too costly to walk)."""


class TooOftenError(RecurrenceError):
    """The rule repeats more than once a day, or with no gap at all (INTERVAL=0)."""


class TryBudget:
    """How many more days the walks may look at; shared by all rules of one file. `used`
    counts the days looked at so far (what the attack tests measure, instead of time)."""

    def __init__(self, tries: int = MAX_TRIES) -> None:
        self.left = tries
        self.used = 0

    def spend(self, days: int) -> None:
        self.used += days
        self.left -= days
        if self.left < 0:
            raise RecurrenceError("gave up: the rule needs too many tries")


@dataclass(frozen=True)
class _Rule:
    frequency: str
    interval: int
    count: int | None
    until: datetime | None
    months: frozenset[int]
    monthdays: frozenset[int]
    weekdays: frozenset[int]
    nth_weekdays: frozenset[tuple[int, int]]
    set_positions: tuple[int, ...]
    week_start: int
    clock: time


def _numbers(text: str, low: int, high: int, *, signed: bool = False) -> frozenset[int]:
    values = set()
    for part in text.split(","):
        if not re.fullmatch(r"[+-]?\d{1,4}", part):
            raise RecurrenceError(f"not a number: {part!r}")
        value = int(part)
        if not (low <= abs(value) <= high) or (value < 0 and not signed):
            raise RecurrenceError(f"out of range: {value}")
        values.add(value)
    return frozenset(values)


def _one_value(parts: dict[str, str], name: str, high: int) -> int | None:
    if name not in parts:
        return None
    values = _numbers(parts[name], 0, high)
    if len(values) > 1:
        raise TooOftenError(f"{name} with more than one value repeats within a day")
    return next(iter(values))


def _until(text: str, start: datetime) -> datetime:
    match = _UNTIL.match(text)
    if not match:
        raise RecurrenceError(f"UNTIL is not a date: {text!r}")
    day, clock, utc = match.groups()
    try:
        moment = datetime.strptime(day + (clock or "235959"), "%Y%m%d%H%M%S")
    except ValueError as exc:
        raise RecurrenceError(str(exc)) from exc
    return moment.replace(tzinfo=UTC) if utc else moment.replace(tzinfo=start.tzinfo)


def parse_rule(text: str, start: datetime) -> _Rule:
    """The parts of `text` Companion follows, checked; raises RecurrenceError or TooOftenError."""
    if "\n" in text or "\r" in text:
        raise RecurrenceError("one rule only")
    parts: dict[str, str] = {}
    for item in text.upper().split(";"):
        name, equals, value = item.partition("=")
        if not equals or not value or name in parts:
            raise RecurrenceError(f"cannot read {item!r}")
        parts[name] = value
    frequency = parts.pop("FREQ", "")
    if frequency in _SUB_DAILY_FREQUENCIES:
        raise TooOftenError("repeats more often than once a day")
    if frequency not in ALLOWED_FREQUENCIES:
        raise RecurrenceError("only daily, weekly, monthly or yearly rules are followed")
    interval = next(iter(_numbers(parts.pop("INTERVAL", "1"), 0, 999)))
    if interval == 0:
        raise TooOftenError("INTERVAL=0 repeats at the same moment")
    hour = _one_value(parts, "BYHOUR", 23)
    minute = _one_value(parts, "BYMINUTE", 59)
    second = _one_value(parts, "BYSECOND", 59)
    for name in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        parts.pop(name, None)
    count = None
    if "COUNT" in parts:
        count = next(iter(_numbers(parts.pop("COUNT"), 1, 9999)))
    until = _until(parts.pop("UNTIL"), start) if "UNTIL" in parts else None
    months = _numbers(parts.pop("BYMONTH"), 1, 12) if "BYMONTH" in parts else frozenset()
    monthdays = (
        _numbers(parts.pop("BYMONTHDAY"), 1, 31, signed=True)
        if "BYMONTHDAY" in parts
        else frozenset()
    )
    weekdays: set[int] = set()
    nth: set[tuple[int, int]] = set()
    for item in parts.pop("BYDAY").split(",") if "BYDAY" in parts else []:
        match = _BYDAY.match(item)
        if not match:
            raise RecurrenceError(f"not a weekday: {item!r}")
        if match.group(1) is None:
            weekdays.add(_WEEKDAYS[match.group(2)])
            continue
        ordinal = int(match.group(1))
        if frequency not in ("MONTHLY", "YEARLY") or not 1 <= abs(ordinal) <= 53:
            raise RecurrenceError(f"cannot follow {item!r}")
        nth.add((ordinal, _WEEKDAYS[match.group(2)]))
    positions = (
        tuple(sorted(_numbers(parts.pop("BYSETPOS"), 1, 366, signed=True)))
        if "BYSETPOS" in parts
        else ()
    )
    week_start = _WEEKDAYS.get(parts.pop("WKST", "MO"), -1)
    if week_start < 0 or parts:  # BYYEARDAY, BYWEEKNO, RSCALE, X-...: not in clinic calendars
        raise RecurrenceError(f"cannot follow {sorted(parts)}")
    if not (monthdays or weekdays or nth):  # the start's own day, as RFC 5545 says
        if frequency == "WEEKLY":
            weekdays.add(start.weekday())
        elif frequency == "MONTHLY":
            monthdays = frozenset({start.day})
        elif frequency == "YEARLY":
            monthdays = frozenset({start.day})
            months = months or frozenset({start.month})
    clock = start.timetz().replace(
        hour=start.hour if hour is None else hour,
        minute=start.minute if minute is None else minute,
        second=start.second if second is None else second,
    )
    return _Rule(
        frequency,
        interval,
        count,
        until,
        months,
        monthdays,
        frozenset(weekdays),
        frozenset(nth),
        positions,
        week_start,
        clock,
    )


def _period_start(rule: _Rule, day: date) -> date:
    if rule.frequency == "WEEKLY":
        return day - timedelta(days=(day.weekday() - rule.week_start) % 7)
    if rule.frequency == "MONTHLY":
        return day.replace(day=1)
    if rule.frequency == "YEARLY":
        return date(day.year, 1, 1)
    return day


def _period_index(rule: _Rule, first: date, day: date) -> int:
    """How many periods (days, weeks, months, years) `day` lies after the series' first one."""
    if rule.frequency == "WEEKLY":
        return (_period_start(rule, day) - _period_start(rule, first)).days // 7
    if rule.frequency == "MONTHLY":
        return (day.year - first.year) * 12 + day.month - first.month
    if rule.frequency == "YEARLY":
        return day.year - first.year
    return (day - first).days


def _period_days(rule: _Rule, first: date, index: int) -> list[date]:
    begin = _period_start(rule, first)
    if rule.frequency == "DAILY":
        return [begin + timedelta(days=index)]
    if rule.frequency == "WEEKLY":
        monday = begin + timedelta(weeks=index)
        return [monday + timedelta(days=i) for i in range(7)]
    if rule.frequency == "MONTHLY":
        year, month = divmod(begin.year * 12 + begin.month - 1 + index, 12)
        days = calendar.monthrange(year, month + 1)[1]
        return [date(year, month + 1, d) for d in range(1, days + 1)]
    year = begin.year + index
    if rule.months:  # only the chosen months can match: a yearly session tries about 31 days
        return [
            date(year, month, day)
            for month in sorted(rule.months)
            for day in range(1, calendar.monthrange(year, month)[1] + 1)
        ]
    return [
        date(year, 1, 1) + timedelta(days=i) for i in range(366 if calendar.isleap(year) else 365)
    ]


def _matches(rule: _Rule, day: date) -> bool:
    if rule.months and day.month not in rule.months:
        return False
    if rule.monthdays:
        length = calendar.monthrange(day.year, day.month)[1]
        if day.day not in rule.monthdays and day.day - length - 1 not in rule.monthdays:
            return False
    if not (rule.weekdays or rule.nth_weekdays):
        return True
    if day.weekday() in rule.weekdays:
        return True
    if rule.frequency == "YEARLY" and not rule.months:
        place, length = day.timetuple().tm_yday, 366 if calendar.isleap(day.year) else 365
    else:
        place, length = day.day, calendar.monthrange(day.year, day.month)[1]
    from_start, from_end = (place - 1) // 7 + 1, -((length - place) // 7 + 1)
    return any((n, day.weekday()) in rule.nth_weekdays for n in (from_start, from_end))


def _walk(
    rule: _Rule, start: datetime, first_index: int, last_day: date, budget: TryBudget
) -> Iterator[datetime]:
    """Session starts from period `first_index` on, until the period after `last_day`."""
    index, first, produced, tried = first_index, start.date(), 0, 0
    while True:
        days = _period_days(rule, first, index)
        if days[0] > last_day or (rule.until is not None and days[0] > rule.until.date()):
            return
        tried += len(days)
        if tried > MAX_TRIES_PER_RULE:
            raise RecurrenceError("gave up: the rule needs too many tries")
        budget.spend(len(days))
        chosen = [day for day in days if _matches(rule, day)]
        if rule.set_positions:
            picked = {
                chosen[p - 1 if p > 0 else p]
                for p in rule.set_positions
                if p <= len(chosen) and -p <= len(chosen)
            }
            chosen = sorted(picked)
        for day in chosen:
            moment = datetime.combine(day, rule.clock)
            if moment < start:
                continue
            if rule.until is not None and moment > rule.until:
                return
            yield moment
            produced += 1
            if rule.count is not None and produced >= rule.count:
                return
        index += rule.interval


def occurrences(
    start: datetime,
    rule: str,
    *,
    window_start: datetime,
    horizon: timedelta = DEFAULT_HORIZON,
    duration: timedelta = timedelta(0),
    excluded: Collection[datetime] = (),
    budget: TryBudget | None = None,
) -> list[datetime]:
    """Starts of the sessions of `rule` still going on at `window_start` or starting before
    `window_start + horizon`, minus `excluded` instants (at most MAX_OCCURRENCES)."""
    found = iter_occurrences(
        start,
        rule,
        window_start=window_start,
        horizon=horizon,
        duration=duration,
        excluded=excluded,
        budget=budget,
    )
    return list(islice(found, MAX_OCCURRENCES))


def iter_occurrences(
    start: datetime,
    rule: str,
    *,
    window_start: datetime,
    horizon: timedelta = DEFAULT_HORIZON,
    duration: timedelta = timedelta(0),
    excluded: Collection[datetime] = (),
    budget: TryBudget | None = None,
) -> Iterator[datetime]:
    """The same sessions as `occurrences`, one at a time: the walk goes only as far as the
    reader takes, so an import that stops at its cap never pays for the rest. The rule is
    checked now (RecurrenceError, TooOftenError); a walk that needs too many tries raises
    RecurrenceError while being read."""
    if start.tzinfo is None:
        raise RecurrenceError("start must be time-zone aware")
    parsed = parse_rule(rule, start)
    return _sessions_in_window(
        parsed,
        start,
        window_start,
        window_start + horizon,
        duration,
        {moment.timestamp() for moment in excluded},
        budget or TryBudget(),
    )


def _sessions_in_window(
    parsed: _Rule,
    start: datetime,
    window_start: datetime,
    window_end: datetime,
    duration: timedelta,
    excluded_instants: set[float],
    budget: TryBudget,
) -> Iterator[datetime]:
    try:
        last_day = window_end.astimezone(start.tzinfo).date() + timedelta(days=1)
        first_index = 0
        if parsed.count is None:  # no need to walk the series' past: jump to the window
            earliest = (window_start - duration).astimezone(start.tzinfo).date() - timedelta(days=1)
            if earliest > start.date():
                passed = _period_index(parsed, start.date(), earliest)
                first_index = passed - passed % parsed.interval
        for moment in _walk(parsed, start, first_index, last_day, budget):
            if moment >= window_end:
                return
            if moment + duration > window_start and moment.timestamp() not in excluded_instants:
                yield moment
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, RecurrenceError):
            raise
        raise RecurrenceError(str(exc)) from exc
