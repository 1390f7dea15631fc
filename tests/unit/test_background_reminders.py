"""Reminders with Companion's window closed: the three session notifications and the daily
check-in at the right times, the words on a shared PC, and the times-only file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from companion.appointments.model import Appointment
from companion.clock import FixedClock
from companion.i18n import set_language
from companion.reminders.background import (
    BackgroundReminders,
    Kind,
    Notification,
    OpenPerson,
    missed_sentence,
    missed_sessions,
    quiet_until_tomorrow,
)
from companion.reminders.times import REMINDER_TIMES_FILE_NAME
from tests.text import plain_spaces

TORONTO = ZoneInfo("America/Toronto")
NOW = datetime(2026, 3, 16, 9, 0, tzinfo=TORONTO).astimezone(UTC)  # Monday 9:00
START = datetime(2026, 3, 17, 10, 0, tzinfo=TORONTO).astimezone(UTC)  # Tuesday 10:00
MARKER = "Marker-title-7Q"


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("en")


def _session(start: datetime = START, appointment_id: int = 4) -> Appointment:
    return Appointment(
        id=appointment_id,
        title=MARKER,
        with_whom="Dr. Marker-Lee",
        start=start,
        duration_minutes=50,
        link="https://zoom.us/j/123456789?pwd=secret-marker",
        phone=None,
        notes="",
        recurrence=None,
        uid=None,
    )


def _mary(checkin: time | None = time(18, 0), **kwargs: bool) -> OpenPerson:
    return OpenPerson("p1", "Mary", (_session(),), checkin, **kwargs)


def _reminders(tmp_path: Path) -> BackgroundReminders:
    return BackgroundReminders(tmp_path, lambda person_id: tmp_path / "people" / person_id)


def _run(
    reminders: BackgroundReminders,
    clock: FixedClock,
    until: datetime,
    person: OpenPerson | None,
    shared_pc: bool = False,
) -> list[tuple[datetime, Notification]]:
    """Check every minute, as the tray's timer does, and note when each notification came."""
    given = []
    while clock.now() < until:
        for notification in reminders.check(
            clock.now(), TORONTO, [("p1", "Mary")], person, shared_pc=shared_pc, keep_times=True
        ):
            given.append((clock.now(), notification))
        clock.advance(minutes=1)
    return given


def test_a_session_tomorrow_brings_three_notifications_and_the_checkin_comes_once_a_day(
    tmp_path: Path,
) -> None:
    clock = FixedClock(NOW)
    given = _run(_reminders(tmp_path), clock, START + timedelta(hours=2), _mary())
    moments = [(at.astimezone(TORONTO).strftime("%a %H:%M"), n.kind) for at, n in given]
    assert moments == [
        ("Mon 10:00", Kind.SESSION_DAY_BEFORE),
        ("Mon 18:00", Kind.CHECKIN),
        ("Tue 09:00", Kind.SESSION_HOUR_BEFORE),
        ("Tue 09:45", Kind.SESSION_JOIN),
    ]
    bodies = [n.body for _at, n in given]
    assert bodies == [
        "You have a video session tomorrow at 10:00\u00a0a.m.",
        "Would you like to check in? It takes about a minute.",
        "Your video session starts in 1 hour.",
        "Your video session starts in 15 minutes. Open Companion to join.",
    ]
    assert all(n.appointment_id == 4 for _at, n in given if n.kind is not Kind.CHECKIN)
    # Tuesday 18:00: the check-in reminder again, once.
    more = _run(_reminders(tmp_path), clock, START + timedelta(days=1), _mary())
    assert [(at.astimezone(TORONTO).strftime("%a %H:%M"), n.kind) for at, n in more] == [
        ("Tue 18:00", Kind.CHECKIN)
    ]


def test_given_reminders_are_not_repeated_after_a_restart(tmp_path: Path) -> None:
    clock = FixedClock(START - timedelta(minutes=15))
    assert len(_run(_reminders(tmp_path), clock, clock.now() + timedelta(minutes=1), _mary())) == 1
    clock = FixedClock(START - timedelta(minutes=14))
    assert _run(_reminders(tmp_path), clock, clock.now() + timedelta(minutes=5), _mary()) == []


def test_no_checkin_reminder_after_checking_in_or_not_today(tmp_path: Path) -> None:
    evening = datetime(2026, 3, 16, 18, 0, tzinfo=TORONTO).astimezone(UTC)
    for person in (_mary(checked_in_today=True), _mary(not_today=True)):
        clock = FixedClock(evening)
        kinds = [n.kind for _at, n in _run(_reminders(tmp_path), clock, evening, person)]
        assert Kind.CHECKIN not in kinds


def test_starting_late_gives_only_the_latest_session_reminder(tmp_path: Path) -> None:
    clock = FixedClock(START - timedelta(minutes=20))
    given = _run(_reminders(tmp_path), clock, clock.now() + timedelta(minutes=1), _mary(None))
    assert [n.kind for _at, n in given] == [Kind.SESSION_HOUR_BEFORE]


