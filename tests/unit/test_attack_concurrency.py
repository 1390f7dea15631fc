"""Attack: Companion started several times at once on one data folder (a double-click twice).

Real processes on real files, released together through their stdin: each round starts on a
new, empty data folder, as on a new PC. Before the fix, two first starts each made "Me" and a
device secret; the last writer won people.json and the other the secret, so "Me" was locked out
for good and a note was lost. Two running copies each wrote their whole settings, so one change
was lost.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from companion.clock import FixedClock
from companion.config import SettingsStore
from companion.people.profiles import open_people
from tests.fast_argon2 import FAST

CHILD = Path(__file__).with_name("concurrency_child.py")
ROUNDS = 5
STARTS_PER_ROUND = 3
EVER = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


def run_together(commands: list[list[str]]) -> list[str]:
    """Start every command, wait until each is ready, release them at once; their outputs."""
    env = {**os.environ, "COMPANION_KEYRING": "none"}
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), *command],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for command in commands
    ]
    for child in children:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        outputs.append(out)
    return outputs


def test_first_starts_at_once_make_one_me_that_opens_with_every_note(tmp_path: Path) -> None:
    for round_number in range(ROUNDS):
        folder = tmp_path / f"pc{round_number}"
        notes = [f"note {round_number}-{n}" for n in range(STARTS_PER_ROUND)]
        outputs = run_together([["first-start", str(folder), note] for note in notes])

        reports = [json.loads(out.strip().splitlines()[-1]) for out in outputs]
        assert all(not r["guest"] and r["problem"] is None for r in reports), reports
        people = open_people(folder, FixedClock(), keyring=None, argon2=FAST)
        everyone = people.all()
        assert [p.name for p in everyone] == ["Me"], f"round {round_number}"
        session = people.unlock(everyone[0].id, "")  # the secret on disk opens Me's data
        saved = sorted(c.note for c in session.checkins.checkins_between(*EVER))
        session.close()
        assert saved == sorted(notes), f"round {round_number}: a note was lost"
        assert sorted(p.name for p in (folder / "people").iterdir()) == [everyone[0].id]


def test_settings_changed_at_once_by_two_companions_keep_both_changes(tmp_path: Path) -> None:
    for round_number in range(ROUNDS):
        path = tmp_path / f"settings{round_number}.json"
        SettingsStore(path).set("less_motion", True)  # an existing file, as on a used PC
        run_together(
            [
                ["set", str(path), "text_scale", "150"],
                ["set", str(path), "theme", '"dark"'],
                ["set", str(path), "speech_rate", "200"],
            ]
        )
        again = SettingsStore(path)
        kept = {n: again.get(n) for n in ("text_scale", "theme", "speech_rate", "less_motion")}
        assert kept == {
            "text_scale": 150,
            "theme": "dark",
            "speech_rate": 200,
            "less_motion": True,
        }, f"round {round_number}"


def start_app(data_dir: Path, **extra: str) -> subprocess.Popen[str]:
    """The real program, offscreen, on `data_dir` (its own process, as a double-click makes)."""
    env = {
        **os.environ,
        "COMPANION_DATA_DIR": str(data_dir),
        "COMPANION_KEYRING": "none",
        "COMPANION_SPEECH_ENGINE": "none",
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "companion"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_a_second_start_brings_the_first_forward_and_a_killed_one_leaves_no_lock(
    tmp_path: Path,
) -> None:
    for round_number in range(3):
        folder = tmp_path / f"pc{round_number}"
        starts = [start_app(folder), start_app(folder)]
        try:
            # The second start asks the first to come forward, waits for its answer, and ends.
            ended = None
            for _try in range(120):  # up to a minute on a busy PC
                for start in starts:
                    try:
                        start.wait(timeout=0.25)
                        ended = start
                    except subprocess.TimeoutExpired:
                        continue
                if ended is not None:
                    break
            assert ended is not None, "two Companions run on one data folder"
            running = next(s for s in starts if s is not ended)
            assert ended.returncode == 0
            assert running.poll() is None, "both Companions stopped"
            log = (folder / "logs" / "companion.log").read_text(encoding="utf-8")
            assert "asked this window to come forward" in log
            assert "it was brought forward" in log
        finally:
            for start in starts:
                start.kill()  # a crash: the lock file stays, with a dead process id in it
                start.communicate(timeout=60)
        # A start after the crash is not refused by the lock the killed one left.
        after = start_app(folder, COMPANION_EXIT_AFTER_SHOWN="1")
        out, err = after.communicate(timeout=120)
        assert after.returncode == 0, err
        assert out.split() == ["shown", "ready"]
        people = open_people(folder, FixedClock(), keyring=None)
        assert [p.name for p in people.all()] == ["Me"]
