"""Measure the installers: build time, sizes, and the installed program's start against the source.

    .venv/bin/python installers/measure.py [--runs 7] [--out out/measure]

Builds from a clean PyInstaller cache (the time a first build takes), unpacks the .deb into a
throw-away root as dpkg would install it, then starts the installed program and the source
install (`.venv/bin/companion`) alternately, offscreen, each with a fresh data folder, until
Home is shown. Prints the medians and their ratio as Markdown for installers/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def start_to_home(command: list[str]) -> tuple[float, float]:
    """Seconds from process start until it prints "shown", and its peak resident memory in MB."""
    with tempfile.TemporaryDirectory() as data:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "COMPANION_EXIT_AFTER_SHOWN": "1",
            "COMPANION_DATA_DIR": data,
        }
        started = time.perf_counter()
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert process.stdout is not None
        seconds = None
        for line in process.stdout:
            if line.strip() == "shown" and seconds is None:
                seconds = time.perf_counter() - started
        _pid, status, usage = os.wait4(process.pid, 0)
        if seconds is None or status != 0:
            raise SystemExit(f"{command[0]} did not show Home (status {status})")
        return seconds, usage.ru_maxrss / 1024


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "measure")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)

    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(HERE / "build.py"), "--out", str(out), "--clean"],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    build_s = time.perf_counter() - started
    bundle = out / "dist" / "companion"
    debs = sorted(out.glob("*.deb"))
    tars = sorted(out.glob("*.tar.gz"))

    if debs:
        root = out / "installed"
        subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(root)], check=True)
        installed = [str(root / "opt" / "companion" / "companion")]
    else:
        installed = [str(bundle / "companion")]
    source = [str(Path(sys.executable).parent / "companion")]

    start_to_home(installed), start_to_home(source)  # warm the file cache for both
    frozen_runs, source_runs = [], []
    for _ in range(args.runs):
        frozen_runs.append(start_to_home(installed))
        source_runs.append(start_to_home(source))
    frozen_s = statistics.median(t for t, _m in frozen_runs)
    source_s = statistics.median(t for t, _m in source_runs)
    frozen_mb = statistics.median(m for _t, m in frozen_runs)
    source_mb = statistics.median(m for _t, m in source_runs)

    print(f"Measured on {platform.platform()}, Python {platform.python_version()}, ")
    print(f"{os.cpu_count()} CPUs, median of {args.runs} warm starts, offscreen.\n")
    print("| What | Measured |")
    print("|---|---|")
    print(
        f"| Build time (clean cache: translations, icons, PyInstaller, .tar.gz, .deb) "
        f"| {build_s:.0f} s |"
    )
    print(f"| Bundle folder | {size_mb(bundle):.0f} MB |")
    for package in (*debs, *tars):
        print(f"| {package.name} | {size_mb(package):.0f} MB |")
    print(
        f"| Installed program, start to Home | {frozen_s * 1000:.0f} ms, {frozen_mb:.0f} MB peak |"
    )
    print(f"| Source install, start to Home | {source_s * 1000:.0f} ms, {source_mb:.0f} MB peak |")
    print(f"| Start-time ratio, installed / source | {frozen_s / source_s:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
