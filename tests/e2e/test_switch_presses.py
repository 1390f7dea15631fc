"""End to end: two switches at the real window (X key events, as a switch box sends them),
read back through AT-SPI: Home to Get help now takes two presses (the bar is five)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.real_window import HERE, run_with_real_window

pytestmark = pytest.mark.e2e


def test_home_to_get_help_now_by_two_switches(tmp_path: Path) -> None:
    out = tmp_path / "switch.json"
    result, log = run_with_real_window(
        tmp_path,
        {"first_run_done": True, "switch_mode": "two_switches"},
        f'cd "{HERE}" && /usr/bin/python3 switch_driver.py "{out}" next choose',
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}\napp log:\n{log}"
    shown = json.loads(out.read_text())["help_now_shown"]
    # Space moves from Home's choices to Get help now; Enter opens it: 2 presses (<= 5).
    assert shown == [False, True], f"{shown}\napp log:\n{log}"
