"""Favourites, "continue where you stopped" and the planned activity survive bad stored values."""

from __future__ import annotations

from datetime import date

from companion.clock import FixedClock
from companion.library.prefs import (
    FAVOURITES_KEY,
    READING_PLACE_KEY,
    ActivityPlans,
    Favourites,
    ReadingPlaces,
)
from companion.preferences import MemoryPreferences


def test_favourites_toggle_newest_first_and_persist_through_the_preferences() -> None:
    prefs = MemoryPreferences()
    favourites = Favourites(prefs)
    assert favourites.toggle("article:sleep") is True
    assert favourites.toggle("exercise:breathing") is True
    assert Favourites(prefs).in_order() == ["exercise:breathing", "article:sleep"]
    assert favourites.toggle("article:sleep") is False
    assert favourites.in_order() == ["exercise:breathing"]
    assert not favourites.contains("article:sleep")


def test_damaged_favourites_read_as_empty_not_a_crash() -> None:
    prefs = MemoryPreferences()
    prefs.set(FAVOURITES_KEY, {"not": "a list"})
    assert Favourites(prefs).in_order() == []
    prefs.set(FAVOURITES_KEY, ["article:sleep", 42, None])
    assert Favourites(prefs).in_order() == ["article:sleep"]


def test_reading_place_is_kept_until_the_last_page() -> None:
    clock = FixedClock()
    places = ReadingPlaces(MemoryPreferences(), clock)
    assert places.last() is None
    places.remember("sleep", 2, page_count=5)
    place = places.last()
    assert place is not None
    assert (place.article_id, place.page, place.at) == ("sleep", 2, clock.now())
    places.remember("sleep", 4, page_count=5)  # finished
    assert places.last() is None


def test_forgetting_another_article_keeps_the_place() -> None:
    places = ReadingPlaces(MemoryPreferences(), FixedClock())
    places.remember("grief", 1, page_count=5)
    places.forget("sleep")
    assert places.last() is not None
    places.forget()
    assert places.last() is None


def test_damaged_reading_place_reads_as_none() -> None:
    prefs = MemoryPreferences()
    prefs.set(READING_PLACE_KEY, {"article_id": "sleep", "page": "two", "at": "x"})
    assert ReadingPlaces(prefs, FixedClock()).last() is None
    prefs.set(READING_PLACE_KEY, {"article_id": "sleep", "page": 1, "at": "not a time"})
    assert ReadingPlaces(prefs, FixedClock()).last() is None


def test_the_planned_activity_is_due_from_tomorrow() -> None:
    plans = ActivityPlans(MemoryPreferences())
    plan = plans.plan_for_tomorrow("planner", "walk", today=date(2026, 3, 14))
    assert plan.day == date(2026, 3, 15)
    assert plans.due(date(2026, 3, 14)) is None
    assert plans.due(date(2026, 3, 16)) == plan
    plans.clear()
    assert plans.planned() is None


def test_memory_preferences_hand_out_copies() -> None:
    prefs = MemoryPreferences()
    prefs.set("k", ["a"])
    value = prefs.get("k")
    assert isinstance(value, list)
    value.append("b")
    assert prefs.get("k") == ["a"]
