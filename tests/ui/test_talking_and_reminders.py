"""Talking buttons by pointer, the daily check-in reminder said aloud once, and Tab order."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from companion.clock import FixedClock
from tests.ui.helpers import press
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.help_now.screen import HelpNowScreen
from ui.screens.settings.screen import SettingsScreen


def rest_pointer_on(button) -> None:  # type: ignore[no-untyped-def]
    point = QPointF(button.rect().center())
    QApplication.sendEvent(button, QEnterEvent(point, point, button.mapToGlobal(point)))


def test_resting_the_pointer_on_a_button_says_its_name(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    window.ctx.settings.set("talking_buttons", True)
    speech.queued.clear()
    clock = window.ctx.clock
    assert isinstance(clock, FixedClock)
    rest_pointer_on(window.top_bar.help_button)
    window.pointer_rest.poll()
    assert "Get help now" not in speech.texts()  # not yet: the pointer has only just arrived
    clock.advance(seconds=0.6)  # resting is measured on the app's clock, looked at by a timer
    qtbot.waitUntil(lambda: "Get help now" in speech.texts(), timeout=3000)
    assert speech.texts().count("Get help now") == 1


def test_a_pointer_passing_by_says_nothing(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    window.ctx.settings.set("talking_buttons", True)
    speech.queued.clear()
    button = window.top_bar.help_button
    clock = window.ctx.clock
    assert isinstance(clock, FixedClock)
    rest_pointer_on(button)
    QApplication.sendEvent(button, QEvent(QEvent.Type.Leave))
    clock.advance(seconds=1)
    window.pointer_rest.poll()
    assert "Get help now" not in speech.texts()


def test_pointer_rest_is_silent_unless_talking_buttons_is_on(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    speech.queued.clear()
    rest_pointer_on(window.top_bar.help_button)
    window.pointer_rest.rested()
    assert "Get help now" not in speech.texts()


def test_the_check_in_reminder_is_said_once_a_day(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], speech: RecordingSpeech
) -> None:
    from ui.app import build_window

    window = build_window(make_ctx(speak_reminders=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_for_runner(qtbot, window.ctx)
    home = window.current()
    assert home.checkin_reminder_label.isVisible()  # due at this test's noon
    said = [t for t in speech.texts() if t == home.checkin_reminder_label.text()]
    assert len(said) == 1
    for _visit in range(2):  # away from Home and back, twice: not said again today
        press(qtbot, window, "Get help now")
        press(qtbot, window, "Home")
    assert [t for t in speech.texts() if t == home.checkin_reminder_label.text()] == said
    window.ctx.clock.advance(days=1)  # type: ignore[attr-defined]
    press(qtbot, window, "Get help now")
    press(qtbot, window, "Home")
    assert len([t for t in speech.texts() if t == home.checkin_reminder_label.text()]) == 2


def test_the_reminder_stays_quiet_when_reminders_are_not_spoken(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], speech: RecordingSpeech
) -> None:
    from ui.app import build_window

    win = build_window(make_ctx(speak_reminders=False))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    wait_for_runner(qtbot, win.ctx)
    assert win.current().checkin_reminder_label.isVisible()
    assert win.current().checkin_reminder_label.text() not in speech.texts()


def tab_sequence(qtbot: QtBot, window: MainWindow, count: int) -> list[str]:
    window.activateWindow()
    window.top_bar.home_button.setFocus(Qt.FocusReason.TabFocusReason)
    names = [QApplication.focusWidget().accessibleName()]
    for _ in range(count - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        names.append(QApplication.focusWidget().accessibleName())
    return names


def test_tab_reaches_every_control_once_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    for open_screen in (None, SettingsScreen, HelpNowScreen):
        if open_screen is not None:
            window.push(open_screen(window.ctx))
        screen = window.current()
        controls = [b for b in [*window.top_bar.buttons(), *screen.choices()] if b.isEnabled()]
        expected = [b.accessibleName() for b in controls]
        assert tab_sequence(qtbot, window, len(expected)) == expected
