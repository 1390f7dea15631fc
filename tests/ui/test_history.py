"""The history screen: a big chart with a word at each point, a summary sentence, and a table."""

from __future__ import annotations

import re
from datetime import timedelta

from pytestqt.qtbot import QtBot

from companion.checkin.models import CheckIn
from tests.ui.helpers import press
from ui.app import MainWindow
from ui.screens.checkin.history import HistoryScreen
from ui.shared.checkin_common import checkin_store


def _fill(window: MainWindow, days: int, mood_for: dict[int, str]) -> None:
    store = checkin_store(window.ctx)
    now = window.ctx.clock.now()
    for days_ago in range(days - 1, -1, -1):
        at = now - timedelta(days=days_ago, hours=1)
        mood = mood_for[0] if days_ago < 7 else mood_for[1]
        store.finish(CheckIn(None, at, at, mood, frozenset(), "", False))


def test_history_says_this_week_was_better_and_draws_the_chart(
    qtbot: QtBot, window: MainWindow
) -> None:
    _fill(window, 14, {0: "good", 1: "not_good"})
    history = HistoryScreen(window.ctx)
    window.push(history)
    assert "This week you felt better than last week." in history.body_text()
    assert history.chart.accessibleDescription() == "This week you felt better than last week."
    image = history.chart.grab().toImage()
    assert image.width() > 400 and image.height() >= 320
    # Something was drawn in the chart's line colour (the thick line and its points).
    line = window.ctx.look().palette.edge.lower()
    found = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert line in found


def test_the_table_shows_the_same_days_for_screen_readers(qtbot: QtBot, window: MainWindow) -> None:
    _fill(window, 14, {0: "okay", 1: "okay"})
    history = HistoryScreen(window.ctx)
    window.push(history)
    press(qtbot, window, "Show as a table")
    assert history.table.isVisible() and not history.chart.isVisible()
    assert history.table.rowCount() == 14
    assert history.table.item(0, 1).text() == "Okay"
    assert history.table.accessibleName() == "Mood by day, as a table"
    first = history.table.item(0, 0).text()  # a day in words, like "Tuesday 18 November"
    assert re.fullmatch(r"[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+( \d{4})?", first), first


def test_twelve_weeks_are_one_press_away(qtbot: QtBot, window: MainWindow) -> None:
    _fill(window, 84, {0: "very_good", 1: "very_bad"})
    history = HistoryScreen(window.ctx)
    window.push(history)
    press(qtbot, window, "12 weeks")
    assert history.period_buttons[12].isChecked() and not history.period_buttons[2].isChecked()
    assert history.trend is not None and len(history.trend.points) == 84
    assert "six weeks" in history.body_text()


def test_no_check_ins_yet_is_said_kindly(qtbot: QtBot, window: MainWindow) -> None:
    history = HistoryScreen(window.ctx)
    window.push(history)
    assert "You can check in any time you like." in history.body_text()
