"""Questionnaire schedule and daily reminder on an injected clock; a missed day is never scolded."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.checkin.schedule import (
    CheckInSchedule,
    QuestionnaireEvery,
    due_questionnaires,
    every_days_for,
    load_schedule,
    next_reminder_at,
    reminder_due,
    reminder_text,
    save_schedule,
    with_questionnaire_every,
    with_reminder,
)

TORONTO = ZoneInfo("America/Toronto")
SCHEDULE = CheckInSchedule(time(10, 0), (QuestionnaireEvery("phq9", 14),))


def _local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=TORONTO).astimezone(UTC)


def _result(at: datetime) -> QuestionnaireResult:
    return QuestionnaireResult(1, "phq9", at, (0,) * 9, 0, "minimal", frozenset())


def _checkin(at: datetime, draft: bool = False) -> CheckIn:
    return CheckIn(1, at, None if draft else at, "good", frozenset(), "", draft)


def test_phq9_every_two_weeks_is_due_when_never_taken_or_fourteen_days_on() -> None:
    now = _local(20, 12)
    assert due_questionnaires(SCHEDULE, [], now) == ["phq9"]
    assert due_questionnaires(SCHEDULE, [_result(now - timedelta(days=13))], now) == []
    assert due_questionnaires(SCHEDULE, [_result(now - timedelta(days=14))], now) == ["phq9"]


def test_reminder_is_due_from_its_time_until_checked_in_today() -> None:
    assert not reminder_due(SCHEDULE, [], _local(14, 9, 59), TORONTO)
    assert reminder_due(SCHEDULE, [], _local(14, 10, 0), TORONTO)
    assert not reminder_due(SCHEDULE, [_checkin(_local(14, 8))], _local(14, 10), TORONTO)
    # An unfinished draft does not count as today's check-in.
    assert reminder_due(SCHEDULE, [_checkin(_local(14, 8), draft=True)], _local(14, 11), TORONTO)


def test_yesterdays_check_in_does_not_count_for_today() -> None:
    assert reminder_due(SCHEDULE, [_checkin(_local(13, 20))], _local(14, 10, 30), TORONTO)


def test_no_reminder_time_means_no_reminder() -> None:
    off = CheckInSchedule(None, ())
    assert not reminder_due(off, [], _local(14, 23), TORONTO)
    assert next_reminder_at(off, _local(14, 9), TORONTO) is None


def test_next_reminder_is_today_if_ahead_else_tomorrow() -> None:
    assert next_reminder_at(SCHEDULE, _local(14, 9), TORONTO) == _local(14, 10)
    assert next_reminder_at(SCHEDULE, _local(14, 10), TORONTO) == _local(15, 10)


def test_the_reminder_invites_and_never_mentions_a_missed_day() -> None:
    text = reminder_text().lower()
    assert "check in" in text
    for scolding in ("miss", "forgot", "yesterday", "should", "again"):
        assert scolding not in text


class _Preferences:
    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value


def test_schedule_round_trips_through_preferences() -> None:
    preferences = _Preferences()
    assert load_schedule(preferences) == CheckInSchedule()
    save_schedule(preferences, SCHEDULE)
    assert load_schedule(preferences) == SCHEDULE


def test_a_damaged_stored_schedule_falls_back_to_the_default() -> None:
    preferences = _Preferences()
    preferences.set("checkin.schedule", {"reminder_time": "ten o'clock"})
    assert load_schedule(preferences) == CheckInSchedule()


@pytest.mark.parametrize(
    ("instrument_id", "every_days"), [("bdi", 14), ("phq9", 0), ("phq9", 400), ("phq9", True)]
)
def test_a_schedule_entry_must_make_sense(instrument_id: str, every_days: int) -> None:
    with pytest.raises(ValueError):
        QuestionnaireEvery(instrument_id, every_days)


def test_settings_change_one_questionnaire_and_keep_the_rest_in_instrument_order() -> None:
    schedule = with_questionnaire_every(SCHEDULE, "who5", 28)
    schedule = with_questionnaire_every(schedule, "gad7", 7)
    assert [q.instrument_id for q in schedule.questionnaires] == ["phq9", "gad7", "who5"]
    assert every_days_for(schedule, "gad7") == 7 and every_days_for(schedule, "phq9") == 14
    schedule = with_questionnaire_every(schedule, "phq9", 28)
    assert every_days_for(schedule, "phq9") == 28 and len(schedule.questionnaires) == 3
    schedule = with_questionnaire_every(schedule, "phq9", None)  # "Do not ask"
    assert every_days_for(schedule, "phq9") is None
    assert schedule.reminder_time == time(10, 0)  # the reminder is left as it was
    with pytest.raises(ValueError):
        with_questionnaire_every(schedule, "bdi", 7)


def test_a_new_reminder_time_keeps_the_questionnaires_and_survives_a_reload() -> None:
    preferences = _Preferences()
    save_schedule(preferences, with_reminder(SCHEDULE, time(19, 0)))
    assert load_schedule(preferences) == CheckInSchedule(time(19, 0), SCHEDULE.questionnaires)
    save_schedule(preferences, with_reminder(load_schedule(preferences), None))
    assert load_schedule(preferences).reminder_time is None
    assert not reminder_due(load_schedule(preferences), [], _local(14, 23), TORONTO)
