"""Settings apply at once, without restart, and are kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from companion.config import SettingsStore
from tests.ui.helpers import press
from tests.ui.recording_speech import RecordingSpeech
from ui.app import MainWindow
from ui.screens.settings.options import ChoiceSettingScreen, ColoursScreen
from ui.screens.settings.screen import SettingsScreen


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsScreen:
    press(qtbot, window, "Settings")
    screen = window.current()
    assert isinstance(screen, SettingsScreen)
    return screen


def test_text_size_grows_live_and_is_kept(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_settings(qtbot, window)
    before = window.top_bar.home_button.sizeHint().height()
    press(qtbot, window, "Text size")
    sizes = window.current()
    assert isinstance(sizes, ChoiceSettingScreen)
    press(qtbot, window, "200 %")
    assert sizes.buttons[200].isChecked() and not sizes.buttons[100].isChecked()
    assert "Chosen" in sizes.buttons[200].accessibleDescription()
    assert "20pt" in QApplication.instance().styleSheet().replace(" ", "") or "36pt" in (
        QApplication.instance().styleSheet().replace(" ", "")
    )
    qtbot.waitUntil(lambda: window.top_bar.home_button.sizeHint().height() > before)
    assert SettingsStore(tmp_path / "settings.json").get("text_scale") == 200


def test_nothing_scrolls_sideways_at_200_percent(qtbot: QtBot, window: MainWindow) -> None:
    window.ctx.settings.set("text_scale", 200)
    window.resize(1280, 720)
    settings = open_settings(qtbot, window)
    qtbot.waitUntil(lambda: settings.body.width() > 0)
    assert settings.body.width() <= settings._scroll.viewport().width()
    for button in window.top_bar.buttons():
        shown = button.fontMetrics().boundingRect(button.rect(), 0, button.text())
        assert button.width() >= button.sizeHint().width(), (
            f"{button.accessibleName()} squeezed: {button.width()} < {button.sizeHint().width()}"
            f" in a window {window.width()} wide"
        )
        assert shown.width() > 0


def test_high_contrast_applies_live(qtbot: QtBot, window: MainWindow) -> None:
    open_settings(qtbot, window)
    press(qtbot, window, "Colours and movement")
    colours = window.current()
    assert isinstance(colours, ColoursScreen)
    press(qtbot, window, "High contrast")
    assert "#000000" in QApplication.instance().styleSheet()
    assert window.ctx.settings.get("theme") == "high_contrast"
    press(qtbot, window, "Less movement")
    assert window.ctx.settings.get("less_motion") is True


def test_language_switches_live_everywhere(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    open_settings(qtbot, window)
    press(qtbot, window, "Language")
    languages = window.current()
    assert isinstance(languages, ChoiceSettingScreen)
    press(qtbot, window, "Français")
    assert window.top_bar.home_button.accessibleName() == "Accueil"
    assert window.top_bar.help_button.accessibleName() == "Obtenir de l’aide maintenant"
    assert languages.title() == "Langue"
    assert speech.settings is not None and speech.settings[2] == "fr"
    window.back()
    assert window.current().title() == "Réglages"  # screens under the top one too
    window.home()
    assert window.current().title() == "Que voulez-vous faire?"
