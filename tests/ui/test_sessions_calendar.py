"""One session's choices: save it as a calendar file (read back the same), change it, delete it."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.appointments.ics import read_ics
from companion.appointments.links import check_link
from companion.appointments.model import Appointment
from companion.clock import FixedClock
from tests.ui.helpers import press
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.sessions.form_screens import StepScreen
from ui.screens.sessions.session_actions import DeleteSessionScreen, SessionChoicesScreen
from ui.screens.sessions.sessions_screen import SessionsScreen
from ui.shared.appointments import appointment_store

TORONTO = ZoneInfo("America/Toronto")
PASSCODE = "aBcDeFgHiJk.1"
ZOOM = f"https://us02web.zoom.us/j/85512345678?pwd={PASSCODE}#success"
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
START = datetime(2026, 3, 17, 14, 0, tzinfo=TORONTO)


def _click(qtbot: QtBot, widget: QWidget) -> None:
    """Press, then wait for the screen to change (saves and reads run in the background)."""
    ctx = widget.window().ctx  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, ctx)


def _session(window: MainWindow, link: str | None = ZOOM) -> Appointment:
    clock = window.ctx.clock
    assert isinstance(clock, FixedClock)
    clock.current = NOW
    window.ctx.parts.zone = TORONTO
    return appointment_store(window.ctx).save(
        Appointment(
            id=None,
            title="Therapy with Dr. Lee",
            with_whom="Dr. Lee",
            start=START,
            duration_minutes=50,
            link=link,
            phone="+1 613 555 0100",
            notes="Have your glasses and your pill list.",
            recurrence=None,
            uid=None,
        )
    )


def _choices(qtbot: QtBot, window: MainWindow) -> tuple[SessionsScreen, SessionChoicesScreen]:
    screen = SessionsScreen(window.ctx)
    window.push(screen)
    wait_for_runner(qtbot, window.ctx)  # the sessions are read on the runner
    press(qtbot, window, "Change or save this session")
    choices = window.current()
    assert isinstance(choices, SessionChoicesScreen)
    return screen, choices


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[Path]:
    """The save dialog answers `path`; returns the names it was offered."""
    offered: list[Path] = []

    def answer(cls: type, parent: QWidget, suggested: Path) -> Path | None:
        offered.append(suggested)
        return path

    monkeypatch.setattr(SessionChoicesScreen, "ask_where_to_save", classmethod(answer))
    return offered


def test_a_saved_calendar_file_reads_back_as_the_same_session(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    speech: RecordingSpeech,
    caplog: pytest.LogCaptureFixture,
) -> None:
    saved = _session(window)
    _screen, choices = _choices(qtbot, window)
    assert [b.text() for b in choices.choices()] == [
        "Change it",
        "Save to my calendar",
        "Delete it",
    ]
    offered = _save_to(monkeypatch, tmp_path / "Documents" / "my therapy")
    caplog.set_level(logging.DEBUG)
    press(qtbot, window, "Save to my calendar")

    assert offered[0].name == "Session, 17 March 2026.ics"
    written = tmp_path / "Documents" / "my therapy.ics"
    [back] = read_ics(written.read_bytes(), now=NOW)
    assert back.title == saved.title
    assert back.start == saved.start
    assert back.duration_minutes == 50
    assert back.link == check_link(ZOOM).url  # the checked link: no "#success" fragment
    assert back.link is not None and "#" not in back.link and PASSCODE in back.link
    sentence = choices.outcome_label.text()
    assert sentence.startswith("Saved. The file my therapy.ics is in your folder Documents.")
    assert choices.outcome_label.isVisible() and sentence in speech.texts()
    assert "Saved a session as a calendar file" in caplog.text
    assert PASSCODE not in caplog.text and "pwd" not in caplog.text
    assert window.current() is choices


def test_a_refused_link_is_left_out_of_the_file_and_said(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _session(window, link="https://zoom-meetings.help/j/123")
    _screen, choices = _choices(qtbot, window)
    _save_to(monkeypatch, tmp_path / "s.ics")
    press(qtbot, window, "Save to my calendar")
    [back] = read_ics((tmp_path / "s.ics").read_bytes(), now=NOW)
    assert back.link is None
    assert "zoom-meetings.help" in choices.outcome_label.text()
    assert choices.outcome_label.text().endswith("The file has no link.")


def test_a_folder_that_cannot_be_written_gives_one_sentence_and_loses_nothing(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    speech: RecordingSpeech,
) -> None:
    saved = _session(window)
    _screen, choices = _choices(qtbot, window)
    not_a_folder = tmp_path / "full"
    not_a_folder.write_bytes(b"keep me")
    _save_to(monkeypatch, not_a_folder / "session.ics")
    press(qtbot, window, "Save to my calendar")
    sentence = (
        "Companion could not save the file in that folder. "
        "Try again and choose another folder, like Documents."
    )
    assert choices.outcome_label.text() == sentence and sentence in speech.texts()
    assert not_a_folder.read_bytes() == b"keep me"
    assert appointment_store(window.ctx).all() == [saved]
    assert window.current() is choices
    _save_to(monkeypatch, tmp_path / "session.ics")  # trying again somewhere else works
    press(qtbot, window, "Save to my calendar")
    assert read_ics((tmp_path / "session.ics").read_bytes(), now=NOW)[0].title == saved.title


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_keeps_the_file_already_there(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _session(window)
    _screen, choices = _choices(qtbot, window)
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "session.ics").write_bytes(b"an older calendar file")
    folder.chmod(0o500)
    try:
        _save_to(monkeypatch, folder / "session.ics")
        _click(qtbot, choices.save_button)
        assert (folder / "session.ics").read_bytes() == b"an older calendar file"
        assert sorted(p.name for p in folder.iterdir()) == ["session.ics"]
    finally:
        folder.chmod(0o700)
    assert choices.outcome_label.text().startswith("Companion could not save the file")


def test_cancelling_the_save_dialog_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    speech: RecordingSpeech,
) -> None:
    saved = _session(window)
    _screen, choices = _choices(qtbot, window)
    _save_to(monkeypatch, None)
    before, said = list(tmp_path.rglob("*")), speech.texts()
    press(qtbot, window, "Save to my calendar")
    assert list(tmp_path.rglob("*")) == before
    assert not choices.outcome_label.isVisible() and choices.outcome_label.text() == ""
    assert speech.texts() == said
    assert appointment_store(window.ctx).all() == [saved]
    assert window.current() is choices


def test_delete_asks_first_and_no_keeps_the_session(qtbot: QtBot, window: MainWindow) -> None:
    saved = _session(window)
    screen, choices = _choices(qtbot, window)
    press(qtbot, window, "Delete it")
    question = window.current()
    assert isinstance(question, DeleteSessionScreen)
    press(qtbot, window, "No, keep it")
    assert window.current() is choices and appointment_store(window.ctx).all() == [saved]
    press(qtbot, window, "Delete it")
    question = window.current()
    assert isinstance(question, DeleteSessionScreen)
    press(qtbot, window, "Yes, delete it")
    assert window.current() is screen and appointment_store(window.ctx).all() == []
    assert screen.next_label.text() == "You have no video sessions planned."
    assert not screen.edit_button.isVisible()


def test_change_it_opens_the_form_in_place_of_the_choices(qtbot: QtBot, window: MainWindow) -> None:
    _session(window)
    screen, _choices_shown = _choices(qtbot, window)
    press(qtbot, window, "Change it")
    step = window.current()
    assert isinstance(step, StepScreen)
    assert step.driver.form.editing is not None
    assert step.driver.form.editing.title == "Therapy with Dr. Lee"
    window.back()
    assert window.current() is screen
