"""Talking buttons by pointer, the daily check-in reminder said aloud once, and Tab order."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication

from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.help_now import HelpNowScreen
from ui.screens.settings import SettingsScreen


def rest_pointer_on(button) -> None:  # type: ignore[no-untyped-def]
    point = QPointF(button.rect().center())
    QApplication.sendEvent(button, QEnterEvent(point, point, button.mapToGlobal(point)))


def test_resting_the_pointer_on_a_button_says_its_name(qtbot, window: MainWindow, speech) -> None:  # type: ignore[no-untyped-def]
    window.ctx.settings.set("talking_buttons", True)
    speech.queued.clear()
    rest_pointer_on(window.top_bar.help_button)
    qtbot.waitUntil(lambda: "Get help now" in speech.texts(), timeout=3000)


def test_a_pointer_passing_by_says_nothing(qtbot, window: MainWindow, speech) -> None:  # type: ignore[no-untyped-def]
    window.ctx.settings.set("talking_buttons", True)
    speech.queued.clear()
    button = window.top_bar.help_button
    rest_pointer_on(button)
    QApplication.sendEvent(button, QEvent(QEvent.Type.Leave))
    with qtbot.assertNotEmitted(window.pointer_rest._timer.timeout, wait=900):
        pass
    assert "Get help now" not in speech.texts()


def test_pointer_rest_is_silent_unless_talking_buttons_is_on(
    qtbot, window: MainWindow, speech
) -> None:  # type: ignore[no-untyped-def]
    speech.queued.clear()
    rest_pointer_on(window.top_bar.help_button)
    window.pointer_rest.rested()
    assert "Get help now" not in speech.texts()


def test_the_check_in_reminder_is_said_once_a_day(qtbot, make_ctx, speech) -> None:  # type: ignore[no-untyped-def]
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
    home._refresh_coming_up()
    home._refresh_coming_up()
    wait_for_runner(qtbot, window.ctx)
    assert [t for t in speech.texts() if t == home.checkin_reminder_label.text()] == said
    window.ctx.clock.advance(days=1)  # type: ignore[attr-defined]
    home._refresh_coming_up()
    wait_for_runner(qtbot, window.ctx)
    assert len([t for t in speech.texts() if t == home.checkin_reminder_label.text()]) == 2


def test_the_reminder_stays_quiet_when_reminders_are_not_spoken(qtbot, make_ctx, speech) -> None:  # type: ignore[no-untyped-def]
    from ui.app import build_window

    win = build_window(make_ctx(speak_reminders=False))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    wait_for_runner(qtbot, win.ctx)
    assert win.current().checkin_reminder_label.isVisible()
    assert win.current().checkin_reminder_label.text() not in speech.texts()


def tab_sequence(qtbot, window: MainWindow, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.top_bar.home_button.setFocus(Qt.FocusReason.TabFocusReason)
    names = [QApplication.focusWidget().accessibleName()]
    for _ in range(count - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        names.append(QApplication.focusWidget().accessibleName())
    return names


def test_tab_reaches_every_control_once_in_reading_order(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for open_screen in (None, SettingsScreen, HelpNowScreen):
        if open_screen is not None:
            window.push(open_screen(window.ctx))
        screen = window.current()
        controls = [b for b in [*window.top_bar.buttons(), *screen.choices()] if b.isEnabled()]
        expected = [b.accessibleName() for b in controls]
        assert tab_sequence(qtbot, window, len(expected)) == expected
