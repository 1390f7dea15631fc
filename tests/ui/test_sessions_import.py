"""Opening an invitation file: read off the UI thread, shown in words, added once, errors said."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from companion.clock import FixedClock
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.sessions.common import ZONE_SERVICE, appointment_store
from ui.screens.sessions.import_screen import ImportReviewScreen
from ui.screens.sessions.sessions_screen import SessionsScreen

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ics"


def _open(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path | None) -> SessionsScreen:
    assert isinstance(window.ctx.clock, FixedClock)
    window.ctx.clock.current = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    window.ctx.services[ZONE_SERVICE] = ZoneInfo("America/Toronto")
    monkeypatch.setattr(SessionsScreen, "ask_for_file", classmethod(lambda cls, parent: path))
    screen = SessionsScreen(window.ctx)
    window.push(screen)
    return screen


def _click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Press, then wait for the screen to change (saves and reads run in the background)."""
    ctx = widget.window().ctx  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, ctx)


def test_a_zoom_invitation_is_shown_then_added(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _open(window, monkeypatch, FIXTURES / "zoom.ics")
    _click(qtbot, screen.import_button)
    qtbot.waitUntil(lambda: isinstance(window.current(), ImportReviewScreen), timeout=5000)
    review = window.current()
    assert isinstance(review, ImportReviewScreen)
    text = review.body_text()
    assert "This invitation has 1 session." in text
    assert "Next: Tuesday 17 March at 2:00\u00a0p.m. with Dr. Lee." in text
    assert "This link goes to Zoom." in text
    _click(qtbot, review.add_button)
    wait_for_runner(qtbot, window.ctx)
    assert window.current() is screen
    assert screen.next_label.text() == "Next: Tuesday 17 March at 2:00\u00a0p.m. with Dr. Lee"
    [saved] = appointment_store(window.ctx).all()
    assert saved.link == "https://us02web.zoom.us/j/85512345678?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ.1"


def test_opening_the_same_series_twice_does_not_double_it(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    screen = _open(window, monkeypatch, FIXTURES / "google_weekly.ics")
    for _round in range(2):
        _click(qtbot, screen.import_button)
        qtbot.waitUntil(lambda: isinstance(window.current(), ImportReviewScreen), timeout=5000)
        review = window.current()
        assert isinstance(review, ImportReviewScreen)
        assert "This invitation has 7 sessions." in review.body_text()
        _click(qtbot, review.add_button)
    assert len(appointment_store(window.ctx).all()) == 7


def test_a_broken_file_is_explained_in_one_sentence(
    qtbot, window: MainWindow, monkeypatch, tmp_path: Path, speech
) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "invite.ics"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    screen = _open(window, monkeypatch, junk)
    _click(qtbot, screen.import_button)
    sentence = "This file is not a calendar invitation Companion can read."
    qtbot.waitUntil(lambda: screen.problem_label.text() == sentence, timeout=5000)
    assert window.current() is screen
    assert sentence in speech.texts()


def test_cancelling_the_file_dialog_does_nothing(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _open(window, monkeypatch, None)
    _click(qtbot, screen.import_button)
    assert window.current() is screen and appointment_store(window.ctx).all() == []


def test_an_invitation_dropped_on_the_screen_is_read(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
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
