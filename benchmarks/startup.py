"""Start-up time and peak memory, as ratios to a bare PySide6 window with six buttons.

    .venv/bin/python benchmarks/startup.py [--runs 7]

Both programs run offscreen in this same run, alternately; medians are compared. Companion
starts as it does every day after the first: one data folder, set up by a first start before
the timed runs (the first start also builds the encrypted database; it is timed separately).
Companion reports two moments: "shown" (Home is on screen and answers) and "ready" (the
person's encrypted data and speech are open, in the background). Peak memory is taken at
"ready", so nothing loaded after Home hides from the number. Targets: Home shown at most 1.5x
the bare window's time, peak memory at most 2.0x. Each program also reports the CPU time it
had used when shown: on a machine other work keeps busy, that ratio moves far less.
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
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
TARGET_TIME_RATIO = 1.5
TARGET_MEMORY_RATIO = 2.0


class Start(NamedTuple):
    shown: float  # seconds from launch until Home (or the bare window) is shown
    ready: float  # seconds until the data and speech are open (the bare window: = shown)
    cpu: float  # CPU seconds used by the program when it was shown
    peak_mb: float


def measure(command: list[str], data: str) -> Start:
    """One start: seconds until "shown" and until "ready" (the same for the bare window), the
    CPU seconds the program had used when it was shown, and its peak MB."""
    env = {
        # An everyday start finds its compiled bytecode (the first start writes it), so a
        # shell's PYTHONDONTWRITEBYTECODE must not make every run compile Companion again.
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": "offscreen",
        "COMPANION_EXIT_AFTER_SHOWN": "cpu",  # "shown" with the CPU seconds used so far
        "COMPANION_DATA_DIR": data,
    }
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    shown = ready = None
    cpu = 0.0
    for line in process.stdout:
        words = line.split()
        if words[:1] == ["shown"]:
            shown = time.perf_counter() - start
            cpu = float(words[1]) if len(words) > 1 else 0.0
        elif words[:1] == ["ready"]:
            ready = time.perf_counter() - start
    _pid, status, usage = os.wait4(process.pid, 0)
    if shown is None or status != 0:
        raise SystemExit(f"{command} did not report being shown (status {status})")
    return Start(shown, ready or shown, cpu, usage.ru_maxrss / 1024)


def median(starts: list[Start], field: str) -> float:
    return statistics.median(getattr(start, field) for start in starts)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
    app_cmd = [sys.executable, "-m", "companion"]
    with tempfile.TemporaryDirectory() as data:
        measure(bare_cmd, data)  # warm the file cache
        first = measure(app_cmd, data)  # the first start: creates "Me" and the database
        bare: list[Start] = []
        app: list[Start] = []
        for _ in range(runs):
            bare.append(measure(bare_cmd, data))
            app.append(measure(app_cmd, data))
    print(f"Companion's very first start (creates the database): ready in {first.ready:.2f} s")
    bare_time, bare_cpu, bare_mem = (median(bare, f) for f in ("shown", "cpu", "peak_mb"))
    shown, ready, cpu, app_mem = (median(app, f) for f in ("shown", "ready", "cpu", "peak_mb"))
    print(
        f"bare PySide6 window shown: {bare_time * 1000:.0f} ms "
        f"({bare_cpu * 1000:.0f} ms of CPU), peak {bare_mem:.0f} MB"
    )
    print(f"Companion Home shown:      {shown * 1000:.0f} ms ({cpu * 1000:.0f} ms of CPU)")
    print(f"Companion ready (data, speech open): {ready * 1000:.0f} ms, peak {app_mem:.0f} MB")
    print(f"(medians of {runs} runs each, alternating, offscreen)")
    print(f"time to Home shown, ratio: {shown / bare_time:.2f}x (target <= {TARGET_TIME_RATIO}x)")
    print(f"CPU to Home shown, ratio:  {cpu / bare_cpu:.2f}x (steadier on a busy machine)")
    print(f"time to ready, ratio:      {ready / bare_time:.2f}x")
    memory = app_mem / bare_mem
    print(f"peak memory ratio:         {memory:.2f}x (target <= {TARGET_MEMORY_RATIO}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
