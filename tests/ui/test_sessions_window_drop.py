"""An invitation dropped anywhere on the window is imported; anything else is left alone.

The events are built as Qt builds them for a real drag and sent to the window's native QWindow,
which is where Qt delivers every drag first.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from companion.clock import FixedClock
from companion.profiles import open_people
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.screens.sessions.common import ZONE_SERVICE, appointment_store
from ui.screens.sessions.form_screens import TextStepScreen, start_form
from ui.screens.sessions.import_screen import ImportReviewScreen
from ui.screens.sessions.sessions_screen import SessionsScreen
from ui.screens.sessions.window_drop import WindowDrop, install_window_drop, invitation_in
from ui.start import lock

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ics"
TEAMS = FIXTURES / "teams_outlook.ics"


def _mime(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def _drag_and_drop(window: MainWindow, mime: QMimeData, at: QPoint) -> tuple[bool, bool]:
    """Enter, then drop, at `at` (window coordinates); returns whether each was accepted."""
    handle = window.windowHandle()
    assert handle is not None
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(handle, enter)
    drop = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(handle, drop)
    return enter.isAccepted(), drop.isAccepted()


def _prepare(window: MainWindow) -> WindowDrop:
    assert isinstance(window.ctx.clock, FixedClock)
    window.ctx.clock.current = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    window.ctx.services[ZONE_SERVICE] = ZoneInfo("America/Toronto")
    return install_window_drop(window)


def test_an_invitation_dropped_on_home_opens_my_sessions_and_is_read(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    _prepare(window)
    home = window.current()
    entered, dropped = _drag_and_drop(
        window, _mime(QUrl.fromLocalFile(str(TEAMS))), QPoint(640, 400)
    )
    assert entered and dropped
    qtbot.waitUntil(lambda: isinstance(window.current(), ImportReviewScreen), timeout=5000)
    review = window.current()
    assert isinstance(review, ImportReviewScreen)
    assert "with Dr. Sam Roy" in review.body_text()
    qtbot.mouseClick(review.add_button, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, window.ctx)
    sessions = window.current()
    assert isinstance(sessions, SessionsScreen)
    assert "Dr. Sam Roy" in sessions.next_label.text()
    window.back()
    assert window.current() is home
    assert len(appointment_store(window.ctx).all()) == 1


def test_a_drop_over_a_text_box_imports_instead_of_pasting_the_address(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    _prepare(window)
    start_form(window.ctx, None)
    step = window.current()
    assert isinstance(step, TextStepScreen) and isinstance(step.box, QLineEdit)
    step.box.setText("Dr. Lee")
    over_the_box = step.box.mapTo(window, step.box.rect().center())
    entered, dropped = _drag_and_drop(window, _mime(QUrl.fromLocalFile(str(TEAMS))), over_the_box)
    assert entered and dropped
    qtbot.waitUntil(lambda: isinstance(window.current(), ImportReviewScreen), timeout=5000)
    assert step.box.text() == "Dr. Lee"


def test_on_my_sessions_the_drop_uses_the_screen_already_showing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _prepare(window)
    sessions = SessionsScreen(window.ctx)
    window.push(sessions)
    _drag_and_drop(window, _mime(QUrl.fromLocalFile(str(TEAMS))), QPoint(100, 300))
    qtbot.waitUntil(lambda: isinstance(window.current(), ImportReviewScreen), timeout=5000)
    window.back()
    assert window.current() is sessions
    window.back()
    assert window.current().screen_id == "home"


def test_a_broken_file_is_explained_on_my_sessions(
    qtbot, window: MainWindow, tmp_path: Path, speech
) -> None:  # type: ignore[no-untyped-def]
    _prepare(window)
    junk = tmp_path / "Invitation.ICS"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    _entered, dropped = _drag_and_drop(window, _mime(QUrl.fromLocalFile(str(junk))), QPoint(9, 9))
    assert dropped
    sessions = window.current()
    assert isinstance(sessions, SessionsScreen)
    sentence = "This file is not a calendar invitation Companion can read."
    qtbot.waitUntil(lambda: sessions.problem_label.text() == sentence, timeout=5000)
    assert sentence in speech.texts()


def test_other_things_dragged_over_the_window_are_left_alone(
    window: MainWindow, tmp_path: Path
) -> None:
    _prepare(window)
    home = window.current()
    note = tmp_path / "notes.txt"
    note.write_text("hello", encoding="utf-8")
    others = [
        _mime(QUrl.fromLocalFile(str(note))),
        _mime(QUrl("https://example.com/invite.ics")),
        _mime(QUrl.fromLocalFile(str(TEAMS)), QUrl.fromLocalFile(str(FIXTURES / "zoom.ics"))),
    ]
    text = QMimeData()
    text.setText("file:///tmp/x.ics")
    others.append(text)
    for mime in others:
        entered, dropped = _drag_and_drop(window, mime, QPoint(640, 400))
        assert not entered and not dropped
    assert window.current() is home


def test_no_drop_is_taken_while_who_is_using_companion_shows(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _prepare(window)
    from tests.fast_argon2 import FAST

    window.ctx.services["people"] = open_people(
        tmp_path / "data", window.ctx.clock, keyring=None, argon2=FAST
    )
    lock(window.ctx)
    picker = window.current()
    assert picker.screen_id == "people"
    entered, dropped = _drag_and_drop(window, _mime(QUrl.fromLocalFile(str(TEAMS))), QPoint(9, 9))
    assert not entered and not dropped
    assert window.current() is picker


def test_installed_before_the_window_shows_it_still_takes_drops(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    ctx: AppContext = make_ctx()
    win = build_window(ctx)
    qtbot.addWidget(win)
    drop = install_window_drop(win)  # where the lead calls it: in MainWindow.__init__
    assert install_window_drop(win) is drop  # a second call adds no second filter
    win.show()
    qtbot.waitExposed(win)
    _prepare(win)
    entered, dropped = _drag_and_drop(win, _mime(QUrl.fromLocalFile(str(TEAMS))), QPoint(5, 5))
    assert entered and dropped
    qtbot.waitUntil(lambda: isinstance(win.current(), ImportReviewScreen), timeout=5000)


def test_only_one_local_ics_file_counts_as_an_invitation(tmp_path: Path) -> None:
    assert invitation_in(_mime(QUrl.fromLocalFile(str(tmp_path / "a.Ics")))) == tmp_path / "a.Ics"
    assert invitation_in(_mime(QUrl.fromLocalFile(str(tmp_path / "a.ics.exe")))) is None
    assert invitation_in(None) is None
