"""What a person types or answers never reaches the log file, whatever screens they use."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.logs import setup_logging
from tests.ui.helpers import press
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.checkin.hub import CheckInHubScreen
from ui.screens.checkin.steps import MoodStepScreen, NoteStepScreen, TagsStepScreen
from ui.screens.help_now.contacts import ContactsScreen

NOTE_MARKER = "Zebracake note 7731"
NAME_MARKER = "Quillfeather"
PHONE_MARKER = "555-0199-42"


def test_notes_answers_and_contacts_stay_out_of_the_log(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    log_file = setup_logging(tmp_path / "logs", level=logging.DEBUG)
    try:
        window.push(CheckInHubScreen(window.ctx))
        press(qtbot, window, "Check in now")
        mood = window.current()
        assert isinstance(mood, MoodStepScreen)
        press(qtbot, window, "Very bad")
        tags = window.current()
        assert isinstance(tags, TagsStepScreen)
        qtbot.mouseClick(tags.tags["worry"], Qt.MouseButton.LeftButton)
        press(qtbot, window, "Skip this question")
        note = window.current()
        assert isinstance(note, NoteStepScreen)
        qtbot.keyClicks(note.note_box, NOTE_MARKER)
        press(qtbot, window, "Finish")

        contacts = ContactsScreen(window.ctx)
        window.push(contacts)
        wait_for_runner(qtbot, window.ctx)
        name, phone, _relation = contacts.rows[0]
        qtbot.keyClicks(name, NAME_MARKER)
        qtbot.keyClicks(phone, PHONE_MARKER)
        press(qtbot, window, "Save")
        assert "Saved" in contacts.status.text()
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", "") == str(log_file):
                handler.flush()
                root.removeHandler(handler)
                handler.close()
    text = "".join(p.read_text(errors="replace") for p in log_file.parent.glob("*"))
    assert text.strip(), "the log should hold events (or this test proves nothing)"
    for marker in (NOTE_MARKER, NAME_MARKER, PHONE_MARKER, "very_bad", "worry"):
        assert marker not in text, f"{marker!r} reached the log"
