"""Start-up time and peak memory, as ratios to a bare PySide6 window with six buttons.

    .venv/bin/python benchmarks/startup.py [--runs 7]

Both programs run offscreen in this same run, alternately; medians are compared. Companion
starts as it does every day after the first: one data folder, set up by a first start before
the timed runs (the first start also builds the encrypted database; it is timed separately).
Companion reports two moments: "shown" (Home is on screen and answers) and "ready" (the
person's encrypted data and speech are open, in the background). Peak memory is taken at
"ready", so nothing loaded after Home hides from the number. Target: at most 1.5x.
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


def measure(command: list[str], data: str) -> tuple[float, float, float]:
    """Seconds until "shown" and until "ready" (the same for the bare window), and peak MB."""
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
    shown = ready = None
    for line in process.stdout:
        if line.strip() == "shown":
            shown = time.perf_counter() - start
        elif line.strip() == "ready":
            ready = time.perf_counter() - start
    _pid, status, usage = os.wait4(process.pid, 0)
    if shown is None or status != 0:
        raise SystemExit(f"{command} did not report being shown (status {status})")
    return shown, ready or shown, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
    app_cmd = [sys.executable, "-m", "companion"]
    with tempfile.TemporaryDirectory() as data:
        measure(bare_cmd, data)  # warm the file cache
        first = measure(app_cmd, data)  # the first start: creates "Me" and the database
        bare, app = [], []
        for _ in range(runs):
            bare.append(measure(bare_cmd, data))
            app.append(measure(app_cmd, data))
    print(f"Companion's very first start (creates the database): ready in {first[1] * 1000:.0f} ms")
    bare_time = statistics.median(t for t, _r, _m in bare)
    bare_mem = statistics.median(m for _t, _r, m in bare)
    shown = statistics.median(t for t, _r, _m in app)
    ready = statistics.median(r for _t, r, _m in app)
    app_mem = statistics.median(m for _t, _r, m in app)
    print(f"bare PySide6 window shown: {bare_time * 1000:.0f} ms, peak {bare_mem:.0f} MB")
    print(f"Companion Home shown:      {shown * 1000:.0f} ms")
    print(f"Companion ready (data, speech open): {ready * 1000:.0f} ms, peak {app_mem:.0f} MB")
    print(f"(medians of {runs} runs each, alternating, offscreen)")
    print(f"time to Home shown, ratio: {shown / bare_time:.2f}x (target <= {TARGET_RATIO}x)")
    print(f"time to ready, ratio:      {ready / bare_time:.2f}x")
    print(f"peak memory ratio:         {app_mem / bare_mem:.2f}x (target <= {TARGET_RATIO}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
