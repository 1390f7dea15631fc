"""A writer killed by SIGKILL at random moments never loses a committed row or corrupts the file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from companion.checkin.sql_store import SqlCheckInStore
from companion.storage import open_database

CHILD = Path(__file__).with_name("writer_child.py")
ROOT = Path(__file__).resolve().parents[3]
KILLS = 50
PARALLEL = 2  # two databases killed side by side keep the test well under a minute


def _start_writer(path: Path, key: bytes, first: int) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(f"{key.hex()} {first}\n")
    child.stdin.close()
    assert child.stdout.readline().strip() == "ready"
    return child


def _kill_after_some_commits(child: subprocess.Popen[str], commits: int) -> list[int]:
    """Read `commits` acknowledgements, then SIGKILL at once (the child is mid-write)."""
    assert child.stdout is not None
    acknowledged = [int(child.stdout.readline()) for _ in range(commits)]
    child.send_signal(signal.SIGKILL)
    # Lines written after our last read may still be in the pipe: those commits returned too.
    acknowledged += [int(line) for line in child.stdout.read().split()]
    child.stdout.close()
    child.wait()
    assert child.returncode == -signal.SIGKILL
    return acknowledged


def _stored_numbers(path: Path, key: bytes) -> tuple[str, set[int]]:
    db = open_database(path, key)
    try:
        start = datetime(2026, 1, 1, tzinfo=UTC)
        rows = SqlCheckInStore(db).checkins_between(start, start + timedelta(days=3650))
        return db.integrity(), {int(c.note.split()[1]) for c in rows}
    finally:
        db.close()


@pytest.mark.slow
def test_sigkill_during_writes_loses_no_committed_row(tmp_path: Path) -> None:
    rng = random.Random(20260314)
    keys = [os.urandom(32) for _ in range(PARALLEL)]
    paths = [tmp_path / f"writer{i}" / "companion.db" for i in range(PARALLEL)]
    committed: list[set[int]] = [set() for _ in range(PARALLEL)]
    for _round in range(KILLS // PARALLEL):
        children = [
            _start_writer(paths[i], keys[i], max(committed[i], default=0) + 1)
            for i in range(PARALLEL)
        ]
        for i, child in enumerate(children):
            committed[i].update(_kill_after_some_commits(child, rng.randint(0, 25)))
        for i in range(PARALLEL):
            integrity, stored = _stored_numbers(paths[i], keys[i])
            assert integrity == "ok"
            missing = committed[i] - stored
            assert not missing, f"committed rows lost after a kill: {sorted(missing)[:5]}"
    assert all(len(c) > KILLS for c in committed)
