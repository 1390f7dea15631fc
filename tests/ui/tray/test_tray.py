"""Companion with its window closed: the tray menu, closing to the tray (on a shared PC, locking),
stopping reminders until tomorrow, and starting with the computer from Settings (a temporary
HOME). The reminders themselves: tests/ui/tray/test_tray_reminders.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from companion.people.profiles import People
from companion.reminders.autostart import StartWithComputer
from tests.ui.helpers import press
from tests.ui.runner_wait import wait_for_runner
from tests.ui.tray.tray_setup import (
    TRAY_LOG_IGNORE,
    TUESDAY_10,
    RecordingNotifications,
    check_reminders,
    open_me,
    press_in_menu,
    save_session,
    tray_window,
)
from ui.context import AppContext
from ui.screens.help_now.screen import HelpNowScreen
from ui.screens.settings.reminders import StillRemindingScreen
from ui.tray import BackgroundCompanion, install_background

pytestmark = TRAY_LOG_IGNORE


def test_the_tray_menu_has_four_large_plain_choices(background: BackgroundCompanion) -> None:
    menu = background.menu
    assert [a.text() for a in menu.actions()] == [
        "Open Companion",
        "Get help now",
        "Stop reminders until tomorrow",
        "Quit Companion",
    ]
    menu.popup(QPoint(10, 10))
    for action in menu.actions():
        assert menu.actionGeometry(action).height() >= 64
    assert menu.font().pointSize() >= 18 or "18pt" in menu.styleSheet()
    menu.hide()
    set_language("fr")
    background.ctx.settings.set("language", "fr")
    assert [a.text() for a in menu.actions()] == [
        "Ouvrir Companion",
        "Obtenir de l’aide maintenant",
        "Arrêter les rappels jusqu’à demain",
        "Quitter Companion",
    ]


def test_closing_the_window_says_once_in_words_that_reminders_keep_coming(
    qtbot: QtBot, background: BackgroundCompanion, sink: RecordingNotifications
) -> None:
    window = background.window
    window.close()
    assert window.isVisible() and not QApplication.quitOnLastWindowClosed()
    screen = window.current()
    assert isinstance(screen, StillRemindingScreen)
    words = " ".join(label.text() for label in screen.findChildren(QLabel))
    assert "Your reminders keep coming" in screen.title() and "waits near the clock" in words
    assert "choose Quit Companion" in words
    press(qtbot, window, "Close the window")
    assert not window.isVisible() and window.ctx.settings.get("told_about_tray")

    press_in_menu(qtbot, background.menu, "Open Companion")
    assert window.isVisible() and not isinstance(window.current(), StillRemindingScreen)
    window.close()
    assert not window.isVisible()  # said once: the second time it just goes to the tray
    assert sink.shown == []

    press_in_menu(qtbot, background.menu, "Get help now")
    assert window.isVisible() and isinstance(window.current(), HelpNowScreen)


def test_quit_companion_on_the_closing_screen_really_quits(
    qtbot: QtBot, background: BackgroundCompanion, monkeypatch: pytest.MonkeyPatch
) -> None:
    quit_calls: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_args: quit_calls.append(True))
    window = background.window
    window.close()
    press(qtbot, window, "Quit Companion")
    assert quit_calls == [True] and not window.isVisible()


def test_on_a_shared_pc_closing_to_the_tray_locks_the_persons_data(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People
) -> None:
    window = tray_window(qtbot, make_ctx, people, shared_pc=True, told_about_tray=True)
    open_me(qtbot, window, people)
    opened = window.ctx.session
    background = install_background(window, RecordingNotifications(), tray_available=True)
    background.timer.stop()
    window.close()
    assert not window.isVisible() and window.ctx.session.is_guest
    wait_for_runner(qtbot, window.ctx)  # the data closes on the runner, after any save asked
    assert opened.database is None  # closed, not just hidden
    background.quitting = True


def test_stop_reminders_until_tomorrow_and_quit_from_the_menu(
    qtbot: QtBot,
    background: BackgroundCompanion,
    sink: RecordingNotifications,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = background.window
    save_session(window.ctx)
    window.hide()
    press_in_menu(qtbot, background.menu, "Stop reminders until tomorrow")
    assert sink.shown[-1].body == "No more reminders today. They start again tomorrow."
    window.ctx.clock.current = TUESDAY_10 - timedelta(days=1)  # Monday 10:00, a reminder time
    assert check_reminders(qtbot, background) == []
    quit_calls: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_args: quit_calls.append(True))
    press_in_menu(qtbot, background.menu, "Quit Companion")
    assert quit_calls == [True] and not window.isVisible() and background.quitting


def test_start_with_the_computer_from_settings_writes_and_removes_the_entry(
    qtbot: QtBot, background: BackgroundCompanion, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    window = background.window
    window.ctx.parts.autostart = StartWithComputer("linux", home, ("/usr/bin/companion", "--x"), {})
    from ui.screens.settings.screen import SettingsScreen

    window.push(SettingsScreen(window.ctx))
    for words in (
        "More settings",
        "Reminders",
        "Start Companion when the computer starts",
        "Yes, start with the computer",
    ):
        press(qtbot, window, words)
    entry = home / ".config" / "autostart" / "companion.desktop"
    assert entry.exists() and "Exec=/usr/bin/companion --x" in entry.read_text()
    press(qtbot, window, "No, I will open it myself")
    assert not entry.exists()


def test_what_companion_keeps_says_only_reminder_times_are_kept_outside(
    background: BackgroundCompanion,
) -> None:
    from ui.screens.people.my_data import KeepsScreen

    ctx = background.window.ctx
    screen = KeepsScreen(ctx)
    words = " ".join(label.text() for label in screen.findChildren(type(screen.title_label)))
    assert "keeps the times of your next reminders beside your own file" in words
    ctx.settings.set("background_reminders", False)
    screen = KeepsScreen(ctx)
    words = " ".join(label.text() for label in screen.findChildren(type(screen.title_label)))
    assert "keeps nothing about you outside your own file" in words
    screen.deleteLater()


def test_started_with_the_computer_there_is_no_window_until_something_is_due() -> None:
    from ui.launch import shows_window_at_start

    assert not shows_window_at_start(True, tray_available=True, first_run_done=True)
    assert shows_window_at_start(False, tray_available=True, first_run_done=True)
    assert shows_window_at_start(True, tray_available=False, first_run_done=True)  # no tray
    assert shows_window_at_start(True, tray_available=True, first_run_done=False)  # setup first


def test_the_background_argument_reaches_the_launcher() -> None:
    from companion.__main__ import parse_args

    assert parse_args(["--background"]).background
    assert not parse_args([]).background
