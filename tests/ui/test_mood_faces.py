"""Mood faces: large, clearly different from one another, each with its word, in one colour."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.checkin.hub import CheckInHubScreen
from ui.screens.checkin.steps import MoodStepScreen

WORDS = {
    "very_good": "Very good",
    "good": "Good",
    "okay": "Okay",
    "not_good": "Not good",
    "very_bad": "Very bad",
}


def _mood_screen(qtbot: QtBot, window: MainWindow) -> MoodStepScreen:
    hub = CheckInHubScreen(window.ctx)
    window.push(hub)
    qtbot.mouseClick(hub.checkin_button, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, window.ctx)
    screen = window.current()
    assert isinstance(screen, MoodStepScreen)
    return screen


def _ink(image: QImage) -> set[tuple[int, int]]:
    """The pixels of a face's eyes, brows and mouth (inside its outline, which all share)."""
    middle, inside = image.width() / 2, image.width() * 0.34
    return {
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if QColor(image.pixelColor(x, y)).alpha() > 128
        and (x - middle) ** 2 + (y - middle) ** 2 < inside**2
    }


@pytest.mark.parametrize("scale", [100, 200])
def test_faces_are_large_with_their_word_under_them(
    qtbot: QtBot, window: MainWindow, scale: int
) -> None:
    window.ctx.settings.set("text_scale", scale)
    screen = _mood_screen(qtbot, window)
    for mood, button in screen.faces.items():
        assert button.text() == WORDS[mood]  # the word, not only a picture
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon
        assert button.iconSize().height() * 3 >= button.height(), mood


def test_each_face_is_clearly_different_and_drawn_in_one_colour(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = _mood_screen(qtbot, window)
    ink = {}
    for mood, button in screen.faces.items():
        image = button.icon().pixmap(button.iconSize()).toImage()
        ink[mood] = _ink(image)
        colours = {
            QColor(image.pixelColor(x, y)).rgb()
            for x, y in list(ink[mood])[::7]
            if QColor(image.pixelColor(x, y)).alpha() == 255
        }
        assert len(colours) == 1, f"{mood} uses colour to mean something"
    for first, second in combinations(ink, 2):
        differ = len(ink[first] ^ ink[second]) / len(ink[first] | ink[second])
        assert differ > 0.4, f"{first} and {second} look alike ({differ:.0%} differ)"
