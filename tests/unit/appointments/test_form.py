"""The add/edit form: each answer checked in plain words, and the sessions it makes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from companion.appointments.form import STEPS, SessionForm
from companion.appointments.model import Appointment

TORONTO = ZoneInfo("America/Toronto")
NOW = datetime(2026, 10, 14, 12, 0, tzinfo=UTC)


def _step(field: str):  # type: ignore[no-untyped-def]
    return next(s for s in STEPS if s.field == field)


def test_a_weekly_series_keeps_its_local_time_across_the_clock_change() -> None:
    form = SessionForm(TORONTO, NOW)
    form.draft.with_whom = "  Dr.   Lee "
    form.draft.day = date(2026, 10, 20)
    form.draft.start_time = time(14, 0)
    form.draft.link = "https://zoom.us/j/5551234567#x"
    form.draft.repeat = "weekly"
    sessions = form.appointments()
    assert len(sessions) >= 20
    assert {s.start.astimezone(TORONTO).hour for s in sessions} == {14}
    assert [s.start.astimezone(UTC).hour for s in sessions[:3]] == [18, 18, 19]
    assert {s.uid for s in sessions} == {sessions[0].uid} and sessions[0].uid
    assert sessions[0].with_whom == "Dr. Lee"
    assert sessions[0].link == "https://zoom.us/j/5551234567"
    assert sessions[0].recurrence == "FREQ=WEEKLY"


def test_a_refused_link_is_explained_and_never_saved() -> None:
    form = SessionForm(TORONTO, NOW)
    form.draft.link = "https://zoom-meetings.help/j/1"
    problem = form.problem(_step("link"))
    assert problem is not None and "zoom-meetings.help" in problem
    assert form.appointments()[0].link is None
    form.draft.link = ""
    assert form.problem(_step("link")) is None


def test_a_time_in_the_past_and_a_wrong_phone_number_are_explained() -> None:
    form = SessionForm(TORONTO, NOW)
    form.draft.day = date(2026, 10, 13)
    assert "already passed" in (form.problem(_step("when")) or "")
    form.draft.phone = "call me"
    assert "digits" in (form.problem(_step("phone")) or "")
    form.draft.phone = "+1 (613) 555-0100"
    assert form.problem(_step("phone")) is None


def test_editing_keeps_the_id_and_uid_and_does_not_ask_about_repeating() -> None:
    existing = Appointment(
        id=4,
        title="Therapy",
        with_whom="Dr. Lee",
        start=datetime(2026, 10, 20, 18, 0, tzinfo=UTC),
        duration_minutes=50,
        link="https://zoom.us/j/1",
        phone=None,
        notes="",
        recurrence="FREQ=WEEKLY",
        uid="abc",
    )
    form = SessionForm(TORONTO, NOW, editing=existing)
    assert "repeat" not in [s.field for s in form.steps]
    assert form.draft.start_time == time(14, 0)
    form.draft.start_time = time(15, 30)
    [changed] = form.appointments()
    assert (changed.id, changed.uid, changed.title) == (4, "abc", "Therapy")
    assert changed.start == datetime(2026, 10, 20, 19, 30, tzinfo=UTC)


def test_the_summary_reads_back_every_answer() -> None:
    form = SessionForm(TORONTO, NOW)
    form.draft.with_whom = "Dr. Lee"
    form.draft.day = NOW.date() + timedelta(days=1)
    assert form.summary() == [
        "With: Dr. Lee",
        "When: tomorrow at 2:00\u00a0p.m.",
        "Length: 50 minutes",
        "Link: none yet",
        "Phone: none",
        "Repeats: Only once",
    ]
