"""The shared day and time steps: big buttons, words in the person's language, no spin boxes."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtWidgets import QAbstractSpinBox, QWidget
from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from tests.ui.helpers import press
from ui.app import MainWindow
from ui.theme import MIN_TARGET_PX
from ui.widgets.day_time_screens import MonthScreen, PickDayScreen, PickTimeScreen

NBSP = "\u00a0"


def _named(window: MainWindow, name: str) -> QWidget:
    [widget] = [
        w
        for w in window.current().findChildren(QWidget)
        if w.accessibleName() == name and w.isVisible()
    ]
    return widget


def test_another_day_opens_a_month_grid_and_answers_in_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    answers: list[date] = []
    screen = PickDayScreen(
        window.ctx, lambda: "Which day?", date(2026, 11, 17), None, answers.append
    )
    window.push(screen)
    press(qtbot, window, "Another day")
    month = window.current()
    assert isinstance(month, MonthScreen)
    assert month.grid_part.month_label.text() == "November 2026"
    assert [label.text() for label in month.grid_part.day_names][:2] == ["Mon", "Tue"]
    assert not _named(window, "Monday 16 November").isEnabled()  # the past is greyed
    for button in month.grid_part.day_buttons:
        if button.isVisible():
            assert button.height() >= MIN_TARGET_PX and button.width() >= MIN_TARGET_PX
    press(qtbot, window, "Later month")
    press(qtbot, window, "Friday 4 December")
    assert answers == [date(2026, 12, 4)]
    assert window.current() is not month and window.current() is not screen  # both answered
    assert not window.findChildren(QAbstractSpinBox)


def test_time_moves_by_quarter_hours_in_french(qtbot: QtBot, window: MainWindow) -> None:
    window.ctx.settings.set("language", "fr")
    answers: list[time] = []
    window.push(PickTimeScreen(window.ctx, lambda: "Heure", time(14, 0), answers.append))
    picker = window.current().picker  # type: ignore[attr-defined]
    assert picker.time_label.text() == f"14{NBSP}h{NBSP}00"
    press(qtbot, window, "Plus tôt, 13 h 45")
    press(qtbot, window, "Plus tôt, 13 h 30")
    assert picker.time_label.text() == f"13{NBSP}h{NBSP}30"
    press(qtbot, window, "16 h 00")
    press(qtbot, window, "Cette heure-là")
    assert answers == [time(16, 0)]
    set_language("en")
