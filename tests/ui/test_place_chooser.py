"""The big-button place chooser: known places by name, file names and dates in words."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from companion.clock import FixedClock
from tests.ui.helpers import press
from ui.app import MainWindow
from ui.screens.sessions.import_screen import ImportReviewScreen
from ui.screens.sessions.sessions_screen import SessionsScreen
from ui.widgets.place_chooser import (
    OpenScreen,
    Place,
    PlaceChooser,
    SaveScreen,
    standard_places,
    usb_sticks,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ics"


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Place]:
    documents, stick = tmp_path / "Documents", tmp_path / "KINGSTON"
    documents.mkdir()
    stick.mkdir()
    known = [Place("My Documents", documents), Place("USB stick KINGSTON", stick)]
    monkeypatch.setattr(PlaceChooser, "places", classmethod(lambda cls: known))
    return known


def _named(window: MainWindow, name: str) -> QWidget:
    [widget] = [
        w
        for w in window.current().findChildren(QWidget)
        if w.accessibleName() == name and w.isVisible()
    ]
    return widget


def _clock(window: MainWindow) -> FixedClock:
    assert isinstance(window.ctx.clock, FixedClock)
    window.ctx.clock.current = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
    return window.ctx.clock


def test_saving_keeps_a_name_in_words_and_never_writes_over(
    qtbot: QtBot, window: MainWindow, places: list[Place]
) -> None:
    answers: list[Path | None] = []
    name = "Companion report, 1 December 2026.pdf"
    (places[1].folder / name).write_bytes(b"older")
    screen = SaveScreen(window.ctx, lambda: "Save the report", name, ".pdf", places)
    screen.answered.append(answers.append)
    window.push(screen)
    assert screen.name_box.text() == name
    names = [b.accessibleName() for b in screen.choices() if b is not screen.name_box]
    assert names == ["My Documents", "USB stick KINGSTON", "Another place..."]
    press(qtbot, window, "USB stick KINGSTON")
    assert answers == [places[1].folder / "Companion report, 1 December 2026 (2).pdf"]
    assert window.current() is not screen


def test_a_changed_name_gets_its_ending_back(qtbot: QtBot, window: MainWindow, places) -> None:  # type: ignore[no-untyped-def]
    answers: list[Path | None] = []
    screen = SaveScreen(window.ctx, lambda: "Save", "x.ics", ".ics", places)
    screen.answered.append(answers.append)
    window.push(screen)
    screen.name_box.clear()
    qtbot.keyClicks(screen.name_box, "Dr Lee on Tuesday")
    press(qtbot, window, "My Documents")
    assert answers == [places[0].folder / "Dr Lee on Tuesday.ics"]


def test_opening_lists_files_newest_first_with_dates_in_words(
    qtbot: QtBot, window: MainWindow, places: list[Place]
) -> None:
    _clock(window)
    older, newer = places[0].folder / "Clinic invitation.ics", places[1].folder / "Dr Lee.ics"
    for path, stamp in ((older, datetime(2026, 11, 18, 12)), (newer, datetime(2026, 11, 30, 12))):
        path.write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n", encoding="utf-8")
        os.utime(path, (stamp.timestamp(), stamp.timestamp()))
    (places[0].folder / "notes.txt").write_text("not a calendar", encoding="utf-8")
    answers: list[Path | None] = []
    screen = OpenScreen(window.ctx, lambda: "Open an invitation file", (".ics",), places)
    screen.answered.append(answers.append)
    window.push(screen)
    assert [b.accessibleName() for b in screen.file_buttons] == [
        "Dr Lee, saved Monday 30 November",
        "Clinic invitation, saved Wednesday 18 November",
    ]
    press(qtbot, window, "Clinic invitation, saved Wednesday 18 November")
    assert answers == [older]


def test_another_place_opens_the_stock_dialog_for_a_helper(
    qtbot: QtBot, window: MainWindow, places, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    elsewhere = tmp_path / "elsewhere.ics"
    asked: list[str] = []

    def stock(cls, parent, title, suffixes):  # type: ignore[no-untyped-def]
        asked.append(title)
        return elsewhere

    monkeypatch.setattr(PlaceChooser, "stock_open", classmethod(stock))
    answers: list[Path | None] = []
    screen = OpenScreen(window.ctx, lambda: "Open an invitation file", (".ics",), places)
    screen.answered.append(answers.append)
    window.push(screen)
    assert "No file was found" in screen.body_text()
    press(qtbot, window, "Another place...")
    assert asked == ["Open an invitation file"] and answers == [elsewhere]


def test_back_answers_nothing(qtbot: QtBot, window: MainWindow, places) -> None:  # type: ignore[no-untyped-def]
    answers: list[Path | None] = []
    screen = SaveScreen(window.ctx, lambda: "Save", "a.csv", ".csv", places)
    screen.answered.append(answers.append)
    window.push(screen)
    press(qtbot, window, "Back")
    assert answers == [None]


def test_importing_an_invitation_through_the_place_chooser(
    qtbot: QtBot, window: MainWindow, places: list[Place]
) -> None:
    """The whole way: Open an invitation, the chooser lists it, one press opens it."""
    _clock(window).current = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    window.ctx.parts.zone = ZoneInfo("America/Toronto")
    shutil.copy(FIXTURES / "zoom.ics", places[1].folder / "Zoom with Dr Lee.ics")
    sessions = SessionsScreen(window.ctx)
    window.push(sessions)

    seen: list[str] = []

    def press_the_file() -> None:  # runs while the chooser waits for the person
        chooser = window.current()
        if isinstance(chooser, OpenScreen):
            poll.stop()
            [button] = chooser.file_buttons
            seen.append(button.accessibleName())
            button.click()

    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(press_the_file)
    poll.start()
    press(qtbot, window, "Open an invitation file")
    qtbot.waitUntil(lambda: isinstance(window.current(), ImportReviewScreen), timeout=5000)
    assert seen and seen[0].startswith("Zoom with Dr Lee, saved ")
    assert not window.findChildren(QFileDialog)


def test_the_real_places_are_folders_that_exist(qtbot: QtBot) -> None:
    for place in [*standard_places(), *usb_sticks()]:
        assert place.folder.is_dir() and place.name
