"""Start-up time (process start to Home shown) and peak memory, as ratios to a bare PySide6 window.

    .venv/bin/python benchmarks/startup.py [--runs 7]

Both programs run offscreen in this same run, alternately, with a fresh data folder each time;
the median of the runs is compared. Target: at most 1.5x time and 1.5x memory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 1.5


def measure(command: list[str]) -> tuple[float, float]:
    """Seconds until the program says it is shown, and its peak resident memory in MB."""
    with tempfile.TemporaryDirectory() as data:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "COMPANION_EXIT_AFTER_SHOWN": "1",
            "COMPANION_DATA_DIR": data,
        }
        start = time.perf_counter()
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert process.stdout is not None
        seconds = None
        for line in process.stdout:
            if line.strip() == "shown":
                seconds = time.perf_counter() - start
        _pid, status, usage = os.wait4(process.pid, 0)
        if seconds is None or status != 0:
            raise SystemExit(f"{command} did not report being shown (status {status})")
        return seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
    app_cmd = [sys.executable, "-m", "companion"]
    measure(bare_cmd), measure(app_cmd)  # warm the file cache for both
    bare, app = [], []
    for _ in range(runs):
        bare.append(measure(bare_cmd))
        app.append(measure(app_cmd))
    bare_time = statistics.median(t for t, _m in bare)
    bare_mem = statistics.median(m for _t, m in bare)
    app_time = statistics.median(t for t, _m in app)
    app_mem = statistics.median(m for _t, m in app)
    time_ratio, mem_ratio = app_time / bare_time, app_mem / bare_mem
    print(f"bare PySide6 window: {bare_time * 1000:.0f} ms, {bare_mem:.0f} MB (median of {runs})")
    print(f"Companion Home:      {app_time * 1000:.0f} ms, {app_mem:.0f} MB (median of {runs})")
    print(f"start-up time ratio: {time_ratio:.2f}x (target <= {TARGET_RATIO}x)")
    print(f"peak memory ratio:   {mem_ratio:.2f}x (target <= {TARGET_RATIO}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
