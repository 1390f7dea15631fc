"""End to end with a real Secret Service (gnome-keyring in its own D-Bus session), and without."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from companion.clock import FixedClock
from companion.people.profiles import open_people
from companion.security import Argon2Params, keyring_status, keyring_uses_fallback
from companion.security.device_secret import FALLBACK_FILE_NAME, RECORD_FILE_NAME

CHILD = Path(__file__).with_name("keyring_child.py")
ROOT = Path(__file__).resolve().parents[3]
NEEDED = ("dbus-run-session", "gnome-keyring-daemon")


@pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in NEEDED),
    reason="gnome-keyring-daemon and dbus-run-session are needed for a real Secret Service",
)
def test_device_secret_lives_in_a_real_secret_service(tmp_path: Path) -> None:
    home, runtime, data = tmp_path / "home", tmp_path / "run", tmp_path / "data"
    for folder in (home, runtime, data):
        folder.mkdir(mode=0o700)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "PYTHONPATH": str(ROOT),
    }
    script = (
        "echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null"
        f' && exec "{sys.executable}" "{CHILD}" "{data}"'
    )
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {
        "backend": "keyring.backends.SecretService",
        "where": "keyring",
        "status": True,
        "fallback": False,
        "notes": ["in the keyring"],
        "wrong_pin": "refused",
    }
    assert not (data / FALLBACK_FILE_NAME).exists()
    assert (data / RECORD_FILE_NAME).exists()


def test_without_a_keyring_everything_works_from_the_owner_only_file(tmp_path: Path) -> None:
    assert keyring_uses_fallback(tmp_path, None)
    people = open_people(tmp_path, FixedClock(), keyring=None, argon2=Argon2Params(1, 8, 1))
    mary = people.add("Mary", "pin", "583920")
    people.unlock(mary.id, "583920").close()
    fallback = tmp_path / FALLBACK_FILE_NAME
    assert fallback.stat().st_mode & 0o777 == 0o600
    assert json.loads((tmp_path / RECORD_FILE_NAME).read_text())["where"] == "file"
    works, sentence = keyring_status(tmp_path, None)
    assert works and keyring_uses_fallback(tmp_path, None)
    assert "No keyring" in sentence and "private file" in sentence
