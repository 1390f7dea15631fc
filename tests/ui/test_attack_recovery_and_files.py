"""Attacks on what leaves the locked database through the window (issue #13, items 3 and 8).

The recovery code never reaches the helper's printed or saved page; it is shown to the person
alone and printed on its own page in large letters. Saved pages are owner-only; a guest's save
goes where it is wiped (or the guest is told it stays); a copied note leaves the clipboard on lock.
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from companion.appointments.model import Appointment
from companion.clock import FixedClock
from companion.community.shared_pc import GUEST_FILES_FOLDER
from companion.i18n import set_language
from companion.people.profiles import open_people
from tests.fast_argon2 import FAST
from tests.ui.launcher import open_new_pc
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.sessions.session_actions import SessionChoicesScreen
from ui.screens.setup import start_first_run
from ui.screens.setup.recovery_code import RecoveryCodeScreen
from ui.screens.setup.summary import SummaryScreen
from ui.shared.appointments import appointment_store
from ui.start import lock


@pytest.fixture
def first_run(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> Iterator[MainWindow]:
    ctx = make_ctx()
    window = open_new_pc(qtbot, ctx, tmp_path / "data")
    start_first_run(window)
    wait_for_runner(qtbot, ctx)  # where an earlier first run stopped is read first
    yield window
    set_language("en")
    if ctx.session is not None:
        ctx.session.close()


def _button(window: MainWindow, words: str) -> QWidget:
    [button] = [c for c in window.current().choices() if c.accessibleName() == words]
    return button


def _click(qtbot: QtBot, window: MainWindow, words: str) -> None:
    button = _button(window, words)
    assert button.isVisible() and button.isEnabled(), words
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, window.ctx)


def _set_up_with_a_recovery_code(qtbot: QtBot, window: MainWindow) -> str:
    for _ in range(4):
        _click(qtbot, window, "Do this later")
    qtbot.keyClicks(window.current().findChild(QLineEdit), "Sam")
    _click(qtbot, window, "Next")
    _click(qtbot, window, "A PIN of 6 numbers or more")
    boxes = window.current().findChildren(QLineEdit)
    qtbot.keyClicks(boxes[0], "583920")
    qtbot.keyClicks(boxes[1], "583920")
    _click(qtbot, window, "Make a recovery code")
    code = window.current().recovery_code
    assert code
    _click(qtbot, window, "Next")
    _click(qtbot, window, "Do this later")
    _click(qtbot, window, "Do this later")
    qtbot.waitUntil(lambda: isinstance(window.current(), RecoveryCodeScreen), timeout=10000)
    return str(code)


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _print_to(path: Path) -> Callable[..., bool]:
    def fake_dialog(cls, printer, parent) -> bool:  # type: ignore[no-untyped-def]
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    return fake_dialog


def test_the_helpers_page_never_holds_the_recovery_code(
    qtbot: QtBot, first_run: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = first_run
    code = _set_up_with_a_recovery_code(qtbot, window)
    screen = window.current()
    assert code not in screen.body_text()  # not until the person asks, helper looking away
    assert "look away" in screen.body_text()
    assert not _button(window, "Print my recovery code").isEnabled()
    _click(qtbot, window, "I have kept it safe")
    summary = window.current()
    assert isinstance(summary, SummaryScreen)
    monkeypatch.setattr(SummaryScreen, "ask_to_print", classmethod(_print_to(tmp_path / "p.pdf")))
    saved = tmp_path / "companion-setup.pdf"  # wherever the person chose, under any name
    monkeypatch.setattr(SummaryScreen, "ask_pdf_path", classmethod(lambda cls, parent, name: saved))
    assert "not locked" in summary.body_text()  # said before anything is saved
    _click(qtbot, window, "Print this page")
    _click(qtbot, window, "Save as PDF")
    shown = summary.body_text() + " ".join(label.text() for label in summary.line_labels)
    assert code not in shown
    compact = code.replace("-", "")
    for pdf in (tmp_path / "p.pdf", saved):
        text = _pdf_text(pdf)
        assert "Sam" in text and code not in text and compact not in text.replace("-", "")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600


def test_the_person_prints_the_code_alone_in_large_letters(
    qtbot: QtBot, first_run: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = first_run
    code = _set_up_with_a_recovery_code(qtbot, window)
    _click(qtbot, window, "Show my recovery code")
    screen = window.current()
    assert code in screen.body_text() and "opens your notes" in screen.body_text()
    pdf = tmp_path / "code.pdf"
    monkeypatch.setattr(RecoveryCodeScreen, "ask_to_print", classmethod(_print_to(pdf)))
    _click(qtbot, window, "Print my recovery code")
    assert screen.status.text() == "Sent to the printer."
    text = _pdf_text(pdf)
    assert code in text and "Keep this somewhere safe. It opens your notes." in " ".join(
        text.split()
    )
    assert "Sam" not in text  # nothing else of theirs on that page
    # The code's letters are large: at least 30 pt tall on the page.
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    line = next(row for row in boxes.splitlines() if code in row)
    y_min = float(line.split('yMin="')[1].split('"')[0])
    y_max = float(line.split('yMax="')[1].split('"')[0])
    assert y_max - y_min >= 30, line
    png = tmp_path / "code"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-singlefile", str(pdf), str(png)], check=True)
    assert png.with_suffix(".png").stat().st_size > 1000
    _click(qtbot, window, "I have kept it safe")
    assert isinstance(window.current(), SummaryScreen)
    window.back()  # Back never returns to the code
    assert not isinstance(window.current(), RecoveryCodeScreen)


def _guest_session(window: MainWindow) -> Appointment:
    clock = window.ctx.clock
    assert isinstance(clock, FixedClock)
    clock.current = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
    zone = ZoneInfo("America/Toronto")
    window.ctx.parts.zone = zone
    start = datetime(2026, 3, 17, 14, tzinfo=zone)
    return appointment_store(window.ctx).save(
        Appointment(None, "Dr. Lee", "Dr. Lee", start, 50, None, "555 0100", "", None, None)
    )


def test_a_guests_saved_file_goes_where_it_is_wiped(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.ctx.session is not None and window.ctx.session.is_guest
    screen = SessionChoicesScreen(window.ctx, _guest_session(window))
    window.push(screen)
    offered: list[Path] = []

    def answer(cls: type, parent: QWidget, suggested: Path) -> Path:
        offered.append(suggested)
        return suggested

    monkeypatch.setattr(SessionChoicesScreen, "ask_where_to_save", classmethod(answer))
    _click(qtbot, window, "Save to my calendar")
    [suggested] = offered
    assert suggested.parent == window.ctx.data_dir / GUEST_FILES_FOLDER
    assert suggested.exists() and stat.S_IMODE(suggested.stat().st_mode) == 0o600
    assert "removed when you leave" in screen.outcome_label.text()


def test_a_guest_who_saves_elsewhere_is_told_it_stays(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    screen = SessionChoicesScreen(window.ctx, _guest_session(window))
    window.push(screen)
    elsewhere = tmp_path / "Documents" / "mine.ics"
    monkeypatch.setattr(
        SessionChoicesScreen, "ask_where_to_save", classmethod(lambda cls, p, s: elsewhere)
    )
    _click(qtbot, window, "Save to my calendar")
    assert elsewhere.exists()
    assert "stays on this computer after you leave" in screen.outcome_label.text()


def test_a_copied_note_leaves_the_clipboard_on_lock(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.ctx.parts.people = open_people(tmp_path / "data", window.ctx.clock, None, FAST)
    note = QLineEdit()
    qtbot.addWidget(note)
    note.setText("Dr. Lee said my dose goes up")
    note.selectAll()
    note.copy()
    clipboard = QApplication.clipboard()
    assert clipboard.text() == "Dr. Lee said my dose goes up"
    lock(window.ctx)
    assert clipboard.text() == ""
    assert os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen"
