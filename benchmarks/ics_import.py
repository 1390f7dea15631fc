"""Benchmark: what hostile invitation files cost to refuse, as CPU time and as a ratio to
reading an ordinary one-session invitation (median of 5 runs each).

Target (issue #13): under a second of CPU for any file under the size limit.

    .venv/bin/python benchmarks/ics_import.py
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from companion.appointments.ics import IcsError, read_ics  # noqa: E402
from tests.ics_files import calendar, event, near_the_limit  # noqa: E402

NOW = datetime(2026, 3, 1, tzinfo=UTC)
IMPOSSIBLE = "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"


def cpu_seconds(read: Callable[[], object]) -> float:
    runs = []
    for _ in range(5):
        started = time.process_time()
        with contextlib.suppress(IcsError):  # a hostile file is refused: that is the cost
            read()
        runs.append(time.process_time() - started)
    return statistics.median(runs)


def main() -> None:
    files = {
        "one ordinary session": calendar([event(1)]),
        "30 impossible daily rules": calendar([event(i, f"RRULE:{IMPOSSIBLE}") for i in range(30)]),
        "4,990 daily series": calendar([event(i, "RRULE:FREQ=DAILY") for i in range(4_990)]),
        "a file just under the size limit": near_the_limit([IMPOSSIBLE], 1_900),
    }
    base = cpu_seconds(lambda: read_ics(files["one ordinary session"], now=NOW))
    print(f"{'file':36} {'CPU s':>8} {'x ordinary':>11}")
    for name, data in files.items():
        spent = cpu_seconds(lambda data=data: read_ics(data, now=NOW))
        print(f"{name:36} {spent:8.3f} {spent / base:11.0f}")


if __name__ == "__main__":
    main()
