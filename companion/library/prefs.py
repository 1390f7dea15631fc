"""Favourites, "continue where you stopped" and tomorrow's planned activity, over small preferences.

Pure logic: the values live behind companion.preferences.Preferences (the person's encrypted
database, or memory for a guest).
Stored values are checked on the way out, so a damaged value reads as "nothing saved".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from companion.clock import Clock
from companion.preferences import Preferences

JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]

FAVOURITES_KEY = "library.favourites"
READING_PLACE_KEY = "library.reading_place"
PLANNED_ACTIVITY_KEY = "library.planned_activity"
MAX_FAVOURITES = 50


class Favourites:
    """The articles and exercises a person starred, newest first, by key ("article:low-mood")."""

    def __init__(self, prefs: Preferences) -> None:
        self._prefs = prefs

    def in_order(self) -> list[str]:
        """The favourite keys, newest first."""
        stored = self._prefs.get(FAVOURITES_KEY)
        if not isinstance(stored, list):
            return []
        return [k for k in stored if isinstance(k, str)]

    def contains(self, key: str) -> bool:
        return key in self.in_order()

    def add(self, key: str) -> None:
        keys: list[JsonValue] = [key, *(k for k in self.in_order() if k != key)]
        self._prefs.set(FAVOURITES_KEY, keys[:MAX_FAVOURITES])

    def remove(self, key: str) -> None:
        keys: list[JsonValue] = [k for k in self.in_order() if k != key]
        self._prefs.set(FAVOURITES_KEY, keys)

    def toggle(self, key: str) -> bool:
        """Add or remove `key`; returns True when it is now a favourite."""
        if self.contains(key):
            self.remove(key)
            return False
        self.add(key)
        return True


@dataclass(frozen=True)
class ReadingPlace:
    """The article a person was reading and the page they were on (0 is the first page)."""

    article_id: str
    page: int
    at: datetime


class ReadingPlaces:
    """Remembers where reading stopped, so Learn can offer "Continue where you stopped"."""

    def __init__(self, prefs: Preferences, clock: Clock) -> None:
        self._prefs = prefs
        self._clock = clock

    def remember(self, article_id: str, page: int, page_count: int) -> None:
        """Called on each page turn; reaching the last page counts as finished and forgets it."""
        if page >= page_count - 1:
            self.forget(article_id)
            return
        value: dict[str, JsonValue] = {
            "article_id": article_id,
            "page": max(0, page),
            "at": self._clock.now().isoformat(),
        }
        self._prefs.set(READING_PLACE_KEY, value)

    def last(self) -> ReadingPlace | None:
        stored = self._prefs.get(READING_PLACE_KEY)
        if not isinstance(stored, dict):
            return None
        article_id, page, at = stored.get("article_id"), stored.get("page"), stored.get("at")
        if not isinstance(article_id, str) or type(page) is not int or not isinstance(at, str):
            return None
        try:
            when = datetime.fromisoformat(at)
        except ValueError:
            return None
        return ReadingPlace(article_id, page, when)

    def forget(self, article_id: str | None = None) -> None:
        """Forget the place (only if it is in `article_id`, when one is given)."""
        place = self.last()
        if article_id is None or (place is not None and place.article_id == article_id):
            self._prefs.set(READING_PLACE_KEY, None)


@dataclass(frozen=True)
class PlannedActivity:
    """One small pleasant thing chosen for `day`, to be asked about at the next check-in."""

    choice_id: str
    exercise_id: str
    day: date


class ActivityPlans:
    """Keeps the one activity planned with the planner exercise (dates are local days)."""

    def __init__(self, prefs: Preferences) -> None:
        self._prefs = prefs

    def plan_for_tomorrow(self, exercise_id: str, choice_id: str, today: date) -> PlannedActivity:
        """Save the choice for the day after `today` (the person's local date, from the UI)."""
        plan = PlannedActivity(choice_id, exercise_id, today + timedelta(days=1))
        self._prefs.set(
            PLANNED_ACTIVITY_KEY,
            {"choice_id": choice_id, "exercise_id": exercise_id, "day": plan.day.isoformat()},
        )
        return plan

    def planned(self) -> PlannedActivity | None:
        stored = self._prefs.get(PLANNED_ACTIVITY_KEY)
        if not isinstance(stored, dict):
            return None
        choice, exercise, day = (
            stored.get("choice_id"),
            stored.get("exercise_id"),
            stored.get("day"),
        )
        if not (isinstance(choice, str) and isinstance(exercise, str) and isinstance(day, str)):
            return None
        try:
            return PlannedActivity(choice, exercise, date.fromisoformat(day))
        except ValueError:
            return None

    def due(self, today: date) -> PlannedActivity | None:
        """The plan to ask about at a check-in on `today`: planned for today or earlier."""
        plan = self.planned()
        return plan if plan is not None and plan.day <= today else None

    def clear(self) -> None:
        """Called once the check-in has asked about it."""
        self._prefs.set(PLANNED_ACTIVITY_KEY, None)
