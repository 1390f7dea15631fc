"""Attacks on read_ics: hostile repeats and folded lines cost little and raise IcsError.

Each test reproduces a file found by the hardening review (issue #13, item 4): before the fix
they took 60 to 75 s and hundreds of MB. The budget the issue names (under a second a file)
is measured in benchmarks/ics_import.py; here each test allows ten times its budget of this
process's CPU time, enough for a busy shared machine (a 0.7 s import was seen at 1.2 s with
the suite running twice at once) and far below what the attack cost.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import islice

import pytest

from companion.appointments.ics import MAX_ICS_BYTES, MAX_SESSIONS, IcsError, read_ics
from companion.appointments.recurrence import (
    DEFAULT_HORIZON,
    MAX_TRIES,
    MAX_TRIES_PER_RULE,
    RecurrenceError,
    TryBudget,
    iter_occurrences,
    occurrences,
)
from tests.ics_files import calendar, event, near_the_limit

NOW = datetime(2026, 3, 1, tzinfo=UTC)


LOAD_ALLOWANCE = 10  # times the budget: catches the attack coming back, not a busy machine


@contextmanager
def _costs_under(seconds: float) -> Iterator[None]:
    started = time.process_time()
    yield
    spent = time.process_time() - started
    assert spent < seconds * LOAD_ALLOWANCE, f"the import took {spent:.2f} s of CPU"


IMPOSSIBLE_RULES = [
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=WEEKLY;BYMONTH=4;BYMONTHDAY=31",
    "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=31",
    "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=31",
    "FREQ=DAILY;INTERVAL=7;BYDAY=TU",  # the start is a Monday: every 7 days never lands on Tuesday
    "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=9",
]


def test_thirty_impossible_daily_rules_cost_under_a_second() -> None:
    events = [event(i, f"RRULE:{IMPOSSIBLE_RULES[i % len(IMPOSSIBLE_RULES)]}") for i in range(30)]
    data = calendar(events)
    assert len(data) < 8_000
    with _costs_under(1.0), pytest.raises(IcsError, match="no video session"):
        read_ics(data, now=NOW)


@pytest.mark.parametrize("rule", IMPOSSIBLE_RULES)
def test_one_impossible_rule_gives_no_sessions_quickly(rule: str) -> None:
    start = datetime(2026, 3, 2, 10, tzinfo=UTC)
    with _costs_under(0.2):
        assert occurrences(start, rule, window_start=NOW) == []


def test_thousands_of_daily_series_are_refused_not_expanded() -> None:
    events = [event(i, "RRULE:FREQ=DAILY") for i in range(4_990)]
    with _costs_under(1.0), pytest.raises(IcsError, match="too many sessions"):
        read_ics(calendar(events), now=NOW)


def test_many_series_under_the_event_cap_still_add_a_bounded_number_of_sessions() -> None:
    events = [event(i, "RRULE:FREQ=DAILY") for i in range(900)]
    with _costs_under(1.0), pytest.raises(IcsError):
        read_ics(calendar(events), now=NOW)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=WEEKLY;INTERVAL=0;COUNT=400",
        "FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23",
        "FREQ=DAILY;BYMINUTE=0,10,20,30,40,50",
        "FREQ=DAILY;BYSECOND=1,2,3",
        "FREQ=HOURLY",
        "FREQ=SECONDLY",
    ],
)
def test_rules_that_repeat_within_a_day_are_refused_with_a_reason(rule: str) -> None:
    with _costs_under(0.5), pytest.raises(IcsError, match="more than once a day"):
        read_ics(calendar([event(1, f"RRULE:{rule}")]), now=NOW)


def test_a_folded_begin_cannot_hide_nesting_from_the_shape_check() -> None:
    folded = "B\r\n EGIN:VALARM"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    lines += [folded] * 50 + ["END:VALARM"] * 50
    lines += [*event(1), "END:VCALENDAR"]
    with _costs_under(0.5), pytest.raises(IcsError, match="strange way"):
        read_ics(("\r\n".join(lines) + "\r\n").encode(), now=NOW)


def test_folded_events_count_toward_the_event_cap() -> None:
    events = [["B\r\n EGIN:VEVENT", *event(i)[1:]] for i in range(4_990)]
    with _costs_under(1.0), pytest.raises(IcsError):
        read_ics(calendar(events), now=NOW)


@pytest.mark.parametrize("padding", [0, 1_900])
def test_a_file_just_under_the_size_limit_costs_under_a_second(padding: int) -> None:
    """Many small series (stopped by the event cap) or fewer, larger ones (by the try budget)."""
    rules = [*IMPOSSIBLE_RULES, "FREQ=DAILY;COUNT=9999", "FREQ=YEARLY;BYDAY=MO"]
    data = near_the_limit(rules, padding)
    assert MAX_ICS_BYTES - 3_000 < len(data) <= MAX_ICS_BYTES
    with _costs_under(1.0), pytest.raises(IcsError):
        read_ics(data, now=NOW)


def test_a_shared_budget_stops_a_walk_that_would_run_for_ages() -> None:
    start = datetime(1800, 1, 1, 10, tzinfo=UTC)
    with _costs_under(0.5), pytest.raises(RecurrenceError):
        occurrences(start, "FREQ=DAILY;COUNT=9999;BYMONTH=2;BYMONTHDAY=30", window_start=NOW)
    budget = TryBudget(100)
    with pytest.raises(RecurrenceError):
        occurrences(start, "FREQ=DAILY", window_start=NOW, budget=budget)


def test_an_ordinary_weekly_series_still_comes_through() -> None:
    sessions = read_ics(calendar([event(1, "RRULE:FREQ=WEEKLY;BYDAY=MO")]), now=NOW)
    assert len(sessions) == 26
    assert all(s.start.weekday() == 0 for s in sessions)


# Counted in days looked at ("tries"), not in seconds: the same on a busy machine or a quiet one.


def test_a_series_is_walked_only_as_far_as_it_is_read() -> None:
    budget = TryBudget()
    walk = iter_occurrences(
        datetime(2000, 1, 3, 10, tzinfo=UTC), "FREQ=DAILY", window_start=NOW, budget=budget
    )
    assert len(list(islice(walk, 3))) == 3
    assert budget.used <= 5  # three days, and the day before the window


def test_an_old_series_costs_only_the_days_of_the_window() -> None:
    budget = TryBudget()
    start = datetime(2006, 3, 6, 10, tzinfo=UTC)  # a Monday, twenty years ago
    found = occurrences(start, "FREQ=WEEKLY;BYDAY=MO", window_start=NOW, budget=budget)
    assert len(found) == 26
    assert budget.used <= DEFAULT_HORIZON.days + 2 * 7  # its past is never walked


def test_one_costly_rule_gives_up_within_its_own_tries_not_the_files() -> None:
    budget = TryBudget()
    start = datetime(1800, 1, 1, 10, tzinfo=UTC)  # COUNT needs the walk from the start
    with pytest.raises(RecurrenceError):
        occurrences(
            start, "FREQ=DAILY;COUNT=9999;BYMONTH=2;BYMONTHDAY=30", window_start=NOW, budget=budget
        )
    assert budget.used <= MAX_TRIES_PER_RULE < MAX_TRIES


@pytest.mark.parametrize("rule", IMPOSSIBLE_RULES)
def test_an_impossible_rule_tries_no_more_than_the_window(rule: str) -> None:
    budget = TryBudget()
    start = datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert occurrences(start, rule, window_start=NOW, budget=budget) == []
    assert budget.used <= 2 * 366  # the window, rounded out to whole periods (years at most)


def test_a_yearly_session_tries_only_its_own_month() -> None:
    budget = TryBudget()
    start = datetime(2020, 4, 14, 10, tzinfo=UTC)
    found = occurrences(start, "FREQ=YEARLY", window_start=NOW, budget=budget)
    assert [s.date().isoformat() for s in found] == ["2026-04-14"]
    assert budget.used <= 31


def test_the_most_weekly_sessions_a_file_may_add_fit_in_its_tries() -> None:
    """The budget refuses hostile files, not big honest ones: 76 weekly series, 1,976 sessions."""
    events = [event(i, "RRULE:FREQ=WEEKLY") for i in range(76)]
    sessions = read_ics(calendar(events), now=NOW)
    assert len(sessions) == 76 * 26 <= MAX_SESSIONS
