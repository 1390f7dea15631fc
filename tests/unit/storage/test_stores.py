"""The SQL stores keep what the features give them, on a real SQLCipher file, across reopening."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from companion.appointments.model import Appointment
from companion.appointments.sql_store import SqlAppointmentStore
from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.checkin.sql_store import SqlCheckInStore
from companion.library.prefs import Favourites
from companion.preferences import MemoryPreferences, Preferences
from companion.safety.contacts_store import SqlContactsStore
from companion.safety.crisis import EmergencyContact
from companion.storage import open_database
from companion.storage.preferences import SqlPreferencesStore

T0 = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def _checkin(note: str = "a calm day", *, minutes: int = 0, draft: bool = False) -> CheckIn:
    started = T0 + timedelta(minutes=minutes)
    return CheckIn(
        id=None,
        started_at=started,
        finished_at=None if draft else started + timedelta(minutes=2),
        mood="good",
        tags=frozenset({"sleep", "family"}),
        note=note,
        is_draft=draft,
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "person" / "companion.db"


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


def test_draft_is_kept_replaced_and_survives_reopening(db_path: Path, key: bytes) -> None:
    db = open_database(db_path, key)
    store = SqlCheckInStore(db)
    first = store.save_draft(_checkin("half", draft=True))
    second = store.save_draft(_checkin("half, then more", draft=True))
    assert first.id == second.id
    db.close()

    db = open_database(db_path, key)
    store = SqlCheckInStore(db)
    draft = store.latest_draft()
    assert draft is not None
    assert draft.note == "half, then more"
    assert draft.is_draft
    assert draft.tags == frozenset({"sleep", "family"})
    assert draft.started_at == T0 and draft.started_at.tzinfo is not None
    assert store.checkins_between(T0 - timedelta(days=1), T0 + timedelta(days=1)) == []
    db.close()


def test_finishing_a_draft_removes_it_and_keeps_the_check_in(db_path: Path, key: bytes) -> None:
    db = open_database(db_path, key)
    store = SqlCheckInStore(db)
    draft = store.save_draft(_checkin("almost", draft=True))
    finished = store.finish(
        CheckIn(
            id=draft.id,
            started_at=draft.started_at,
            finished_at=T0 + timedelta(minutes=3),
            mood="okay",
            tags=draft.tags,
            note="done",
            is_draft=False,
        )
    )
    assert store.latest_draft() is None
    assert finished.id == draft.id and not finished.is_draft
    assert store.checkins_between(T0, T0 + timedelta(hours=1)) == [finished]
    db.close()


def test_check_ins_come_back_oldest_first_within_the_range(db_path: Path, key: bytes) -> None:
    db = open_database(db_path, key)
    store = SqlCheckInStore(db)
    later = store.finish(_checkin("later", minutes=60))
    earlier = store.finish(_checkin("earlier", minutes=0))
    store.finish(_checkin("next day", minutes=24 * 60))
    store.save_draft(_checkin("draft", minutes=30, draft=True))
    found = store.checkins_between(T0, T0 + timedelta(hours=2))
    assert [c.note for c in found] == ["earlier", "later"]
    assert found == [earlier, later]
    store.discard_draft()
    assert store.latest_draft() is None
    db.close()


def test_questionnaire_results_round_trip(db_path: Path, key: bytes) -> None:
    db = open_database(db_path, key)
    store = SqlCheckInStore(db)
    saved = store.save_result(
        QuestionnaireResult(
            id=None,
            instrument_id="phq9",
            taken_at=T0,
            answers=(0, 1, 2, 3, 0, 1, 2, 3, 1),
            total=13,
            band="moderate",
            flags=frozenset({"self_harm"}),
        )
    )
    assert saved.id is not None
    assert store.results_between(T0, T0 + timedelta(seconds=1)) == [saved]
    assert store.results_between(T0 + timedelta(seconds=1), T0 + timedelta(days=1)) == []
    db.close()


def test_appointments_keep_their_instant_and_order(db_path: Path, key: bytes) -> None:
    toronto = timezone(timedelta(hours=-5))
    db = open_database(db_path, key)
    store = SqlAppointmentStore(db)
    weekly = store.save(
        Appointment(
            id=None,
            title="Talk with Dr. Lee",
            with_whom="Dr. Lee",
            start=datetime(2026, 4, 2, 10, 0, tzinfo=toronto),
            duration_minutes=50,
            link="https://zoom.us/j/123",
            phone=None,
            notes="bring list",
            recurrence="FREQ=WEEKLY;BYDAY=TH",
            uid="abc@clinic",
        )
    )
    sooner = store.save(Appointment(None, "Call", "Sam", T0, 15, None, "555-0100", "", None, None))
    assert [a.id for a in store.all()] == [sooner.id, weekly.id]
    assert store.all()[1] == weekly
    assert store.all()[1].start.utcoffset() == timedelta(0)
    store.save(
        Appointment(
            weekly.id, "Moved", "Dr. Lee", T0 + timedelta(days=1), 50, None, None, "", None, None
        )
    )
    assert [a.title for a in store.all()] == ["Call", "Moved"]
    store.delete(sooner.id or 0)
    store.delete(99999)
    assert [a.title for a in store.all()] == ["Moved"]
    db.close()


def test_contacts_are_kept_in_order_and_capped_at_three(db_path: Path, key: bytes) -> None:
    db = open_database(db_path, key)
    store = SqlContactsStore(db)
    people = [EmergencyContact("Ann", "555-0101", "daughter"), EmergencyContact("Bo", "1", "")]
    store.set_contacts(people)
    store.set_contacts(list(reversed(people)))
    assert store.contacts() == list(reversed(people))
    with pytest.raises(ValueError):
        store.set_contacts(people * 2)
    assert store.contacts() == list(reversed(people))
    db.close()


@pytest.mark.parametrize("where", ["database", "memory"])
def test_both_preferences_hold_json_values_alike(db_path: Path, key: bytes, where: str) -> None:
    """One Preferences protocol: the database and a guest's memory answer the same way, and
    the library's favourites work on either."""
    db = open_database(db_path, key)
    store: Preferences = SqlPreferencesStore(db) if where == "database" else MemoryPreferences()
    store.set("library.favourites", ["breathing", "sleep-tips"])
    store.set("library.progress.sleep-tips", {"page": 3})
    store.set("library.progress.sleep-tips", {"page": 4})
    assert store.get("library.progress.sleep-tips") == {"page": 4}
    assert store.get("missing", "default") == "default"
    store.remove("library.favourites")
    assert store.items() == {"library.progress.sleep-tips": {"page": 4}}
    favourites = Favourites(store)
    favourites.toggle("article:low-mood")
    assert Favourites(store).in_order() == ["article:low-mood"]
    db.close()


def test_naive_times_are_refused(db_path: Path, key: bytes) -> None:
    db = open_database(db_path, key)
    store = SqlCheckInStore(db)
    naive = CheckIn(None, datetime(2026, 1, 1), None, None, frozenset(), "", True)
    with pytest.raises(Exception, match="time zone"):
        store.save_draft(naive)
    assert store.latest_draft() is None
    db.close()
