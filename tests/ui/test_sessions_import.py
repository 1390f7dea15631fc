"""Opening an invitation file: read off the UI thread, shown in words, added once, errors said."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.clock import FixedClock
from tests.ics_files import calendar, event
from tests.ui.helpers import names, press
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.sessions.import_screen import ImportReviewScreen
from ui.screens.sessions.sessions_screen import SessionsScreen
from ui.shared.appointments import appointment_store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ics"


def _open(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path | None) -> SessionsScreen:
    assert isinstance(window.ctx.clock, FixedClock)
    window.ctx.clock.current = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    window.ctx.parts.zone = ZoneInfo("America/Toronto")
    monkeypatch.setattr(SessionsScreen, "ask_for_file", classmethod(lambda cls, parent: path))
    screen = SessionsScreen(window.ctx)
    window.push(screen)
    return screen


def _click(qtbot: QtBot, widget: QWidget) -> None:
    """Press, then wait for the screen to change (saves and reads run in the background)."""
    ctx = widget.window().ctx  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, ctx)


def test_a_zoom_invitation_is_shown_then_added(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _open(window, monkeypatch, FIXTURES / "zoom.ics")
    press(qtbot, window, "Open an invitation file")
    qtbot.waitUntil(lambda: isinstance(window.current(), ImportReviewScreen), timeout=5000)
    review = window.current()
    assert isinstance(review, ImportReviewScreen)
    assert review.title() == "Add this session?"
    text = review.body_text()
    assert "Next: Tuesday 17 March at 2:00\u00a0p.m. with Dr. Lee." in text
    assert "This link goes to Zoom." in text
    press(qtbot, window, "Add to my sessions")
    assert window.current() is screen
    assert screen.next_label.text() == "Next: Tuesday 17 March at 2:00\u00a0p.m. with Dr. Lee"
    [saved] = appointment_store(window.ctx).all()
    assert saved.link == "https://us02web.zoom.us/j/85512345678?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ.1"


def test_a_refused_link_is_named_on_the_add_choice_and_left_out(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The warning says why; Add says what it does (at 200% text the sentence that said it
    pushed Add and Do not add below the edge)."""
    path = tmp_path / "odd.ics"
    path.write_bytes(calendar([event(1, "URL:https://example.org/join/123")]))
    _open(window, monkeypatch, path)
    press(qtbot, window, "Open an invitation file")
    qtbot.waitUntil(lambda: isinstance(window.current(), ImportReviewScreen), timeout=5000)
    review = window.current()
    assert isinstance(review, ImportReviewScreen)
    assert review.verdict is not None and not review.verdict.ok
    assert review.verdict.reason in review.body_text()
    assert names(window) == ["Add without this link", "Do not add"]
    press(qtbot, window, "Add without this link")
    [saved] = appointment_store(window.ctx).all()
    assert saved.link is None


def test_opening_the_same_series_twice_does_not_double_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open(window, monkeypatch, FIXTURES / "google_weekly.ics")
    for _round in range(2):
        press(qtbot, window, "Open an invitation file")
        qtbot.waitUntil(lambda: isinstance(window.current(), ImportReviewScreen), timeout=5000)
        review = window.current()
        assert isinstance(review, ImportReviewScreen)
        assert review.title() == "Add these 7 sessions?"
        press(qtbot, window, "Add to my sessions")
    assert len(appointment_store(window.ctx).all()) == 7


def test_a_broken_file_is_explained_in_one_sentence(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    speech: RecordingSpeech,
) -> None:
    junk = tmp_path / "invite.ics"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    screen = _open(window, monkeypatch, junk)
    press(qtbot, window, "Open an invitation file")
    sentence = "This file is not a calendar invitation Companion can read."
    qtbot.waitUntil(lambda: screen.problem_label.text() == sentence, timeout=5000)
    assert window.current() is screen
    assert sentence in speech.texts()


def test_cancelling_the_file_dialog_does_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _open(window, monkeypatch, None)
    press(qtbot, window, "Open an invitation file")
    assert window.current() is screen and appointment_store(window.ctx).all() == []


def test_an_invitation_dropped_on_the_screen_is_read(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = _open(window, monkeypatch, None)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURES / "teams_outlook.ics"))])
    drop = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    screen.dropEvent(drop)
    qtbot.waitUntil(lambda: isinstance(window.current(), ImportReviewScreen), timeout=5000)
    assert "with Dr. Sam Roy" in window.current().body_text()
