"""The history screen: a big chart with a word at each point, a summary sentence, and a table."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.checkin.models import CheckIn
from companion.i18n import set_language
from tests.ui.helpers import press
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow, build_window
from ui.screens.checkin.history import HistoryScreen
from ui.screens.checkin.mood_chart import touches_line
from ui.screens.checkin.mood_days import MoodDaysScreen
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
    history = _open_history(qtbot, window)
    assert "This week you felt better than last week." in history.body_text()
    assert history.chart.accessibleDescription() == "This week you felt better than last week."
    image = history.chart.grab().toImage()
    # The chart takes the height the screen has left (at least three lines of text).
    assert image.width() > 400 and image.height() >= 3 * history.chart.fontMetrics().height()
    # Something was drawn in the chart's line colour (the thick line and its points).
    line = window.ctx.look().palette.edge.lower()
    found = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert line in found


def _open_history(qtbot: QtBot, window: MainWindow) -> HistoryScreen:
    history = HistoryScreen(window.ctx)
    window.push(history)
    wait_for_runner(qtbot, window.ctx)
    return history


def _open_table(qtbot: QtBot, window: MainWindow, words: str) -> MoodDaysScreen:
    press(qtbot, window, words)
    days = window.current()
    assert isinstance(days, MoodDaysScreen)
    wait_for_runner(qtbot, window.ctx)
    return days


def test_the_table_shows_the_same_days_for_screen_readers(qtbot: QtBot, window: MainWindow) -> None:
    _fill(window, 14, {0: "okay", 1: "okay"})
    history = _open_history(qtbot, window)
    days = _open_table(qtbot, window, "Show as a table")
    assert days.table.isVisible() and not days.status_label.isVisible()
    assert days.table.rowCount() == 14
    assert days.table.item(0, 1).text() == "Okay"
    assert days.table.accessibleName() == "Mood by day, as a table"
    first = days.table.item(0, 0).text()  # a day in words, like "Tuesday 18 November"
    assert re.fullmatch(r"[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+( \d{4})?", first), first
    press(qtbot, window, "Back to the chart")
    assert window.current() is history and history.chart.isVisible()


def test_the_table_has_the_weeks_chosen_on_the_chart(qtbot: QtBot, window: MainWindow) -> None:
    _fill(window, 84, {0: "good", 1: "okay"})
    _open_history(qtbot, window)
    press(qtbot, window, "4 weeks")
    wait_for_runner(qtbot, window.ctx)
    days = _open_table(qtbot, window, "Show as a table")
    assert days.table.rowCount() == 28


def test_twelve_weeks_are_one_press_away(qtbot: QtBot, window: MainWindow) -> None:
    _fill(window, 84, {0: "very_good", 1: "very_bad"})
    history = _open_history(qtbot, window)
    press(qtbot, window, "12 weeks")
    assert history.period_buttons[12].isChecked() and not history.period_buttons[2].isChecked()
    assert history.trend is not None and len(history.trend.points) == 84
    assert "six weeks" in history.body_text()


def test_no_check_ins_yet_is_said_kindly(qtbot: QtBot, window: MainWindow) -> None:
    history = _open_history(qtbot, window)
    assert "You can check in any time you like." in history.body_text()


def test_the_weeks_are_read_behind_a_short_wait(qtbot: QtBot, window: MainWindow) -> None:
    _fill(window, 14, {0: "good", 1: "okay"})
    history = HistoryScreen(window.ctx)
    window.push(history)
    assert history.body_text() == "Reading your check-ins..."
    wait_for_runner(qtbot, window.ctx)
    assert "Reading" not in history.body_text()
    press(qtbot, window, "12 weeks", wait=False)
    assert history.body_text() == "Reading your check-ins..."
    wait_for_runner(qtbot, window.ctx)
    assert history.trend is not None and history.trend.weeks == 12


def _big_french_history(  # type: ignore[no-untyped-def]
    qtbot: QtBot, make_ctx, weeks: int, scale: int = 200
) -> tuple[MainWindow, HistoryScreen]:
    ctx = make_ctx(text_scale=scale)
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    ctx.settings.set("language", "fr")
    _fill(window, weeks * 7, {0: "very_good", 1: "very_bad"})
    store = checkin_store(window.ctx)  # every mood, so the line goes up and down
    now = window.ctx.clock.now()
    for days_ago, mood in enumerate(("okay", "not_good", "good", "very_bad", "okay")):
        at = now - timedelta(days=days_ago + 1, minutes=5)
        store.finish(CheckIn(None, at, at, mood, frozenset(), "", False))
    history = _open_history(qtbot, window)
    if weeks != 2:
        press(qtbot, window, f"{weeks} semaines")
    return window, history


@pytest.mark.parametrize("weeks", [2, 12])
def test_no_word_on_the_chart_touches_the_line_a_dot_another_word_or_the_edge(
    qtbot: QtBot, make_ctx, weeks: int
) -> None:  # type: ignore[no-untyped-def]
    """At 200% in French on 1024 x 768 (the old chart drew "Bien" across the line)."""
    _window, history = _big_french_history(qtbot, make_ctx, weeks)
    try:
        history.chart.clearFocus()  # a focused point's word is boxed over the line on purpose
        history.chart.grab()  # paints it
        drawn = history.chart.drawn
        assert drawn.focus_box is None
        assert drawn.words, "some words are drawn"
        for index, word in enumerate(drawn.words):
            assert drawn.area.contains(word), f"cut at the edge: {word}"
            assert not any(word.intersects(dot) for dot in drawn.dots), (index, word, drawn.dots)
            assert not touches_line(word, drawn.line)
            for other in drawn.words[index + 1 :]:
                assert not word.intersects(other), (word, other)
    finally:
        set_language("en")


def test_a_point_without_its_word_says_its_mood_when_focused(qtbot: QtBot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    _window, history = _big_french_history(qtbot, make_ctx, 12)
    try:
        chart = history.chart
        chart.grab()
        unlabelled = [i for i in range(len(chart.drawn.dots)) if i not in chart.drawn.point_words]
        assert unlabelled, "at 200% on 1024 x 768 some points have no word"
        chart.setFocus()
        qtbot.waitUntil(chart.hasFocus)
        last = len(chart.drawn.dots) - 1
        assert chart.focused == last  # the newest day first
        for _step in range(last - unlabelled[0]):
            qtbot.keyClick(chart, Qt.Key.Key_Left)
        point = history.trend.points[unlabelled[0]]  # type: ignore[union-attr]
        assert chart.accessibleDescription().endswith(f" : {point.word}")
        chart.grab()
        assert unlabelled[0] in chart.drawn.point_words  # and its word is shown, boxed
    finally:
        set_language("en")


@pytest.mark.parametrize("scale", [150, 200])
def test_the_table_pages_instead_of_scrolling(qtbot: QtBot, make_ctx, scale: int) -> None:  # type: ignore[no-untyped-def]
    """In French on 1024 x 768, 12 weeks: every day on one page or another, never a scroll bar.
    On its own screen the table holds 2 days a page at 200% under the guest band, 3 without it
    (in the chart's place it held 1: 84 pages for 12 weeks), and 7 at 150%."""
    window, _history = _big_french_history(qtbot, make_ctx, 12, scale=scale)
    try:
        days = _open_table(qtbot, window, "Afficher en tableau")
        table = days.table
        assert table.isVisible() and not table.verticalScrollBar().isVisible()
        paged = days.mood_table
        assert paged.per_page >= {150: 6, 200: 2}[scale]
        count = paged.page_count()
        assert count > 1 and paged.page_button.isVisible() and paged.per_page >= 1
        assert paged.page_button.accessibleName() == f"Plus de jours (page 1 sur {count})"
        seen: set[int] = set()
        for _page in range(count):
            shown = [r for r in range(table.rowCount()) if not table.isRowHidden(r)]
            assert table.item(shown[0], 0) is not None
            for row in shown:  # every row shown is whole inside the table
                rect = table.visualRect(table.model().index(row, 0))
                assert table.viewport().rect().contains(rect), row
            seen |= set(shown)
            paged.page_button.click()
        assert seen == set(range(table.rowCount()))  # every day, on one page or another
        assert paged.page == 0  # from the last page, back to the first
    finally:
        set_language("en")


def test_the_scores_are_read_behind_a_short_wait(qtbot: QtBot, window: MainWindow) -> None:
    """Read on the runner (the suite's storage guard raises on the UI thread)."""
    from ui.screens.checkin.score_history import ScoreHistoryScreen

    scores = ScoreHistoryScreen(window.ctx)
    window.push(scores)
    assert scores.scores_label.text() == "Reading your scores..."
    wait_for_runner(qtbot, window.ctx)
    assert scores.scores_label.text() == (
        "No questions answered this year yet. You can answer them any time."
    )
