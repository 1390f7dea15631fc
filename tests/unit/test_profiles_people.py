"""People on one PC: add, unlock, wrong PIN, lost or changed device secret, rename, delete."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.people.profiles import People, ProfileError, ensure_default_person, open_people
from companion.security import (
    DeviceSecretMismatchError,
    DeviceSecretMissingError,
    PinRejectedError,
    UnlockDelayedError,
    WrongRecoveryCodeError,
    WrongSecretError,
    new_recovery_code,
)
from companion.security.device_secret import FALLBACK_FILE_NAME
from tests.fast_argon2 import FAST

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def people(tmp_path: Path, clock: FixedClock) -> People:
    return open_people(tmp_path, clock, keyring=None, argon2=FAST)


def _note(people: People, person_id: str, pin: str, note: str) -> None:
    session = people.unlock(person_id, pin)
    session.checkins.finish(CheckIn(None, NOW, NOW, "good", frozenset(), note, False))
    session.close()


def test_right_pin_opens_the_persons_own_data(people: People) -> None:
    mary = people.add("Mary  Brown", "pin", "583920")
    sam = people.add("Sam", "pin", "907364")
    _note(people, mary.id, "583920", "Mary's note")
    session = people.unlock(mary.id, "583920")
    assert session.display_name == "Mary Brown" and not session.is_guest
    assert [c.note for c in session.checkins.checkins_between(NOW, NOW.replace(hour=13))] == [
        "Mary's note"
    ]
    session.close()
    other = people.unlock(sam.id, "907364")
    assert other.checkins.checkins_between(NOW, NOW.replace(hour=13)) == []
    other.close()
    assert [(p.name, p.initials) for p in people.all()] == [("Mary Brown", "MB"), ("Sam", "S")]
    assert mary.colour != sam.colour


def test_wrong_pin_fails_clearly_and_touches_nothing(people: People, tmp_path: Path) -> None:
    mary = people.add("Mary", "pin", "583920")
    _note(people, mary.id, "583920", "private")
    before = snapshot(people.folder(mary.id))
    with pytest.raises(WrongSecretError, match="did not match"):
        people.unlock(mary.id, "583921")
    after = snapshot(people.folder(mary.id))
    after.pop("unlock-delay.json", None)  # older Companion kept the count here
    assert after == before


def test_wrong_device_secret_fails_clearly_and_touches_nothing(
    people: People, tmp_path: Path
) -> None:
    mary = people.add("Mary", "pin", "583920")
    before = snapshot(people.folder(mary.id))
    (tmp_path / FALLBACK_FILE_NAME).write_text("A" * 43 + "=")
    with pytest.raises(DeviceSecretMismatchError, match="recovery code"):
        people.unlock(mary.id, "583920")
    assert snapshot(people.folder(mary.id)) == before


def test_missing_device_secret_keeps_the_data_locked(people: People, tmp_path: Path) -> None:
    mary = people.add("Mary", "pin", "583920")
    (tmp_path / FALLBACK_FILE_NAME).unlink()
    with pytest.raises(DeviceSecretMissingError, match="missing"):
        people.unlock(mary.id, "583920")
    assert (people.folder(mary.id) / "companion.db").exists()


def test_wrong_pins_slow_down_across_a_restart_but_never_lock_out(
    people: People, tmp_path: Path, clock: FixedClock
) -> None:
    mary = people.add("Mary", "pin", "583920")
    for _ in range(3):
        with pytest.raises(WrongSecretError):
            people.unlock(mary.id, "000001")
    restarted = open_people(tmp_path, clock, keyring=None, argon2=FAST)
    assert restarted.seconds_to_wait(mary.id) == 15
    with pytest.raises(UnlockDelayedError) as waiting:
        restarted.unlock(mary.id, "583920")
    assert waiting.value.seconds_left == 15
    clock.advance(seconds=15)
    restarted.unlock(mary.id, "583920").close()
    assert restarted.seconds_to_wait(mary.id) == 0 and restarted.wrong_tries(mary.id) == 0


def test_fallback_device_secret_is_an_owner_only_file_and_is_reported(
    people: People, tmp_path: Path
) -> None:
    people.add("Mary", "pin", "583920")
    mode = stat.S_IMODE((tmp_path / FALLBACK_FILE_NAME).stat().st_mode)
    assert mode == 0o600
    works, sentence = people.keyring_status()
    assert works and "private file" in sentence


def test_recovery_code_sets_a_new_pin_and_keeps_the_notes(people: People) -> None:
    code = new_recovery_code()
    mary = people.add("Mary", "pin", "583920", recovery_code=code)
    _note(people, mary.id, "583920", "kept")
    with pytest.raises(WrongRecoveryCodeError):
        people.reset_lock_with_recovery_code(mary.id, new_recovery_code(), "pin", "294751")
    session = people.reset_lock_with_recovery_code(mary.id, code, "pin", "294751")
    assert len(session.checkins.checkins_between(NOW, NOW.replace(hour=13))) == 1
    session.close()
    with pytest.raises(WrongSecretError):
        people.unlock(mary.id, "583920")
    people.unlock(mary.id, "294751").close()


def test_changing_the_pin_needs_the_current_one(people: People) -> None:
    mary = people.add("Mary", "pin", "583920")
    with pytest.raises(WrongSecretError):
        people.change_lock(mary.id, "111112", "pin", "294751")
    with pytest.raises(PinRejectedError):
        people.change_lock(mary.id, "583920", "pin", "123456")
    people.change_lock(mary.id, "583920", "passphrase", "purple kettle morning")
    people.unlock(mary.id, "purple kettle morning").close()


def test_weaker_locks_need_the_caregivers_choice(people: People) -> None:
    with pytest.raises(ProfileError, match="helper"):
        people.add("Mary", "short_pin", "5839")
    mary = people.add("Mary", "short_pin", "5839", chosen_by_caregiver=True)
    people.unlock(mary.id, "5839").close()


def test_names_are_checked_and_renaming_keeps_the_data(people: People) -> None:
    mary = people.add("Mary", "pin", "583920")
    _note(people, mary.id, "583920", "kept")
    with pytest.raises(ProfileError):
        people.add("  mary ", "pin", "907364")
    with pytest.raises(ProfileError):
        people.add("   ", "pin", "907364")
    renamed = people.rename(mary.id, "Mary B")
    assert renamed.initials == "MB"
    session = people.unlock(mary.id, "583920")
    assert session.display_name == "Mary B"
    assert len(session.checkins.checkins_between(NOW, NOW.replace(hour=13))) == 1
    session.close()


def test_delete_removes_the_persons_files_without_opening_them(
    people: People, tmp_path: Path
) -> None:
    mary = people.add("Mary", "pin", "583920")
    sam = people.add("Sam", "pin", "907364")
    people.delete(mary.id)
    assert not people.folder(mary.id).exists()
    assert [p.id for p in people.all()] == [sam.id]
    assert "Mary" not in (tmp_path / "people.json").read_text()
    people.unlock(sam.id, "907364").close()
    people.delete(sam.id)
    assert people.all() == []
    assert not (tmp_path / FALLBACK_FILE_NAME).exists()


def test_a_newcomer_gets_me_with_no_pin_once(people: People) -> None:
    me = ensure_default_person(people)
    assert me is not None and me.name == "Me" and me.lock == "none"
    people.unlock(me.id, "").close()
    assert ensure_default_person(people) is None


def test_nothing_readable_lands_anywhere_in_the_data_folder(people: People, tmp_path: Path) -> None:
    marker = "MARKER-" + os.urandom(8).hex()
    mary = people.add("Mary", "pin", "583920", recovery_code=new_recovery_code())
    session = people.unlock(mary.id, "583920")
    session.checkins.save_draft(CheckIn(None, NOW, None, None, frozenset(), marker, True))
    session.checkins.finish(CheckIn(None, NOW, NOW, "good", frozenset(), marker, False))
    session.preferences.set("library.notes", marker)
    files_open = snapshot(tmp_path)
    session.close()
    with pytest.raises(WrongSecretError):
        people.unlock(mary.id, "000001")
    for files in (files_open, snapshot(tmp_path)):
        assert "people.json" in files
        for name, data in files.items():
            assert marker.encode() not in data, name
            assert b"SQLite format 3" not in data, name
            assert b"583920" not in data, name


def test_a_persons_text_size_is_kept_beside_their_entry_and_nothing_else(people: People) -> None:
    """For the picker: only the size, checked like the setting; the list stays readable after."""
    mary = people.add("Mary", "pin", "583920")
    joe = people.add("Joe", "pin", "730285")
    before = (people.data_dir / "people.json").stat().st_mtime_ns
    people.set_text_scale(joe.id, None)  # unchanged: nothing is written
    assert (people.data_dir / "people.json").stat().st_mtime_ns == before
    people.set_text_scale(mary.id, 200)
    sizes = {
        p.name: p.text_scale
        for p in open_people(people.data_dir, FixedClock(), None, argon2=FAST).all()
    }
    assert sizes == {"Mary": 200, "Joe": None}
    stored = json.loads((people.data_dir / "people.json").read_text())
    [entry] = [e for e in stored["people"] if e["id"] == mary.id]
    assert set(entry) == {"id", "name", "colour", "keys", "text_scale", "wrong_tries"}
    assert stored["version"] == 3  # the version that may carry a text size
    with pytest.raises(ValueError):
        people.set_text_scale(mary.id, 90)
    people.unlock(mary.id, "583920").close()  # her count and key are untouched
    people.set_text_scale(mary.id, None)
    assert (
        "text_scale" not in json.loads((people.data_dir / "people.json").read_text())["people"][0]
    )


@pytest.mark.parametrize("value", [250, "200", True, 200.0, [200]])
def test_a_text_size_edited_by_hand_counts_as_a_damaged_list(people: People, value: object) -> None:
    """Validated like the rest of the list: the checked previous copy is used instead."""
    mary = people.add("Mary", "pin", "583920")
    people.set_text_scale(mary.id, 150)
    path = people.data_dir / "people.json"
    stored = json.loads(path.read_text())
    stored["people"][0]["text_scale"] = value
    path.write_text(json.dumps(stored))
    fresh = open_people(people.data_dir, FixedClock(), None, argon2=FAST)
    assert [p.text_scale for p in fresh.all()] == [None]  # the copy from before the change
    assert fresh.problem is not None


def test_a_list_from_before_text_sizes_reads_as_the_pcs_size(people: People) -> None:
    mary = people.add("Mary", "pin", "583920")
    path = people.data_dir / "people.json"
    stored = json.loads(path.read_text())
    stored["version"] = 2
    path.write_text(json.dumps(stored))
    assert people.get(mary.id).text_scale is None
    people.set_text_scale(mary.id, 175)
    assert json.loads(path.read_text())["version"] == 3
    assert people.get(mary.id).text_scale == 175 and people.wrong_tries(mary.id) == 0
