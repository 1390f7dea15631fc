"""How mood changed over 2, 4 or 12 weeks: points for a chart and one kind summary sentence.

A day without a check-in is simply a gap: nothing here counts, mentions or scolds missed days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from companion.checkin.models import CheckIn
from companion.checkin.store import CheckInStore
from companion.checkin.wording import mood_word
from companion.i18n import _

PERIOD_WEEKS: tuple[int, ...] = (2, 4, 12)
MOOD_VALUES: dict[str, int] = {"very_bad": 1, "not_good": 2, "okay": 3, "good": 4, "very_good": 5}
VALUE_MOODS: dict[int, str] = {value: mood for mood, value in MOOD_VALUES.items()}
MEANINGFUL_CHANGE = 0.5
"""Half a face on average between the two halves counts as better or worse; less is the same."""


@dataclass(frozen=True)
class MoodPoint:
    """One day on the chart: that day's last check-in with a mood, in the person's time zone."""

    day: date
    mood: str
    value: int
    at: datetime

    @property
    def word(self) -> str:
        return mood_word(self.mood)


@dataclass(frozen=True)
class MoodTrend:
    """What the history screen shows for one period."""

    weeks: int
    first_day: date
    last_day: date
    points: tuple[MoodPoint, ...]
    summary: str


def mood_points(checkins: Sequence[CheckIn], zone: tzinfo) -> tuple[MoodPoint, ...]:
    """One point per day that has a mood (the day's last check-in wins), oldest first."""
    by_day: dict[date, MoodPoint] = {}
    for checkin in checkins:
        if checkin.mood not in MOOD_VALUES or checkin.is_draft:
            continue
        local = checkin.started_at.astimezone(zone)
        point = MoodPoint(local.date(), checkin.mood, MOOD_VALUES[checkin.mood], checkin.started_at)
        earlier = by_day.get(point.day)
        if earlier is None or earlier.at <= point.at:
            by_day[point.day] = point
    return tuple(by_day[day] for day in sorted(by_day))


def _average(points: Sequence[MoodPoint]) -> float | None:
    return sum(p.value for p in points) / len(points) if points else None


def _compare_sentences(weeks: int) -> tuple[str, str, str]:
    if weeks <= 2:
        return (
            _("This week you felt better than last week."),
            _("This week you felt about the same as last week."),
            _("This week was harder than last week. Be gentle with yourself."),
        )
    if weeks <= 4:
        return (
            _("These two weeks you felt better than the two weeks before."),
            _("These two weeks you felt about the same as the two weeks before."),
            _("These two weeks were harder than the two before. Be gentle with yourself."),
        )
    return (
        _("These six weeks you felt better than the six weeks before."),
        _("These six weeks you felt about the same as the six weeks before."),
        _("These six weeks were harder than the six before. Be gentle with yourself."),
    )


def summary_sentence(points: Sequence[MoodPoint], last_day: date, weeks: int) -> str:
    """One sentence comparing the recent half of the period with the half before it."""
    half = timedelta(days=weeks * 7 // 2)
    recent = [p for p in points if p.day > last_day - half]
    before = [p for p in points if last_day - 2 * half < p.day <= last_day - half]
    recent_average, before_average = _average(recent), _average(before)
    if recent_average is None and before_average is None:
        return _("No check-ins in these weeks yet. You can check in any time you like.")
    if recent_average is None or before_average is None:
        only = recent_average if recent_average is not None else before_average
        assert only is not None
        word = mood_word(VALUE_MOODS[round(only)])
        return _("Most days you felt: {mood}.").format(mood=word.lower())
    better, same, worse = _compare_sentences(weeks)
    change = recent_average - before_average
    if change >= MEANINGFUL_CHANGE:
        return better
    if change <= -MEANINGFUL_CHANGE:
        return worse
    return same


def mood_trend(store: CheckInStore, now: datetime, weeks: int, zone: tzinfo) -> MoodTrend:
    """The chart points and summary for the last `weeks` weeks up to `now` (today included)."""
    if weeks not in PERIOD_WEEKS:
        raise ValueError(f"Choose a period of {PERIOD_WEEKS} weeks, not {weeks}")
    last_day = now.astimezone(zone).date()
    first_day = last_day - timedelta(days=weeks * 7 - 1)
    start = datetime.combine(first_day, datetime.min.time(), zone)
    end = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), zone)
    points = mood_points(store.checkins_between(start, end), zone)
    return MoodTrend(
        weeks=weeks,
        first_day=first_day,
        last_day=last_day,
        points=points,
        summary=summary_sentence(points, last_day, weeks),
    )
