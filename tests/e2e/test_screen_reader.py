"""End to end: the real app in a real X window, read through AT-SPI as Orca reads it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PRESSABLE = {
    "push button",
    "toggle button",
    "radio button",
    "check box",
    "combo box",
    "slider",
    "spin button",
    "text",
    "entry",
    "password text",
    "menu item",
    "link",
    "page tab",
}
NEEDED = ("Xvfb", "dbus-run-session")


def free_display() -> int:
    for number in range(90, 140):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display")


@pytest.fixture(scope="module")
def screen_reader_view(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[dict]]]:  # type: ignore[type-arg]
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    assert not missing, (
        f"install the test tools first (scripts/setup.sh --with-test-tools): {missing}"
    )
    work = tmp_path_factory.mktemp("e2e")
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
            "COMPANION_DATA_DIR": str(work / "data"),
            "COMPANION_SPEECH_ENGINE": "none",
            "COMPANION_KEYRING": "none",
            "HOME": str(work),
            "XDG_RUNTIME_DIR": str(work),
        }
        out = work / "atspi.json"
        # A helper already did the guided first run on this PC: the person meets Home.
        (work / "data").mkdir()
        (work / "data" / "settings.json").write_text('{"first_run_done": true}')
        script = f"""
set -u
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \\
    org.a11y.Bus.GetAddress >/dev/null 2>&1
/usr/bin/python3 -c "import pyatspi; pyatspi.Registry.getDesktop(0)" >/dev/null 2>&1
"{sys.executable}" -m companion > "{work}/app.log" 2>&1 &
app=$!
/usr/bin/python3 "{HERE / "atspi_driver.py"}" "{out}" "Speech is not available"
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
        log = (work / "app.log").read_text(errors="replace") if (work / "app.log").exists() else ""
        assert result.returncode == 0, f"{result.stdout}\n{result.stderr}\napp log:\n{log}"
        yield json.loads(out.read_text())
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def controls(rows: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return [r for r in rows if r.get("role") in PRESSABLE and r.get("showing")]


@pytest.mark.parametrize("screen", ["home", "settings", "help_now"])
def test_every_control_has_a_name_and_is_at_least_64_px(screen_reader_view, screen: str) -> None:  # type: ignore[no-untyped-def]
    shown = controls(screen_reader_view[screen])
    assert len(shown) >= 5, f"{screen}: only {len(shown)} controls seen"
    for row in shown:
        assert row["name"].strip(), f"{screen}: a {row['role']} has no name"
        assert row["w"] >= 64 and row["h"] >= 64, (
            f"{screen}: {row['name']!r} is {row['w']}x{row['h']}"
        )


@pytest.mark.parametrize("screen", ["home", "settings", "help_now"])
def test_top_bar_is_the_same_on_every_screen(screen_reader_view, screen: str) -> None:  # type: ignore[no-untyped-def]
    def bar(rows: list[dict]) -> list[tuple[str, int, int]]:  # type: ignore[type-arg]
        names = ("Home", "Back", "Read this to me", "Get help now")
        return [(r["name"], r["x"], r["y"]) for r in controls(rows) if r["name"] in names]

    assert [n for n, _x, _y in bar(screen_reader_view[screen])] == [
        "Home",
        "Back",
        "Read this to me",
        "Get help now",
    ]
    assert bar(screen_reader_view[screen]) == bar(screen_reader_view["home"])


def test_help_now_is_read_with_its_lines_and_says_nobody_will_call(screen_reader_view) -> None:  # type: ignore[no-untyped-def]
    words = " ".join(r["name"] + " " + r["description"] for r in screen_reader_view["help_now"])
    assert "9-8-8" in words and "911" in words
    assert "does not call anyone" in words
    labels = [r["name"] for r in screen_reader_view["help_now"] if r["role"] == "label"]
    assert "Get help now" in labels


def test_speech_problem_is_said_once_in_words_on_home(screen_reader_view) -> None:  # type: ignore[no-untyped-def]
    words = " ".join(r["name"] for r in screen_reader_view["home"])
    assert "Speech is not available on this computer" in words
