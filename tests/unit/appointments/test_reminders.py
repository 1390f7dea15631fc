"""Reminders a day, an hour and 15 minutes before, each once, only the one that makes sense."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from companion.appointments.model import Appointment
from companion.appointments.reminders import ReminderBoard, reminder_due, reminder_text
from companion.clock import FixedClock

TORONTO = ZoneInfo("America/Toronto")
START = datetime(2026, 3, 17, 14, 0, tzinfo=TORONTO).astimezone(UTC)


def _session(start: datetime = START, appointment_id: int = 1) -> Appointment:
    return Appointment(
        id=appointment_id,
        title="Therapy",
        with_whom="Dr. Lee",
        start=start,
        duration_minutes=50,
        link=None,
        phone=None,
        notes="",
        recurrence=None,
        uid=None,
    )


def test_three_reminders_arrive_one_at_a_time_as_the_clock_moves() -> None:
    session = _session()
    board = ReminderBoard()
    clock = FixedClock(START - timedelta(days=2))
    given: list[timedelta] = []
    while clock.now() < START + timedelta(hours=1):
        given.extend(r.before for r in board.due([session], clock.now()))
        clock.advance(minutes=1)
    assert given == [timedelta(days=1), timedelta(hours=1), timedelta(minutes=15)]


def test_starting_the_app_late_gives_only_the_latest_reminder() -> None:
    board = ReminderBoard()
    due = board.due([_session()], START - timedelta(minutes=20))
    assert [r.before for r in due] == [timedelta(hours=1)]
    assert board.due([_session()], START - timedelta(minutes=19)) == []


def test_no_reminder_once_the_session_started_or_far_ahead() -> None:
    assert reminder_due(_session(), START) is None
    assert reminder_due(_session(), START - timedelta(days=1, seconds=1)) is None


def test_each_session_gets_its_own_reminders() -> None:
    board = ReminderBoard()
    sessions = [_session(START, 1), _session(START + timedelta(minutes=30), 2)]
    due = board.due(sessions, START - timedelta(minutes=10))
    assert [(r.appointment.id, r.before) for r in due] == [
        (1, timedelta(minutes=15)),
        (2, timedelta(hours=1)),
    ]


def test_reminder_sentences() -> None:
    board = ReminderBoard()
    [day_before] = board.due([_session()], START - timedelta(hours=20))
    assert reminder_text(day_before, START - timedelta(hours=20), TORONTO) == (
        "Reminder: your video session with Dr. Lee is tomorrow at 2:00\u00a0p.m."
    )
    now = START - timedelta(minutes=15)
    [soon] = board.due([_session()], now)
    assert reminder_text(soon, now, TORONTO) == (
        "Your video session with Dr. Lee starts in 15 minutes. You can join it now."
    )
