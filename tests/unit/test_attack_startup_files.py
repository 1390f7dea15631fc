"""Attack: files that once stopped Companion from starting, or lost a way back.

A deeply nested settings.json raised RecursionError and Companion did not start; a huge one was
read whole; a damaged people.json (the only copy of every wrapped key) left no way back; a
missing companion.db was silently replaced by an empty one. Real files, real processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.config import SettingsStore
from companion.people.profiles import People, open_people
from companion.preset.reading import apply_system_preset
from companion.security import DeviceSecretMissingError
from companion.security.caregiver import CaregiverLock
from companion.security.device_secret import DeviceSecretStore
from companion.startup import open_start_session
from tests.fast_argon2 import FAST

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
EVER = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
DEEP = "[" * 200_000 + "]" * 200_000  # 400 KB: far past Python's recursion limit


def _pc(folder: Path) -> People:
    return open_people(folder, FixedClock(NOW), keyring=None, argon2=FAST)


def start_app(data_dir: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    """The real program, offscreen, until its data is open."""
    env = {
        **os.environ,
        "COMPANION_DATA_DIR": str(data_dir),
        "COMPANION_KEYRING": "none",
        "COMPANION_SPEECH_ENGINE": "none",
        "COMPANION_EXIT_AFTER_SHOWN": "1",
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }
    return subprocess.run(
        [sys.executable, "-m", "companion"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_deeply_nested_settings_file_and_preset_do_not_stop_the_start(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "settings.json").write_text('{"theme": ' + DEEP + "}", encoding="utf-8")
    preset = tmp_path / "preset.json"
    preset.write_text(DEEP, encoding="utf-8")

    started = start_app(folder, COMPANION_PRESET=str(preset))

    assert started.returncode == 0, started.stderr[-2000:]
    assert started.stdout.split() == ["shown", "ready"]
    set_aside = [p.name for p in folder.iterdir() if p.name.startswith("settings.json.bad-")]
    assert len(set_aside) == 1  # kept for a helper to look at, never read again


def test_a_damaged_settings_file_is_set_aside_with_one_kind_sentence(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'{"theme": "dark", "pad": "' + b" " * (1024 * 1024) + b'"}')  # valid, huge

    settings = SettingsStore(path, clock=FixedClock(NOW))

    assert settings.get("theme") == "standard"  # defaults, not the huge file's values
    assert settings.problem is not None and "usual settings" in settings.problem
    assert (tmp_path / "settings.json.bad-2026-03-14").exists()
    assert not path.exists()
    settings.set("text_scale", 150)  # and saving works again at once
    assert SettingsStore(path).get("text_scale") == 150
    assert SettingsStore(path).problem is None


def test_a_damaged_preset_is_set_aside_and_said_once(tmp_path: Path) -> None:
    preset = tmp_path / "preset.json"
    preset.write_text(DEEP, encoding="utf-8")
    notices: list[str] = []

    written = apply_system_preset(
        tmp_path / "settings.json", [preset], today=NOW.date(), notices=notices
    )

    assert not written
    assert len(notices) == 1 and "could not be read" in notices[0]
    assert (tmp_path / "preset.json.bad-2026-03-14").exists()


def _me_with_a_note(folder: Path) -> People:
    people = _pc(folder)
    decision = open_start_session(people)
    decision.session.checkins.finish(CheckIn(None, NOW, NOW, "good", frozenset(), "kept", False))
    decision.session.close()
    people.rename(people.all()[0].id, "Mary")  # a second save: there is a previous copy now
    return people


@pytest.mark.parametrize(
    "damage",
    [b"", b'{"version": 1, "people": [{"id": "x"', DEEP.encode(), b"\x00" * 4096],
    ids=["emptied", "cut short", "nested", "binary"],
)
def test_a_damaged_people_list_falls_back_to_its_previous_copy(
    tmp_path: Path, damage: bytes
) -> None:
    folder = tmp_path / "data"
    _me_with_a_note(folder)
    (folder / "people.json").write_bytes(damage)

    people = _pc(folder)
    decision = open_start_session(people)

    assert not decision.session.is_guest  # Me opens, with the note
    notes = [c.note for c in decision.session.checkins.checkins_between(*EVER)]
    decision.session.close()
    assert notes == ["kept"]
    assert decision.problem is not None and "saved copy" in decision.problem
    assert [p.name for p in people.all()] == ["Me"]  # the copy before the rename
    assert any(p.name.startswith("people.json.bad-") for p in folder.iterdir())


def test_with_both_copies_damaged_nothing_is_replaced_or_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _me_with_a_note(folder)
    for name in ("people.json", "people.json.previous"):
        (folder / name).write_text(DEEP, encoding="utf-8")
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))

    decision = open_start_session(_pc(folder))

    assert decision.session.is_guest
    assert decision.problem is not None and "Nothing was deleted" in decision.problem
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before


def test_missing_notes_are_said_plainly_never_replaced_by_an_empty_database(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    people = _me_with_a_note(folder)
    database = folder / "people" / people.all()[0].id / "companion.db"
    database.unlink()

    decision = open_start_session(_pc(folder))

    assert decision.session.is_guest
    assert decision.problem is not None
    assert "are missing from this computer" in decision.problem and "backup" in decision.problem
    assert not database.exists()


def test_deep_or_huge_records_of_secrets_and_helpers_are_refused_not_crashed(
    tmp_path: Path,
) -> None:
    (tmp_path / "device.json").write_text(DEEP, encoding="utf-8")
    with pytest.raises(DeviceSecretMissingError):
        DeviceSecretStore(tmp_path, None).secret()
    (tmp_path / "caregiver.json").write_text(DEEP, encoding="utf-8")
    assert CaregiverLock(tmp_path, FixedClock(NOW), FAST).is_set()  # fails closed: still guards


def test_a_secret_file_already_there_is_never_overwritten(tmp_path: Path) -> None:
    # A first start killed between writing the secret and its record leaves the secret alone.
    first = DeviceSecretStore(tmp_path, None)
    secret = first.secret_or_create()
    (tmp_path / "device.json").unlink()

    again = DeviceSecretStore(tmp_path, None).secret_or_create()

    assert again == secret
    assert json.loads((tmp_path / "device.json").read_text(encoding="utf-8"))["where"] == "file"