def test_a_shared_pc_shows_no_title_no_counsellor_and_no_link(tmp_path: Path) -> None:
    clock = FixedClock(NOW)
    given = _run(_reminders(tmp_path), clock, START, _mary(), shared_pc=True)
    assert len(given) == 4
    for _at, notification in given:
        words = f"{notification.title} {notification.body}"
        assert words == "Companion Companion has a reminder for Mary. Open Companion to see it."
        assert MARKER not in words and "Lee" not in words and "zoom" not in words


def test_shared_pc_words_in_french(tmp_path: Path, french: None) -> None:
    clock = FixedClock(START - timedelta(minutes=15))
    [(_at, notification)] = _run(
        _reminders(tmp_path), clock, clock.now() + timedelta(minutes=1), _mary(), shared_pc=True
    )
    assert notification.body == ("Companion a un rappel pour Mary. Ouvrez Companion pour le voir.")


def test_session_words_in_french(tmp_path: Path, french: None) -> None:
    clock = FixedClock(NOW)
    given = _run(_reminders(tmp_path), clock, START, _mary(None))
    # Babel releases differ on no-break spaces in durations; the words are what matter.
    assert [plain_spaces(n.body) for _at, n in given] == [
        "Vous avez une séance vidéo demain à 10 h 00.",
        "Votre séance vidéo commence dans 1 heure.",
        "Votre séance vidéo commence dans 15 minutes. Ouvrez Companion pour la rejoindre.",
    ]


def test_the_file_kept_outside_the_database_holds_times_only(tmp_path: Path) -> None:
    reminders = _reminders(tmp_path)
    _run(reminders, FixedClock(NOW), NOW + timedelta(minutes=2), _mary())
    path = tmp_path / "people" / "p1" / REMINDER_TIMES_FILE_NAME
    data = path.read_bytes()
    for secret in (MARKER.encode(), b"Marker-Lee", b"zoom", b"secret-marker", b"Mary", b"session"):
        assert secret not in data
    assert b"2026-03-17T13:45:00Z" in data  # Join turns on (10:00 Toronto is 14:00 UTC)
    assert path.stat().st_mode & 0o077 == 0


def test_while_locked_the_times_alone_bring_a_plain_reminder(tmp_path: Path) -> None:
    _run(_reminders(tmp_path), FixedClock(NOW), NOW + timedelta(minutes=1), _mary())
    locked = _reminders(tmp_path)  # a new start: Mary's data is locked (no open person)
    clock = FixedClock(START - timedelta(minutes=15))
    given = _run(locked, clock, clock.now() + timedelta(minutes=3), None)
    assert [(n.kind, n.body) for _at, n in given] == [
        (Kind.LOCKED, "Companion has a reminder for Mary. Open Companion to see it.")
    ]


def test_no_file_when_background_reminders_are_off(tmp_path: Path) -> None:
    reminders = _reminders(tmp_path)
    _run(reminders, FixedClock(NOW), NOW + timedelta(minutes=1), _mary())
    path = tmp_path / "people" / "p1" / REMINDER_TIMES_FILE_NAME
    assert path.exists()
    reminders.check(NOW, TORONTO, [("p1", "Mary")], _mary(), shared_pc=False, keep_times=False)
    assert not path.exists()
    assert (
        reminders.check(START, TORONTO, [("p1", "Mary")], None, shared_pc=False, keep_times=False)
        == []
    )


def test_stop_until_tomorrow_keeps_quiet_then_starts_again(tmp_path: Path) -> None:
    reminders = _reminders(tmp_path)
    clock = FixedClock(NOW)
    reminders.quiet_until = quiet_until_tomorrow(clock.now(), TORONTO)
    assert reminders.quiet_until == datetime(2026, 3, 17, 0, 0, tzinfo=TORONTO)
    given = _run(reminders, clock, START, _mary())
    assert [n.kind for _at, n in given] == [Kind.SESSION_HOUR_BEFORE, Kind.SESSION_JOIN]


def test_a_session_missed_while_the_computer_was_off_is_said_gently(tmp_path: Path) -> None:
    after = START + timedelta(hours=3)
    assert missed_sessions([_session()], START - timedelta(days=1), after) == [_session()]
    assert missed_sessions([_session()], START + timedelta(minutes=5), after) == []  # it ran
    assert missed_sessions([_session()], None, after) == []  # never ran before: say nothing
    assert plain_spaces(missed_sentence(_session(), after, TORONTO)) == (
        "You had a video session today at 10:00 a.m. If you like, you can add the next one in "
        "My video sessions."
    )


def test_the_last_time_companion_ran_is_remembered_for_the_next_start(tmp_path: Path) -> None:
    reminders = _reminders(tmp_path)
    assert reminders.previous_awake is None
    reminders.check(NOW, TORONTO, [], None, shared_pc=False, keep_times=True)
    assert _reminders(tmp_path).previous_awake == NOW


def test_missed_session_and_locked_words_in_french(french: None) -> None:
    after = START + timedelta(hours=3)
    assert plain_spaces(missed_sentence(_session(), after, TORONTO)) == (
        "Vous aviez une séance vidéo aujourd’hui à 10 h 00. Si vous voulez, vous pouvez ajouter "
        "la prochaine dans Mes séances vidéo."
    )
