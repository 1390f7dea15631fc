"""History points and the one-sentence summary: kind, honest, and never about missed days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.checkin.models import CheckIn
from companion.checkin.store import MemoryCheckInStore
from companion.checkin.trends import mood_points, mood_trend

NOW = datetime(2026, 3, 14, 18, 0, tzinfo=UTC)  # a Saturday
TORONTO = ZoneInfo("America/Toronto")


def _add(store: MemoryCheckInStore, at: datetime, mood: str | None) -> None:
    store.finish(CheckIn(None, at, at, mood, frozenset(), "", False))


def _days(store: MemoryCheckInStore, first_days_ago: int, last_days_ago: int, mood: str) -> None:
    for days_ago in range(first_days_ago, last_days_ago - 1, -1):
        _add(store, NOW - timedelta(days=days_ago), mood)


def test_better_this_week_than_last() -> None:
    store = MemoryCheckInStore()
    _days(store, 13, 7, "not_good")
    _days(store, 6, 0, "good")
    trend = mood_trend(store, NOW, 2, UTC)
    assert trend.summary == "This week you felt better than last week."
    assert len(trend.points) == 14


def test_harder_week_is_said_gently() -> None:
    store = MemoryCheckInStore()
    _days(store, 13, 7, "very_good")
    _days(store, 6, 0, "not_good")
    summary = mood_trend(store, NOW, 2, UTC).summary
    assert summary.startswith("This week was harder than last week.")
    assert "gentle" in summary


def test_small_changes_are_about_the_same() -> None:
    store = MemoryCheckInStore()
    _days(store, 13, 7, "okay")
    _days(store, 6, 0, "okay")
    _add(store, NOW - timedelta(days=1, hours=1), "good")  # same day, earlier: later one wins
    assert mood_trend(store, NOW, 2, UTC).summary == (
        "This week you felt about the same as last week."
    )


@pytest.mark.parametrize(
    ("weeks", "expected"),
    [
        (4, "These two weeks you felt better than the two weeks before."),
        (12, "These six weeks you felt better than the six weeks before."),
    ],
)
def test_longer_periods_compare_their_two_halves(weeks: int, expected: str) -> None:
    store = MemoryCheckInStore()
    half = weeks * 7 // 2
    _days(store, 2 * half - 1, half, "very_bad")
    _days(store, half - 1, 0, "okay")
    trend = mood_trend(store, NOW, weeks, UTC)
    assert trend.summary == expected
    assert trend.first_day == date(2026, 3, 14) - timedelta(days=weeks * 7 - 1)


def test_missed_days_are_never_mentioned() -> None:
    store = MemoryCheckInStore()
    _add(store, NOW - timedelta(days=12), "okay")
    _add(store, NOW - timedelta(days=2), "okay")
    for weeks in (2, 4, 12):
        summary = mood_trend(store, NOW, weeks, UTC).summary.lower()
        for scolding in ("miss", "forgot", "only", "should", "skipped", "didn't"):
            assert scolding not in summary


def test_no_check_ins_yet_is_an_invitation() -> None:
    summary = mood_trend(MemoryCheckInStore(), NOW, 2, UTC).summary
    assert summary == "No check-ins in these weeks yet. You can check in any time you like."


def test_only_recent_days_says_how_most_days_felt() -> None:
    store = MemoryCheckInStore()
    _days(store, 2, 0, "good")
    assert mood_trend(store, NOW, 2, UTC).summary == "Most days you felt: good."


def test_points_carry_a_word_and_skip_days_without_a_mood() -> None:
    store = MemoryCheckInStore()
    _add(store, NOW - timedelta(days=3), "very_good")
    _add(store, NOW - timedelta(days=2), None)
    trend = mood_trend(store, NOW, 2, UTC)
    assert [(p.word, p.value) for p in trend.points] == [("Very good", 5)]


def test_days_follow_the_persons_time_zone() -> None:
    late_evening_toronto = datetime(2026, 3, 14, 2, 30, tzinfo=UTC)  # 22:30 on the 13th there
    checkin = CheckIn(1, late_evening_toronto, late_evening_toronto, "good", frozenset(), "", False)
    assert mood_points([checkin], TORONTO)[0].day == date(2026, 3, 13)
    assert mood_points([checkin], UTC)[0].day == date(2026, 3, 14)


def test_the_period_must_be_two_four_or_twelve_weeks() -> None:
    with pytest.raises(ValueError, match="weeks"):
        mood_trend(MemoryCheckInStore(), NOW, 3, UTC)
