"""Benchmark: open the history and draw the 12-week chart with ten years of daily check-ins stored.

Target: under 200 ms (the median of 5 runs), on the real encrypted database.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/history.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from companion.checkin.models import MOODS  # noqa: E402
from companion.checkin.sql_store import SqlCheckInStore  # noqa: E402
from companion.clock import FixedClock  # noqa: E402
from companion.config import SettingsStore  # noqa: E402
from companion.paths import content_dir  # noqa: E402
from companion.people.profiles import guest_session  # noqa: E402
from companion.safety.crisis import load_crisis_directory  # noqa: E402
from companion.storage import open_database  # noqa: E402
from companion.storage.models import CheckInRow  # noqa: E402
from ui.launch import build_context  # noqa: E402
from ui.screens.checkin.history import HistoryScreen  # noqa: E402

TARGET_MS = 200.0
YEARS = 10
NOW = datetime(2026, 3, 14, 18, 0, tzinfo=UTC)


def fill(database_path: Path, key: bytes) -> SqlCheckInStore:
    database = open_database(database_path, key)
    rows = []
    for days_ago in range(YEARS * 365):
        at = NOW - timedelta(days=days_ago, hours=2)
        rows.append(
            {
                "started_at": at,
                "finished_at": at + timedelta(minutes=1),
                "mood": MOODS[days_ago % len(MOODS)],
                "tags": ["sleep"] if days_ago % 3 else [],
                "note": "",
                "is_draft": False,
            }
        )
    with database.unit_of_work() as session:
        session.execute(insert(CheckInRow), rows)
    return SqlCheckInStore(database)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        store = fill(Path(folder) / "person.db", os.urandom(32))
        crisis, _problem = load_crisis_directory(content_dir())
        ctx = build_context(
            SettingsStore(Path(folder) / "settings.json", regions=crisis.codes()),
            FixedClock(NOW),
            Path(folder),
            content_dir(),
            crisis,
            None,  # type: ignore[arg-type]
            session=replace(guest_session(), checkins=store),  # ten years, in memory
        )
        timings = []
        for _run in range(5):
            started = time.perf_counter()
            screen = HistoryScreen(ctx)
            screen.resize(1280, 720)
            screen.show_weeks(12)
            while not ctx.runner.is_idle():  # the weeks are read on the runner
                app.processEvents()
            screen.chart.resize(1200, 400)
            screen.chart.grab()  # paints the chart for real
            timings.append((time.perf_counter() - started) * 1000)
            screen.deleteLater()
            app.processEvents()
        median = statistics.median(timings)
        print(
            f"history, 12 weeks of {YEARS} years of daily check-ins: median {median:.1f} ms "
            f"(runs: {', '.join(f'{t:.1f}' for t in timings)}); target {TARGET_MS:.0f} ms"
        )
        return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
