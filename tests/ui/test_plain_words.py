"""Words and pictures a person meets: plain names, no instrument codes, the right icons."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from companion.checkin.instruments import INSTRUMENT_IDS
from ui.app import MainWindow
from ui.screens.checkin.hub import CheckInHubScreen
from ui.screens.checkin.questionnaire import QuestionnairePickScreen
from ui.screens.people.unlock import PinPad
from ui.screens.settings.screen import SettingsScreen
from ui.screens.settings.speech import SpeechSettingsScreen
from ui.widgets.big_button import BigButton
from ui.widgets.layout_items import widget_at

CODES = re.compile(r"PHQ|GAD|WHO-5|clinician", re.IGNORECASE)


def _names(screen: QWidget) -> list[str]:
    return [b.accessibleName() for b in screen.findChildren(BigButton) if b.isVisible()]


def test_questionnaire_choices_say_what_they_are_about(qtbot: QtBot, window: MainWindow) -> None:
    screen = QuestionnairePickScreen(window.ctx, list(INSTRUMENT_IDS))
    window.push(screen)
    names = [b.accessibleName() for b in screen.buttons.values()]
    assert "Questions about low mood" in names and "Questions about worry" in names
    assert "Questions about well-being" in names
    assert not [n for n in names if CODES.search(n)]
    assert screen.buttons["phq9"].small.text() == "PHQ-9"  # the official name, in small print
    assert screen.buttons["phq9"].small.isVisible()
    assert all(b.icon_name != "check" for b in screen.buttons.values())  # not "already done"
    assert not CODES.search(screen.body_text())


def test_no_choice_is_named_for_a_clinician(qtbot: QtBot, window: MainWindow) -> None:
    hub = CheckInHubScreen(window.ctx)
    window.push(hub)
    assert "Report for my doctor or counsellor" in _names(hub)
    assert not [n for n in _names(hub) if CODES.search(n)]


def test_voice_buttons_show_a_speaker_not_a_microphone(qtbot: QtBot, window: MainWindow) -> None:
    settings = SettingsScreen(window.ctx)
    window.push(settings)
    [voice] = [b for b in settings.findChildren(BigButton) if b.accessibleName() == "Voice"]
    assert voice.icon_name == "read-aloud"
    speech = SpeechSettingsScreen(window.ctx)
    window.push(speech)
    for button in speech.findChildren(BigButton):
        if button.accessibleName() in ("Quieter", "Louder", "Talking buttons"):
            assert button.icon_name == "read-aloud", button.accessibleName()


def test_the_pin_pad_is_a_phone_keypad(qtbot: QtBot) -> None:
    pad = PinPad(lambda: "PIN")
    qtbot.addWidget(pad)
    grid = pad.key_grid
    rows = []
    for row in range(grid.rowCount()):
        keys = []
        for column in range(grid.columnCount()):
            key = widget_at(grid, row, column)
            keys.append(key.text() if isinstance(key, QAbstractButton) else "")
        rows.append(keys)
    assert rows[:3] == [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]]
    assert rows[3][1] == "0"  # under the 8, as on a phone
