"""Child for the concurrency attack tests: one real Companion core process among several.

It imports everything first, prints "ready", then blocks on stdin until the test writes "go"
to every child at once, so all of them hit the data folder at the same moment.

    concurrency_child.py first-start DATA_DIR NOTE   start as the launcher does, save a note
    concurrency_child.py set SETTINGS_FILE NAME JSON_VALUE   change one setting
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from companion.clock import FixedClock
from companion.config import SettingsStore

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def wait_for_go() -> None:
    print("ready", flush=True)
    sys.stdin.readline()


def first_start(data_dir: Path, note: str) -> None:
    from companion.checkin.models import CheckIn
    from companion.people.profiles import open_people
    from companion.security import Argon2Params
    from companion.startup import open_start_session

    FAST = Argon2Params(1, 8, 1)  # noqa: N806
    wait_for_go()
    people = open_people(data_dir, FixedClock(NOW), keyring=None, argon2=FAST)
    decision = open_start_session(people)
    session = decision.session
    session.checkins.finish(CheckIn(None, NOW, NOW, "good", frozenset(), note, False))
    session.close()
    print(json.dumps({"guest": session.is_guest, "problem": decision.problem}), flush=True)


def change_setting(path: Path, name: str, value: str) -> None:
    settings = SettingsStore(path)  # read before the others write, as a running app has
    wait_for_go()
    settings.set(name, json.loads(value))
    print("done", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "first-start":
        first_start(Path(sys.argv[2]), sys.argv[3])
    else:
        change_setting(Path(sys.argv[2]), sys.argv[3], sys.argv[4])
