"""Voice settings change speed and volume live, each with a sample, and set the two options."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.ui.helpers import press
from tests.ui.recording_speech import RecordingSpeech
from ui.app import MainWindow
from ui.screens.settings.screen import SettingsScreen
from ui.screens.settings.speech import SpeakingOptionsScreen, SpeechSettingsScreen


def open_voice(qtbot: QtBot, window: MainWindow) -> SpeechSettingsScreen:
    window.push(SettingsScreen(window.ctx))
    press(qtbot, window, "Voice")
    screen = window.current()
    assert isinstance(screen, SpeechSettingsScreen)
    return screen


def test_slower_and_louder_apply_at_once_and_play_a_sample(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    screen = open_voice(qtbot, window)
    rate, volume = window.ctx.settings.get("speech_rate"), window.ctx.settings.get("speech_volume")
    press(qtbot, window, "Slower")
    press(qtbot, window, "Louder")
    assert window.ctx.settings.get("speech_rate") == rate - 20
    assert window.ctx.settings.get("speech_volume") == min(100, volume + 10)
    assert speech.settings == (rate - 20, min(100, volume + 10), "en")  # the engine heard it
    assert speech.texts()[-1] == "Hello. This is how I sound now."
    assert str(rate - 20) in screen.state_label.text()


def test_speed_stops_at_its_limits(qtbot: QtBot, window: MainWindow) -> None:
    open_voice(qtbot, window)
    for _ in range(20):
        press(qtbot, window, "Faster")
    assert window.ctx.settings.get("speech_rate") == 260


def test_speaking_options_are_set_and_can_be_tried(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    open_voice(qtbot, window)
    press(qtbot, window, "When Companion speaks")
    options = window.current()
    assert isinstance(options, SpeakingOptionsScreen)
    press(qtbot, window, "Read each step when it opens")
    press(qtbot, window, "Talking buttons")
    assert window.ctx.settings.get("read_steps_aloud") is True
    assert window.ctx.settings.get("talking_buttons") is True
    press(qtbot, window, "Try reading a step")
    assert speech.texts()[-1].startswith("How are you feeling today?")


def test_talking_buttons_say_the_name_on_focus(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    window.ctx.settings.set("talking_buttons", True)
    window.activateWindow()
    window.top_bar.help_button.setFocus()
    qtbot.waitUntil(lambda: "Get help now" in speech.texts())
