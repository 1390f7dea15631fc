"""Opening a current database does not load Alembic; the quick check knows the newest revision."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from companion.storage.migrations import runner
from companion.storage.migrations.schema_version import NEWEST_REVISION

ROOT = Path(__file__).resolve().parents[3]


def test_the_quick_check_knows_the_newest_migration() -> None:
    assert runner.latest_revision() == NEWEST_REVISION


OPEN_TWICE = """
import os, sys
from pathlib import Path
from companion.storage.database import open_database
path, key = Path(sys.argv[1]), bytes(range(32))
open_database(path, key).close()
first = "alembic" in sys.modules
if sys.argv[2] == "again":
    open_database(path, key).close()
print(first, "alembic" in sys.modules)
"""


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path: Path) -> None:
    db = tmp_path / "person.db"
    env = {**os.environ}
    new = subprocess.run(
        [sys.executable, "-c", OPEN_TWICE, str(db), "once"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert new.returncode == 0, new.stderr
    assert new.stdout.split() == ["True", "True"]  # a new file is built by the migrations
    again = subprocess.run(
        [sys.executable, "-c", OPEN_TWICE, str(db), "once"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.split() == ["False", "False"]  # already current: no Alembic at all
