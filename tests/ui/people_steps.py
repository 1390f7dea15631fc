"""Steps through the people screens that several UI tests take: unlock the first person on the
picker with their PIN, open "Lock or switch person" from Settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.helpers import press, type_into
from ui.app import MainWindow
from ui.screens.people.picker import AccountScreen, PeopleScreen
from ui.screens.people.unlock import UnlockScreen
from ui.screens.settings.screen import MoreSettingsScreen


def unlock_mary(qtbot: QtBot, window: MainWindow, pin: str = "583920") -> None:
    picker = window.current()
    assert isinstance(picker, PeopleScreen)
    qtbot.mouseClick(next(iter(picker.person_tiles.values())), Qt.MouseButton.LeftButton)
    screen = window.current()
    assert isinstance(screen, UnlockScreen)
    type_into(qtbot, screen.pad.box, pin)
    qtbot.keyClick(screen.pad.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ctx.session is not None and not window.ctx.session.is_guest)


def open_account(qtbot: QtBot, window: MainWindow) -> AccountScreen:
    window.push(MoreSettingsScreen(window.ctx))
    press(qtbot, window, "Me and my data")
    press(qtbot, window, "Lock or switch person")
    screen = window.current()
    assert isinstance(screen, AccountScreen)
    return screen
