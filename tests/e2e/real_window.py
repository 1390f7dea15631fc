"""Starts the real Companion in a real X window (Xvfb) with the accessibility bus up, runs a
driver against it (with the system python, which has Debian's pyatspi), and stops both.

Shared by the end-to-end tests, the way ../shared/tools/look does it: the accessibility bus
must be up before the app starts, and the app needs QT_LINUX_ACCESSIBILITY_ALWAYS_ON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NEEDED = ("Xvfb", "dbus-run-session")


def free_display(first: int = 90) -> int:
    for number in range(first, first + 100):
        taken = Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists()
        if not taken:
            return number
    raise RuntimeError("no free X display")


def run_with_real_window(
    work: Path, settings: dict[str, Any], driver: str
) -> tuple[subprocess.CompletedProcess[str], str]:
    """Companion with `settings` in a fresh data folder under `work`; `driver` is a shell
    command run once the app has started. Returns the driver's result and the app's log."""
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    assert not missing, (
        f"install the test tools first (scripts/setup.sh --with-test-tools): {missing}"
    )
    data = work / "data"
    data.mkdir(exist_ok=True)
    (data / "settings.json").write_text(json.dumps(settings))
    display = free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        env = {
            **os.environ,
            "DISPLAY": f":{display}",
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
            "NO_AT_BRIDGE": "0",
            "COMPANION_DATA_DIR": str(data),
            "COMPANION_SPEECH_ENGINE": "none",
            "COMPANION_KEYRING": "none",
            "HOME": str(work),
            "XDG_RUNTIME_DIR": str(work),
        }
        script = f"""
set -u
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \\
    org.a11y.Bus.GetAddress >/dev/null 2>&1
/usr/bin/python3 -c "import pyatspi; pyatspi.Registry.getDesktop(0)" >/dev/null 2>&1
"{sys.executable}" -m companion > "{work}/app.log" 2>&1 &
app=$!
{driver}
rc=$?
kill $app 2>/dev/null; wait $app 2>/dev/null
exit $rc
"""
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{display}").exists():
                break
            subprocess.run(["sleep", "0.1"], check=False)  # Xvfb's socket, not app timing
        result = subprocess.run(
            ["dbus-run-session", "--", "bash", "-c", script],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            cwd=ROOT,
        )
        log_file = work / "app.log"
        log = log_file.read_text(errors="replace") if log_file.exists() else ""
        return result, log
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
