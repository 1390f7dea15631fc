"""The next session in words, the Join window and the countdown, all at chosen moments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.appointments.model import Appointment
from companion.appointments.schedule import (
    can_join,
    countdown_words,
    describe_next,
    join_opens_at,
    next_appointment,
)
from companion.clock import FixedClock
from companion.i18n import set_language
from tests.text import plain_spaces

TORONTO = ZoneInfo("America/Toronto")
# Tuesday 17 March 2026, 2:00\u00a0p.m. in Toronto (18:00 UTC).
START = datetime(2026, 3, 17, 14, 0, tzinfo=TORONTO)


def _session(start: datetime = START, with_whom: str = "Dr. Lee", minutes: int = 50) -> Appointment:
    return Appointment(
        id=1,
        title="Therapy",
        with_whom=with_whom,
        start=start.astimezone(UTC),  # stored in UTC, shown in the person's zone
        duration_minutes=minutes,
        link="https://zoom.us/j/1",
        phone=None,
        notes="",
        recurrence=None,
        uid=None,
    )


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("en")


def test_next_sentence_in_english() -> None:
    now = datetime(2026, 3, 14, 9, 0, tzinfo=TORONTO)
    assert (
        describe_next(_session(), now, TORONTO)
        == "Next: Tuesday 17 March at 2:00\u00a0p.m. with Dr. Lee"
    )


def test_next_sentence_in_french(french: None) -> None:
    now = datetime(2026, 3, 14, 9, 0, tzinfo=TORONTO)
    assert (
        describe_next(_session(), now, TORONTO)
        == "Prochaine séance : mardi 17 mars à 14\u00a0h\u00a000 avec Dr. Lee"
    )


def test_today_and_tomorrow_are_said_as_words() -> None:
    morning = datetime(2026, 3, 17, 9, 0, tzinfo=TORONTO)
    assert (
        describe_next(_session(), morning, TORONTO) == "Next: today at 2:00\u00a0p.m. with Dr. Lee"
    )
    evening_before = datetime(2026, 3, 16, 20, 0, tzinfo=TORONTO)
    assert describe_next(_session(with_whom=""), evening_before, TORONTO) == (
        "Next: tomorrow at 2:00\u00a0p.m."
    )


def test_a_session_next_year_says_the_year() -> None:
    now = datetime(2025, 12, 30, 9, 0, tzinfo=TORONTO)
    start = datetime(2026, 1, 6, 10, 30, tzinfo=TORONTO)
    assert describe_next(_session(start), now, TORONTO) == (
        "Next: Tuesday 6 January 2026 at 10:30\u00a0a.m. with Dr. Lee"
    )


def test_the_time_is_shown_in_the_persons_zone() -> None:
    now = datetime(2026, 3, 14, 9, 0, tzinfo=TORONTO)
    vancouver = ZoneInfo("America/Vancouver")
    assert describe_next(_session(), now, vancouver) == (
        "Next: Tuesday 17 March at 11:00\u00a0a.m. with Dr. Lee"
    )


def test_a_session_going_on_now_is_described_as_now() -> None:
    now = START + timedelta(minutes=5)
    assert (
        describe_next(_session(), now, TORONTO)
        == "Now: your session with Dr. Lee started at 2:00\u00a0p.m."
    )


def test_join_is_possible_from_fifteen_minutes_before_to_the_end() -> None:
    session = _session()
    clock = FixedClock(START.astimezone(UTC) - timedelta(minutes=15, seconds=1))
    assert not can_join(session, clock.now())
    clock.advance(seconds=1)
    assert clock.now() == join_opens_at(session)
    assert can_join(session, clock.now())
    clock.advance(minutes=15 + 49, seconds=59)
    assert can_join(session, clock.now())
    clock.advance(seconds=1)
    assert not can_join(session, clock.now())


def test_next_appointment_is_the_one_going_on_or_else_the_soonest() -> None:
    earlier = _session(START - timedelta(days=7))
    this_week = _session(START)
    later = _session(START + timedelta(days=7))
    sessions = [later, earlier, this_week]
    assert next_appointment(sessions, START - timedelta(days=1)) == this_week
    assert next_appointment(sessions, START + timedelta(minutes=49)) == this_week
    assert next_appointment(sessions, START + timedelta(minutes=50)) == later
    assert next_appointment(sessions, START + timedelta(days=30)) is None


@pytest.mark.parametrize(
    ("before", "words"),
    [
        (timedelta(days=3, hours=2), "in 3 days"),
        (timedelta(hours=2), "in 2 hours"),
        (timedelta(hours=1, minutes=20), "in 1 hour and 20 minutes"),
        (timedelta(hours=5, minutes=40), "in 5 hours"),
        (timedelta(minutes=35), "in 35 minutes"),
        (timedelta(minutes=14, seconds=10), "in 15 minutes"),
        (timedelta(minutes=1), "in 1 minute"),
        (timedelta(seconds=20), "in less than a minute"),
        (timedelta(0), "now"),
    ],
)
def test_countdown_in_words(before: timedelta, words: str) -> None:
    assert countdown_words(_session(), START - before) == words


def test_countdown_in_french(french: None) -> None:
    two_hours = countdown_words(_session(), START - timedelta(hours=2))
    assert plain_spaces(two_hours) == "dans 2 heures"
    later = countdown_words(_session(), START - timedelta(hours=1, minutes=20))
    assert plain_spaces(later) == "dans 1 heure et 20 minutes"
