"""End to end: two switches at the real window (X key events, as a switch box sends them),
read back through AT-SPI: Home to Get help now takes two presses (the bar is five)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NEEDED = ("Xvfb", "dbus-run-session")


def _free_display() -> int:
    for number in range(140, 200):
        taken = Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists()
        if not taken:
            return number
    raise RuntimeError("no free X display")


def test_home_to_get_help_now_by_two_switches(tmp_path: Path) -> None:
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    assert not missing, f"install the test tools first: {missing}"
    display = _free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        data = tmp_path / "data"
        data.mkdir()
        settings = {"first_run_done": True, "switch_mode": "two_switches"}
        (data / "settings.json").write_text(json.dumps(settings))
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
            "HOME": str(tmp_path),
            "XDG_RUNTIME_DIR": str(tmp_path),
        }
        out = tmp_path / "switch.json"
        script = f"""
set -u
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \\
    org.a11y.Bus.GetAddress >/dev/null 2>&1
/usr/bin/python3 -c "import pyatspi; pyatspi.Registry.getDesktop(0)" >/dev/null 2>&1
"{sys.executable}" -m companion > "{tmp_path}/app.log" 2>&1 &
app=$!
cd "{HERE}" && /usr/bin/python3 switch_driver.py "{out}" next choose
rc=$?
kill $app 2>/dev/null; wait $app 2>/dev/null
exit $rc
"""
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{display}").exists():
                break
            subprocess.run(["sleep", "0.1"], check=False)
        result = subprocess.run(
            ["dbus-run-session", "--", "bash", "-c", script],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            cwd=ROOT,
        )
        log = (tmp_path / "app.log").read_text(errors="replace")
        assert result.returncode == 0, f"{result.stdout}\n{result.stderr}\napp log:\n{log}"
        shown = json.loads(out.read_text())["help_now_shown"]
        # Space moves from Home's choices to Get help now; Enter opens it: 2 presses (<= 5).
        assert shown == [False, True], f"{shown}\napp log:\n{log}"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
