"""A check-in interrupted by SIGKILL (a power cut, a crash) is offered again with what was given.

A real child process types a check-in into the real encrypted database and is killed mid-note; the
test then reopens the file the way the app would next time and resumes the draft.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from companion.checkin.flow import CheckInFlow, StepKind
from companion.clock import FixedClock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parents[3]
NOTE = "Slept badly, my hip hurts, but Anne called. "

CHILD = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from companion.checkin.flow import CheckInFlow
from companion.clock import FixedClock
from companion.storage import open_database
from companion.checkin.sql_store import SqlCheckInStore

database = open_database(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
flow = CheckInFlow.resume_or_start(SqlCheckInStore(database), FixedClock())
flow.choose_mood("not_good")
flow.next()
flow.toggle_tag("sleep")
flow.toggle_tag("pain")
flow.next()
typed = ""
while True:  # one save per key press, as the note box does, until the process is killed
    for letter in sys.argv[3]:
        typed += letter
        flow.set_note(typed)
        print(len(typed), flush=True)
"""


def _open_store(path: Path, key: bytes):  # type: ignore[no-untyped-def]
    from companion.checkin.sql_store import SqlCheckInStore
    from companion.storage import open_database

    database = open_database(path, key)
    return database, SqlCheckInStore(database)


@pytest.mark.slow
def test_sigkill_mid_check_in_keeps_the_draft_in_the_real_database(tmp_path: Path) -> None:
    path = tmp_path / "person" / "companion.db"
    key = os.urandom(32)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), key.hex(), NOTE],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    saved_letters = 0
    for line in child.stdout:
        saved_letters = int(line)
        if saved_letters >= 20:
            break
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    database, store = _open_store(path, key)
    try:
        flow = CheckInFlow.resume_or_start(store, FixedClock(datetime(2026, 3, 15, tzinfo=UTC)))
        assert flow.resumed
        assert flow.checkin.mood == "not_good"
        assert flow.checkin.tags == frozenset({"sleep", "pain"})
        # Every letter reported as saved is there; the kill may have landed after a few more.
        assert len(flow.checkin.note) >= saved_letters
        assert (NOTE * 10).startswith(flow.checkin.note)
        assert database.integrity() == "ok"
        # The person is back on the note step and finishes it: it becomes a normal check-in.
        assert flow.step.kind == StepKind.NOTE
        flow.next()
        assert store.latest_draft() is None
        finished = store.checkins_between(
            datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
        )
        assert [c.mood for c in finished] == ["not_good"]
    finally:
        database.close()
