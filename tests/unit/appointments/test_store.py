"""The in-memory appointment store keeps ids, replaces on save and lists earliest first."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from companion.appointments.model import Appointment
from companion.appointments.store import AppointmentStore, MemoryAppointmentStore


def _appointment(day: int, **changes: object) -> Appointment:
    base = {
        "id": None,
        "title": "Therapy",
        "with_whom": "Dr. Lee",
        "start": datetime(2026, 3, day, 14, 0, tzinfo=UTC),
        "duration_minutes": 50,
        "link": "https://zoom.us/j/123456789",
        "phone": None,
        "notes": "",
        "recurrence": None,
        "uid": None,
    }
    base.update(changes)
    return Appointment(**base)  # type: ignore[arg-type]


def test_save_gives_ids_and_lists_earliest_first() -> None:
    store: AppointmentStore = MemoryAppointmentStore()
    later = store.save(_appointment(20))
    sooner = store.save(_appointment(16))
    assert later.id is not None and sooner.id is not None and later.id != sooner.id
    assert [a.id for a in store.all()] == [sooner.id, later.id]


def test_save_with_id_replaces_and_delete_removes() -> None:
    store = MemoryAppointmentStore()
    saved = store.save(_appointment(16))
    store.save(_appointment(16, id=saved.id, with_whom="Dr. Roy"))
    assert [a.with_whom for a in store.all()] == ["Dr. Roy"]
    assert saved.id is not None
    store.delete(saved.id)
    store.delete(999)
    assert store.all() == []


def test_naive_start_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        _appointment(16, start=datetime(2026, 3, 16, 14, 0))


def test_end_is_start_plus_length() -> None:
    assert _appointment(16).end == datetime(2026, 3, 16, 14, 50, tzinfo=UTC)
