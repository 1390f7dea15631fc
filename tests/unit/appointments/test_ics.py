"""read_ics on invitations made the way Zoom, Teams/Outlook and Google make them, and on junk."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from companion.appointments.ics import IcsError, read_ics, write_ics
from companion.appointments.ics_zones import WINDOWS_TO_IANA
from companion.appointments.links import check_link
from companion.appointments.model import Appointment

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ics"
MARCH_1 = datetime(2026, 3, 1, tzinfo=UTC)
TEAMS_LINK = (
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA0ZTk2ZGUtYmI3Ny00MzQ2LWE5ZjYt"
    "Y2ZmMjQ3ZjQ0NmY5%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd0"
    "11db47%22%2c%22Oid%22%3a%22a1b2c3d4-0000-4000-8000-000000000000%22%7d"
)


def _read(name: str, now: datetime = MARCH_1) -> list[Appointment]:
    return read_ics((FIXTURES / name).read_bytes(), now=now)


def _calendar(*event_lines: str, before: str = "") -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Test//EN",
        *([before] if before else []),
        "BEGIN:VEVENT",
        "UID:test-1",
        "DTSTAMP:20260301T000000Z",
        "SUMMARY:Session",
        *event_lines,
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


def test_zoom_invitation() -> None:
    [session] = _read("zoom.ics")
    assert session.title == "Counselling session"
    assert session.with_whom == "Dr. Lee"
    assert session.start == datetime(2026, 3, 17, 14, 0, tzinfo=ZoneInfo("America/Toronto"))
    assert session.start.astimezone(UTC) == datetime(2026, 3, 17, 18, 0, tzinfo=UTC)
    assert session.duration_minutes == 50
    assert session.link == "https://us02web.zoom.us/j/85512345678?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ.1"
    assert session.phone == "+16475580588"
    assert session.notes == "Meeting ID: 855 1234 5678\nPasscode: 482913"
    assert session.recurrence is None
    assert session.uid == "20260301T150000Z-85512345678@fe80:0:0:0:1a2b:3c4d:5e6f:7a8bens5"


def test_teams_invitation_from_outlook_with_a_windows_zone_name() -> None:
    [session] = _read("teams_outlook.ics")
    assert session.title == "Follow-up with Dr. Roy"
    assert session.with_whom == "Dr. Sam Roy"
    # "Eastern Standard Time" on 24 March 2026 is daylight time: 10:00 is 14:00 UTC.
    assert session.start.astimezone(UTC) == datetime(2026, 3, 24, 14, 0, tzinfo=UTC)
    assert session.duration_minutes == 60
    # The meeting itself, not "Meeting options", "Download Teams" or "Learn more".
    assert session.link == TEAMS_LINK
    assert check_link(session.link).ok
    assert session.phone == "+1 613-555-0199"
    assert "Phone Conference ID: 123 456 789#" in session.notes


def test_google_weekly_series_with_an_exception_and_a_moved_session() -> None:
    sessions = _read("google_weekly.ics")
    vancouver = ZoneInfo("America/Vancouver")
    assert [s.start for s in sessions] == [
        datetime(2026, 3, 3, 9, 0, tzinfo=vancouver),
        datetime(2026, 3, 10, 9, 0, tzinfo=vancouver),
        # 17 March is cancelled (EXDATE); 24 March moved to 10:00.
        datetime(2026, 3, 24, 10, 0, tzinfo=vancouver),
        datetime(2026, 3, 31, 9, 0, tzinfo=vancouver),
        datetime(2026, 4, 7, 9, 0, tzinfo=vancouver),
        datetime(2026, 4, 14, 9, 0, tzinfo=vancouver),
        datetime(2026, 4, 21, 9, 0, tzinfo=vancouver),
    ]
    assert all(s.link == "https://meet.google.com/abc-defg-hij" for s in sessions)
    assert all(s.phone == "+1 647-736-3184" for s in sessions)  # moved one keeps the series' phone
    assert all(s.with_whom == "Dr. Priya Nair" for s in sessions)
    assert {s.recurrence for s in sessions} == {"FREQ=WEEKLY;COUNT=8;BYDAY=TU"}
    assert sessions[2].title == "Weekly check-in with Dr. Nair (later this week)"


def test_google_weekly_series_crosses_the_spring_daylight_saving_change() -> None:
    sessions = _read("google_weekly.ics")
    # 9 a.m. Vancouver time both sides of 8 March 2026: 17:00 UTC before, 16:00 UTC after.
    assert sessions[0].start.astimezone(UTC).hour == 17
    assert sessions[1].start.astimezone(UTC).hour == 16
    assert sessions[1].start.astimezone(vancouver := ZoneInfo("America/Vancouver")).hour == 9
    assert sessions[0].start.astimezone(vancouver).hour == 9


def test_outlook_weekly_series_across_the_autumn_change_stays_at_two_pm() -> None:
    sessions = _read("outlook_weekly_dst.ics", now=datetime(2026, 10, 1, tzinfo=UTC))
    toronto = ZoneInfo("America/Toronto")
    assert [s.start.astimezone(toronto).strftime("%m-%d %H:%M") for s in sessions] == [
        "10-20 14:00",
        "10-27 14:00",
        "11-03 14:00",  # after 1 November: standard time
        "11-17 14:00",  # 10 November cancelled (EXDATE)
        "11-24 14:00",  # UNTIL is inclusive
    ]
    assert [s.start.astimezone(UTC).hour for s in sessions] == [18, 18, 19, 19, 19]
    first = sessions[0]
    assert first.title == "Séance hebdomadaire"
    assert first.link is not None and first.link.startswith("https://clinicnord.webex.com/")
    assert check_link(first.link).platform == "webex"
    assert first.phone == "+1-416-555-0142"
    assert "Meeting number: 2634 123 4567" in first.notes


def test_a_series_is_expanded_only_from_now_over_the_horizon() -> None:
    rule = ["DTSTART;TZID=America/Toronto:20250107T100000", "RRULE:FREQ=WEEKLY;BYDAY=TU"]
    now = datetime(2026, 3, 11, tzinfo=UTC)
    sessions = read_ics(_calendar(*rule), now=now, horizon=timedelta(days=28))
    assert len(sessions) == 4
    assert sessions[0].start.date().isoformat() == "2026-03-17"
    assert all(now <= s.start < now + timedelta(days=28) for s in sessions)


def test_a_series_that_repeats_every_minute_is_refused() -> None:
    data = _calendar("DTSTART:20260310T140000Z", "RRULE:FREQ=MINUTELY")
    with pytest.raises(IcsError, match="repeats"):
        read_ics(data, now=MARCH_1)


@pytest.mark.parametrize("windows_name", sorted(WINDOWS_TO_IANA))
def test_every_windows_zone_name_maps_to_a_real_zone(windows_name: str) -> None:
    data = _calendar(f"DTSTART;TZID={windows_name}:20260310T140000", "DURATION:PT45M")
    [session] = read_ics(data)
    assert session.start.utcoffset() is not None
    assert session.duration_minutes == 45


def test_an_unknown_time_zone_is_an_error_never_a_guess() -> None:
    data = _calendar("DTSTART;TZID=Mars Standard Time:20260310T140000")
    with pytest.raises(IcsError) as error:
        read_ics(data)
    assert str(error.value) == (
        "This invitation uses a time zone Companion does not know (Mars Standard Time)."
    )


def test_a_zone_defined_only_inside_the_file_is_used() -> None:
    zone = "\r\n".join(
        [
            "BEGIN:VTIMEZONE",
            "TZID:Customized Time Zone",
            "BEGIN:STANDARD",
            "DTSTART:16010101T000000",
            "TZOFFSETFROM:-0330",
            "TZOFFSETTO:-0330",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
    )
    data = _calendar("DTSTART;TZID=Customized Time Zone:20260310T140000", before=zone)
    [session] = read_ics(data)
    assert session.start.astimezone(UTC) == datetime(2026, 3, 10, 17, 30, tzinfo=UTC)


def test_a_time_without_a_zone_is_an_error_unless_the_calendar_names_one() -> None:
    with pytest.raises(IcsError, match="time zone"):
        read_ics(_calendar("DTSTART:20260310T140000"))
    data = _calendar("DTSTART:20260310T140000", before="X-WR-TIMEZONE:America/Halifax")
    [session] = read_ics(data)
    assert session.start.astimezone(UTC) == datetime(2026, 3, 10, 17, 0, tzinfo=UTC)


def test_old_thunderbird_zone_names_are_understood() -> None:
    data = _calendar("DTSTART;TZID=/mozilla.org/20050126_1/America/Toronto:20260310T140000")
    [session] = read_ics(data)
    assert session.start.astimezone(UTC).hour == 18


def test_all_day_and_cancelled_events_are_not_sessions() -> None:
    with pytest.raises(IcsError, match="no video session"):
        read_ics(_calendar("DTSTART;VALUE=DATE:20260310"))
    with pytest.raises(IcsError, match="cancels"):
        read_ics(_calendar("DTSTART:20260310T140000Z", "STATUS:CANCELLED"))


def test_a_utf16_file_from_windows_notepad_is_read() -> None:
    data = (FIXTURES / "zoom.ics").read_bytes().decode().encode("utf-16")
    [session] = read_ics(data)
    assert session.title == "Counselling session"


HOSTILE = {
    "empty": b"",
    "not a calendar": b"Dear Marie, see you Tuesday at 2.",
    "a contact card": b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dr. Lee\r\nEND:VCARD\r\n",
    "binary": bytes(range(256)) * 64,
    "a picture": b"\x89PNG\r\n\x1a\n" + b"\x00" * 500,
    "huge": b"BEGIN:VCALENDAR\r\n" + b"X-JUNK:" + b"a" * 3_000_000 + b"\r\nEND:VCALENDAR\r\n",
    "latin-1 instead of utf-8": _calendar("DTSTART:20260310T140000Z").replace(
        b"SUMMARY:Session", "SUMMARY:Séance".encode("latin-1")
    ),
    "nul inside": _calendar("DTSTART:20260310T140000Z").replace(b"Session", b"Ses\x00sion"),
    "deeply nested": (
        b"BEGIN:VCALENDAR\r\n"
        + b"BEGIN:VEVENT\r\n" * 5000
        + b"END:VEVENT\r\n" * 5000
        + b"END:VCALENDAR\r\n"
    ),
    "too many events": b"BEGIN:VCALENDAR\r\n"
    + b"BEGIN:VEVENT\r\nEND:VEVENT\r\n" * 6000
    + b"END:VCALENDAR\r\n",
    "truncated": _calendar("DTSTART:20260310T140000Z")[:120],
    "bad start": _calendar("DTSTART:2026BAD"),
    "no start": _calendar("DURATION:PT1H"),
    "ends before it starts": _calendar("DTSTART:20260310T140000Z", "DTEND:20260310T130000Z"),
    "nonsense rule": _calendar("DTSTART:20260310T140000Z", "RRULE:FREQ=WEEKLY;BYDAY=XX"),
    "two calendars glued": _calendar("DTSTART:20260310T140000Z") * 2,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_malformed_or_hostile_files_end_in_one_plain_sentence_fast(name: str) -> None:
    started = time.process_time()
    with pytest.raises(IcsError) as error:
        read_ics(HOSTILE[name], now=MARCH_1)
    # Only a hostile file that runs away is caught here (seconds, not milliseconds): the
    # import's real cost is measured in benchmarks/ics_import.py.
    assert time.process_time() - started < 5.0
    message = str(error.value)
    assert message.endswith(".") and message.count(". ") <= 1 and "Traceback" not in message


def test_something_that_is_not_bytes_is_refused_with_ics_error() -> None:
    with pytest.raises(IcsError):
        read_ics("BEGIN:VCALENDAR")  # type: ignore[arg-type]


def test_write_then_read_gives_the_same_appointment() -> None:
    original = Appointment(
        id=7,
        title="Therapy",
        with_whom="Dr. Lee",
        start=datetime(2026, 10, 27, 14, 0, tzinfo=ZoneInfo("America/Toronto")),
        duration_minutes=50,
        link="https://zoom.us/j/5551234567",
        phone="+1 613 555 0100",
        notes="Have your glasses and your pill list.\nUse the kitchen table.",
        recurrence="FREQ=WEEKLY;COUNT=3",
        uid="series-42@clinic.example",
    )
    data = write_ics(original, stamp=datetime(2026, 10, 1, tzinfo=UTC))
    copies = read_ics(data, now=datetime(2026, 10, 1, tzinfo=UTC))
    assert [c.start.astimezone(UTC).hour for c in copies] == [18, 19, 19]  # 2 p.m. across DST
    first = copies[0]
    for field in ("title", "with_whom", "start", "duration_minutes", "link", "phone", "notes"):
        assert getattr(first, field) == getattr(original, field), field
    assert first.uid == original.uid and first.recurrence == original.recurrence


def test_a_utc_appointment_is_written_without_its_repeating_rule() -> None:
    original = Appointment(
        id=None,
        title="Therapy",
        with_whom="",
        start=datetime(2026, 3, 10, 18, 0, tzinfo=UTC),
        duration_minutes=30,
        link=None,
        phone=None,
        notes="",
        recurrence="FREQ=WEEKLY",
        uid=None,
    )
    [copy] = read_ics(write_ics(original))
    assert copy.start == original.start and copy.recurrence is None and copy.uid
