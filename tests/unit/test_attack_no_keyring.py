"""Attack: no OS keyring and no PIN. A copied data folder alone opens the notes, so Companion
must say so plainly (first run, Settings, `--check`), recommend a PIN, and never call such
notes "locked". Real files, a real `companion --check` process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.people.profiles import open_people
from companion.security import WrongSecretError
from companion.security.pins import lock_summary
from companion.startup import open_start_session
from tests.fast_argon2 import FAST

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
EVER = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


def check(folder: Path) -> str:
    env = {**os.environ, "COMPANION_DATA_DIR": str(folder), "COMPANION_KEYRING": "none"}
    env["COMPANION_SPEECH_ENGINE"] = "none"
    done = subprocess.run(
        [sys.executable, "-m", "companion", "--check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return done.stdout


def test_a_copied_folder_opens_me_with_no_pin_and_check_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    start = open_start_session(open_people(folder, FixedClock(NOW), keyring=None, argon2=FAST))
    start.session.checkins.finish(CheckIn(None, NOW, NOW, "low", frozenset(), "private", False))
    start.session.close()

    # The attack: copy the folder, open it elsewhere, with no secret at all.
    copy = tmp_path / "usb" / "copy"
    shutil.copytree(folder, copy)
    thief = open_people(copy, FixedClock(NOW), keyring=None, argon2=FAST)
    stolen = thief.unlock(thief.all()[0].id, "")
    assert [c.note for c in stolen.checkins.checkins_between(*EVER)] == ["private"]
    stolen.close()

    said = check(folder)
    assert "have no PIN, so anyone who copies the folder can read their notes: Me" in said
    assert "Add a PIN" in said
    assert "locked" not in said


def test_with_a_pin_the_copied_folder_does_not_open_and_check_says_the_pin_protects(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    people = open_people(folder, FixedClock(NOW), keyring=None, argon2=FAST)
    mary = people.add("Mary", "pin", "583920")
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    thief = open_people(copy, FixedClock(NOW), keyring=None, argon2=FAST)
    with pytest.raises(WrongSecretError):
        thief.unlock(mary.id, "")
    assert "a PIN protects each person's notes" in check(folder)


def test_settings_words_for_no_pin_without_a_keyring_never_say_locked() -> None:
    said = lock_summary("none", 0, shared_pc=False, fallback_file=True)
    assert "anyone who copies Companion's folder can read your notes" in said
    assert "We recommend a PIN" in said
    assert "locked" not in said
