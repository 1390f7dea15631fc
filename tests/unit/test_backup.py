"""Backup on one PC, restored on another with the passphrase; bad files refused; CSV; delete."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from companion.appointments.model import Appointment
from companion.backup.archive import BackupError, export_backup, restore_as_new_person
from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.clock import FixedClock
from companion.export.checkins_csv import checkins_csv, export_checkins_csv
from companion.people.profiles import People, PersonSession, open_people
from companion.safety.crisis import EmergencyContact
from companion.safety_plan.plan import Part, PlanEntry, SafetyPlan
from companion.security import Argon2Params
from companion.storage.bulk import PersonData, collect

FAST = Argon2Params(1, 8, 1)
NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
PASSPHRASE = "green teapot on sunday"


def _pc(folder: Path) -> People:
    return open_people(folder, FixedClock(), keyring=None, argon2=FAST)


def _fill(session: PersonSession) -> None:
    for day in range(5):
        when = NOW + timedelta(days=day)
        session.checkins.finish(
            CheckIn(None, when, when, "good", frozenset({"sleep"}), f"day {day} é", False)
        )
    session.checkins.save_draft(CheckIn(None, NOW, None, "okay", frozenset(), "unfinished", True))
    session.checkins.save_result(
        QuestionnaireResult(None, "gad7", NOW, (1, 1, 1, 1, 1, 1, 1), 7, "mild", frozenset())
    )
    session.checkins.save_result(  # with the "how difficult" answer, which must travel too
        QuestionnaireResult(None, "phq9", NOW, (2,) * 9, 18, "moderately severe", frozenset(), 2)
    )
    session.appointments.save(
        Appointment(None, "Dr. Lee", "Dr. Lee", NOW, 50, "https://zoom.us/j/1", None, "", None, "u")
    )
    session.contacts.set_contacts([EmergencyContact("Ann", "555-0101", "daughter")])
    session.preferences.set("library.favourites", ["breathing"])
    session.safety_plan.save(
        SafetyPlan(
            {
                Part.WARNING_SIGNS: (PlanEntry("I stop answering the phone"),),
                Part.PEOPLE_TO_ASK: (PlanEntry("Ann", "555-0101"), PlanEntry("Bob", "555-0102")),
                Part.REASONS: (PlanEntry("My grandson Léo"),),
            }
        )
    )


def _everything(session: PersonSession) -> PersonData:
    """All the person's data with ids cleared: ids are new on the other PC, the rest must match."""
    data = collect(
        session.checkins,
        session.appointments,
        session.contacts,
        session.preferences,
        session.safety_plan,
    )
    assert not data.safety_plan.is_empty
    return PersonData(
        checkins=tuple(replace(c, id=None) for c in data.checkins),
        draft=None if data.draft is None else replace(data.draft, id=None),
        results=tuple(replace(r, id=None) for r in data.results),
        appointments=tuple(replace(a, id=None) for a in data.appointments),
        contacts=data.contacts,
        preferences=data.preferences,
        safety_plan=data.safety_plan,
    )


@pytest.fixture
def backup_file(tmp_path: Path) -> tuple[Path, PersonData]:
    home = _pc(tmp_path / "home")
    mary = home.add("Mary", "pin", "583920")
    session = home.unlock(mary.id, "583920")
    _fill(session)
    path = tmp_path / "usb" / "mary.companion-backup"
    export_backup(session, path, PASSPHRASE, FAST)
    expected = _everything(session)
    session.close()
    return path, expected


def test_backup_restores_identical_data_on_another_pc(
    tmp_path: Path, backup_file: tuple[Path, PersonData]
) -> None:
    path, expected = backup_file
    assert b"day 0" not in path.read_bytes() and b"Mary" not in path.read_bytes()
    other = _pc(tmp_path / "other")
    person = restore_as_new_person(other, path, PASSPHRASE, "Mary", "pin", "294751")
    session = other.unlock(person.id, "294751")
    assert _everything(session) == expected
    session.close()


def _refused(other: People, path: Path, passphrase: str, match: str) -> None:
    with pytest.raises(BackupError, match=match):
        restore_as_new_person(other, path, passphrase, "Mary", "pin", "294751")
    assert other.all() == []
    assert not (other.data_dir / "people").exists() or not any(
        (other.data_dir / "people").iterdir()
    )


def test_wrong_passphrase_is_refused_and_nothing_is_created(
    tmp_path: Path, backup_file: tuple[Path, PersonData]
) -> None:
    _refused(_pc(tmp_path / "other"), backup_file[0], "blue teapot on sunday", "passphrase")


@pytest.mark.parametrize("cut", [1, 100, 400])
def test_truncated_backup_is_refused(
    tmp_path: Path, backup_file: tuple[Path, PersonData], cut: int
) -> None:
    path = backup_file[0]
    path.write_bytes(path.read_bytes()[:-cut])
    _refused(_pc(tmp_path / "other"), path, PASSPHRASE, "damaged or cut short")


@pytest.mark.parametrize("where", [30, 60, -20])
def test_altered_backup_is_refused(
    tmp_path: Path, backup_file: tuple[Path, PersonData], where: int
) -> None:
    path = backup_file[0]
    raw = bytearray(path.read_bytes())
    raw[where] ^= 0x01
    path.write_bytes(bytes(raw))
    _refused(_pc(tmp_path / "other"), path, PASSPHRASE, "damaged|passphrase|not a Companion")


def test_other_files_are_not_taken_for_backups(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff" + bytes(200))
    _refused(_pc(tmp_path / "other"), path, PASSPHRASE, "not a Companion backup")


def test_restore_never_overwrites_an_existing_person(
    tmp_path: Path, backup_file: tuple[Path, PersonData]
) -> None:
    other = _pc(tmp_path / "other")
    existing = other.add("Mary", "pin", "907364")
    with pytest.raises(Exception, match="already has that name"):
        restore_as_new_person(other, backup_file[0], PASSPHRASE, "Mary", "pin", "294751")
    assert [p.id for p in other.all()] == [existing.id]


def test_csv_has_every_finished_check_in_and_defuses_formulas(tmp_path: Path) -> None:
    pc = _pc(tmp_path / "pc")
    mary = pc.add("Mary", "pin", "583920")
    session = pc.unlock(mary.id, "583920")
    _fill(session)
    session.checkins.finish(CheckIn(None, NOW, NOW, None, frozenset(), "=HYPERLINK(1)", False))
    export_checkins_csv(session.checkins, tmp_path / "out.csv")
    text = (tmp_path / "out.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 6
    assert next(r["note"] for r in rows if r["note"].startswith("day")) == "day 0 é"
    assert "'=HYPERLINK(1)" in [r["note"] for r in rows]
    assert checkins_csv(session.checkins).startswith(b"\xef\xbb\xbf")
    session.close()


def test_delete_all_my_data_leaves_nothing_of_the_person(tmp_path: Path) -> None:
    pc = _pc(tmp_path / "pc")
    mary = pc.add("Mary", "pin", "583920")
    session = pc.unlock(mary.id, "583920")
    _fill(session)
    session.close()
    pc.delete(mary.id)
    leftovers = sorted(p.name for p in (tmp_path / "pc").rglob("*") if p.is_file())
    # The lock files are empty; the list and its kept copy no longer name Mary.
    kept = [".device.json.lock", ".people.json.lock", "people.json", "people.json.previous"]
    assert leftovers == kept
    for name in ("people.json", "people.json.previous"):
        assert "Mary" not in (tmp_path / "pc" / name).read_text(encoding="utf-8")
    assert all((tmp_path / "pc" / n).stat().st_size == 0 for n in leftovers[:2])
