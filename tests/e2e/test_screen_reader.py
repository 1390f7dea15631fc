"""End to end: the real app in a real X window, read through AT-SPI as Orca reads it."""

from __future__ import annotations

import json

import pytest

from tests.e2e.real_window import HERE, run_with_real_window

pytestmark = pytest.mark.e2e

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


@pytest.fixture(scope="module")
def screen_reader_view(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    work = tmp_path_factory.mktemp("e2e")
    out = work / "atspi.json"
    # A helper already did the guided first run on this PC: the person meets Home.
    result, log = run_with_real_window(
        work,
        {"first_run_done": True},
        f'/usr/bin/python3 "{HERE / "atspi_driver.py"}" "{out}" "Speech is not available"',
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}\napp log:\n{log}"
    view: dict[str, list[dict]] = json.loads(out.read_text())  # type: ignore[type-arg]
    return view


def controls(rows: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return [r for r in rows if r.get("role") in PRESSABLE and r.get("showing")]


@pytest.mark.parametrize("screen", ["home", "settings", "help_now", "mood_days"])
def test_every_control_has_a_name_and_is_at_least_64_px(screen_reader_view, screen: str) -> None:  # type: ignore[no-untyped-def]
    shown = controls(screen_reader_view[screen])
    assert len(shown) >= 5, f"{screen}: only {len(shown)} controls seen"
    for row in shown:
        assert row["name"].strip(), f"{screen}: a {row['role']} has no name"
        assert row["w"] >= 64 and row["h"] >= 64, (
            f"{screen}: {row['name']!r} is {row['w']}x{row['h']}"
        )


@pytest.mark.parametrize("screen", ["home", "settings", "help_now", "mood_days"])
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


def test_the_days_table_says_none_yet_and_leads_back(screen_reader_view) -> None:  # type: ignore[no-untyped-def]
    """Reached by name from Home, as Orca's user would: no check-ins yet on this PC, so one
    sentence says so and no empty table is there to land on."""
    rows = screen_reader_view["mood_days"]
    labels = [r["name"] for r in rows if r["role"] == "label" and r["showing"]]
    assert "My mood day by day" in labels
    assert any(name.startswith("No check-ins in these weeks yet.") for name in labels)
    assert "Back to the chart" in [r["name"] for r in controls(rows)]
    assert not [r for r in rows if r["role"] == "table" and r["showing"]]
