"""A guest uses every store and leaves the data folder exactly as it was."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from companion.appointments.model import Appointment
from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.people.profiles import guest_session, open_people
from companion.safety.crisis import EmergencyContact
from companion.security import Argon2Params

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def test_guest_writes_nothing_to_the_data_folder(tmp_path: Path) -> None:
    people = open_people(tmp_path, FixedClock(), keyring=None, argon2=Argon2Params(1, 8, 1))
    people.add("Mary", "pin", "583920")
    before = listing(tmp_path)
    marker = "GUEST-" + os.urandom(6).hex()

    session = guest_session()
    assert session.is_guest
    session.checkins.save_draft(CheckIn(None, NOW, None, None, frozenset(), marker, True))
    session.checkins.finish(CheckIn(None, NOW, NOW, "okay", frozenset(), marker, False))
    session.appointments.save(Appointment(None, marker, "", NOW, 30, None, None, "", None, None))
    session.contacts.set_contacts([EmergencyContact(marker, "555-0100", "friend")])
    session.preferences.set("library.favourites", [marker])
    assert session.checkins.checkins_between(NOW, NOW.replace(hour=13))[0].note == marker
    session.close()

    assert listing(tmp_path) == before
    assert all(marker.encode() not in p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())


def test_each_guest_starts_empty() -> None:
    first = guest_session()
    first.preferences.set("x", 1)
    assert guest_session().preferences.items() == {}
