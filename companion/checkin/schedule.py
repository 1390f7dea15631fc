"""Per-person check-in schedule: which questionnaires are due, and when the daily reminder shows.

The caregiver sets it (behind their PIN); it is kept as a plain dict in the person's preferences.
A reminder only ever says "it's time"; a missed day is never counted or mentioned.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from typing import Any

from companion.checkin.instruments import INSTRUMENT_IDS
from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.i18n import _
from companion.preferences import Preferences

_log = logging.getLogger(__name__)
SCHEDULE_PREFERENCE_KEY = "checkin.schedule"
DEFAULT_REMINDER_TIME = time(10, 0)
REMINDER_CHOICES: tuple[time | None, ...] = (
    time(9, 0),
    time(12, 0),
    time(15, 0),
    time(19, 0),
    None,
)
"""The reminder times Settings offers as big buttons: morning, noon, afternoon, evening, none."""
EVERY_WEEKS_CHOICES: tuple[int, ...] = (1, 2, 4)
"""How often Settings offers to ask a questionnaire, in weeks (or not at all)."""


@dataclass(frozen=True)
class QuestionnaireEvery:
    """Offer `instrument_id` again once `every_days` days have passed since it was last taken."""

    instrument_id: str
    every_days: int

    def __post_init__(self) -> None:
        if self.instrument_id not in INSTRUMENT_IDS:
            raise ValueError(f"Unknown questionnaire {self.instrument_id!r}")
        if isinstance(self.every_days, bool) or not 1 <= self.every_days <= 366:
            raise ValueError(f"every_days must be 1 to 366, not {self.every_days!r}")


@dataclass(frozen=True)
class CheckInSchedule:
    """One person's reminder time (None: no reminder) and questionnaires to offer."""

    reminder_time: time | None = DEFAULT_REMINDER_TIME
    questionnaires: tuple[QuestionnaireEvery, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "reminder_time": self.reminder_time.strftime("%H:%M") if self.reminder_time else None,
            "questionnaires": [
                {"instrument_id": q.instrument_id, "every_days": q.every_days}
                for q in self.questionnaires
            ],
        }

    @classmethod
    def from_dict(cls, data: Any) -> CheckInSchedule:
        """Read a stored schedule; ValueError saying which field is wrong."""
        if not isinstance(data, dict):
            raise ValueError("schedule must be a table")
        raw_time = data.get("reminder_time")
        reminder: time | None = None
        if raw_time is not None:
            try:
                reminder = time.fromisoformat(str(raw_time))
            except ValueError as error:
                raise ValueError(f"reminder_time {raw_time!r} is not HH:MM") from error
        raw_list = data.get("questionnaires", [])
        if not isinstance(raw_list, list):
            raise ValueError("questionnaires must be a list")
        questionnaires = []
        for entry in raw_list:
            if not isinstance(entry, dict):
                raise ValueError("each questionnaire must be a table")
            questionnaires.append(
                QuestionnaireEvery(str(entry.get("instrument_id")), entry.get("every_days", 0))
            )
        return cls(reminder, tuple(questionnaires))


def with_reminder(schedule: CheckInSchedule, at: time | None) -> CheckInSchedule:
    """The same schedule with the daily reminder at `at` (None: no reminder)."""
    return dataclasses.replace(schedule, reminder_time=at)


def every_days_for(schedule: CheckInSchedule, instrument_id: str) -> int | None:
    """How many days apart `instrument_id` is offered, or None when it is not scheduled."""
    return next(
        (q.every_days for q in schedule.questionnaires if q.instrument_id == instrument_id), None
    )


def with_questionnaire_every(
    schedule: CheckInSchedule, instrument_id: str, every_days: int | None
) -> CheckInSchedule:
    """The same schedule with `instrument_id` every `every_days` days (None: not offered).

    Entries stay in the instruments' own order, so the hub invites in the same order each time.
    """
    kept = {q.instrument_id: q for q in schedule.questionnaires if q.instrument_id != instrument_id}
    if every_days is not None:
        kept[instrument_id] = QuestionnaireEvery(instrument_id, every_days)
    ordered = tuple(kept[i] for i in INSTRUMENT_IDS if i in kept)
    return dataclasses.replace(schedule, questionnaires=ordered)


def load_schedule(preferences: Preferences) -> CheckInSchedule:
    """The person's schedule, or the default one if none was set (or it cannot be read)."""
    stored = preferences.get(SCHEDULE_PREFERENCE_KEY)
    if stored is None:
        return CheckInSchedule()
    try:
        return CheckInSchedule.from_dict(stored)
    except ValueError:
        _log.warning("Stored check-in schedule unreadable; using default")
        return CheckInSchedule()


def save_schedule(preferences: Preferences, schedule: CheckInSchedule) -> None:
    preferences.set(SCHEDULE_PREFERENCE_KEY, schedule.to_dict())


def due_questionnaires(
    schedule: CheckInSchedule, results: Sequence[QuestionnaireResult], now: datetime
) -> list[str]:
    """Ids of scheduled questionnaires never taken or last taken at least `every_days` ago."""
    due = []
    for planned in schedule.questionnaires:
        taken = [r.taken_at for r in results if r.instrument_id == planned.instrument_id]
        if not taken or now - max(taken) >= timedelta(days=planned.every_days):
            due.append(planned.instrument_id)
    return due


def reminder_due(
    schedule: CheckInSchedule, checkins: Sequence[CheckIn], now: datetime, zone: tzinfo
) -> bool:
    """True from today's reminder time until a check-in is finished today (local day)."""
    if schedule.reminder_time is None:
        return False
    local_now = now.astimezone(zone)
    if local_now.time() < schedule.reminder_time:
        return False
    today = local_now.date()
    return not any(
        not c.is_draft and c.started_at.astimezone(zone).date() == today for c in checkins
    )


def next_reminder_at(schedule: CheckInSchedule, now: datetime, zone: tzinfo) -> datetime | None:
    """When the next reminder falls due (today's time if still ahead, else tomorrow's), in UTC."""
    if schedule.reminder_time is None:
        return None
    local_now = now.astimezone(zone)
    candidate = datetime.combine(local_now.date(), schedule.reminder_time, zone)
    if candidate <= local_now:
        candidate = datetime.combine(
            local_now.date() + timedelta(days=1), schedule.reminder_time, zone
        )
    return candidate.astimezone(now.tzinfo)


def reminder_text() -> str:
    """The banner and spoken reminder: an invitation, never a reproach."""
    return _("Would you like to check in? It takes about a minute.")


def questionnaire_invitation(instrument_name: str) -> str:
    return _("When you are ready, there are some {name} for you.").format(name=instrument_name)
