"""The check-in screens people meet most fit at 200% text in French on the small sizes (#15):
every choice on the first screen without "Next part", the important words kept in view."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.checkin.instruments import score
from companion.i18n import _, set_language
from tests.ui.fit import assert_fits, settle
from tests.ui.routes import open_case, open_sample_pc, sample_arguments
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.checkin.history import HistoryScreen
from ui.screens.checkin.mood_chart import GAP_PX
from ui.screens.checkin.mood_days import MoodDaysScreen
from ui.screens.checkin.score_history import ScoreHistoryScreen
from ui.widgets.screen import Screen

SIZES = ((1024, 768), (1280, 720))


@pytest.fixture
def big_french(qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path):  # type: ignore[no-untyped-def]
    """The sample person at 200% text in French (the longer words)."""
    ctx = make_ctx(text_scale=200)
    window = open_sample_pc(qtbot, ctx, tmp_path / "data")
    ctx.settings.set("language", "fr")
    yield window
    set_language("en")
    if ctx.session is not None:
        ctx.session.close()


def show(
    qtbot: QtBot, window: MainWindow, route: str, size: tuple[int, int], **kw: object
) -> Screen:
    window.clear_to_home()
    window.resize(*size)
    settle()
    screen = open_case(window, route, kw or sample_arguments(window.ctx, route))
    wait_for_runner(qtbot, window.ctx)  # what the screen reads on the runner is in place
    settle()
    return screen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("route", ["checkin.result", "checkin.trusted_people"])
def test_the_screens_after_a_result_fit_without_parts(
    qtbot: QtBot, big_french: MainWindow, route: str, size: tuple[int, int]
) -> None:
    screen = show(qtbot, big_french, route, size)
    assert not screen.part_buttons(), "reads by parts: a choice is below the first part"
    assert_fits(big_french, f"checkin-fit-{route}-{size[0]}x{size[1]}")


def test_the_people_to_call_stay_in_view_when_room_is_short(
    qtbot: QtBot, big_french: MainWindow
) -> None:
    screen = show(qtbot, big_french, "checkin.trusted_people", (1024, 768))
    shown = [label.text() for label in screen.findChildren(type(screen.title_label))]
    assert any("Louise (my sister): 514 555 0199" in t for t in shown)
    assert screen.people_label.isVisible()  # type: ignore[attr-defined]
    assert screen.tell_more_button is not None and screen.tell_more_button.isVisible()


def test_after_a_self_harm_answer_reach_out_today_is_never_folded(
    qtbot: QtBot, big_french: MainWindow
) -> None:
    harm = score("phq9", (1, 2, 1, 1, 0, 1, 1, 0, 2))
    screen = show(qtbot, big_french, "checkin.result", (1024, 768), score=harm)
    visible = " ".join(
        label.text() for label in screen.findChildren(type(screen.title_label)) if label.isVisible()
    )
    assert "Parlez à quelqu’un aujourd’hui." in visible, visible


def on_screen(screen: Screen, widget: QWidget) -> bool:
    """Shown, and wholly inside the screen (not below its edge)."""
    box = QRect(widget.mapTo(screen, QPoint(0, 0)), widget.size())
    return widget.isVisible() and screen.rect().contains(box)


@pytest.mark.parametrize(
    ("language", "size"), [("fr", (1024, 768)), ("en", (1280, 720))], ids=["fr-1024", "en-1280"]
)
def test_the_mood_history_shows_every_choice_without_parts_at_200(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
    language: str,
    size: tuple[int, int],
) -> None:
    """The summary, the chart, the three periods side by side and "Show as a table" on screen;
    the scores on screen or a "More choices" away; no "Next part"; the chart's mood words
    apart, not crowded one on the next."""
    ctx = make_ctx(text_scale=200)
    window = open_sample_pc(qtbot, ctx, tmp_path / "data")
    ctx.settings.set("language", language)
    try:
        screen: HistoryScreen = show(qtbot, window, "checkin.history", size)  # type: ignore[assignment]
        assert not screen.part_buttons(), "reads by parts: a choice is below the first part"
        assert_fits(window, f"checkin-fit-history-{language}-{size[0]}x{size[1]}")
        assert on_screen(screen, screen.summary_label)
        assert on_screen(screen, screen.table_button)
        periods = list(screen.period_buttons.values())
        assert all(on_screen(screen, b) for b in periods)
        assert len({b.mapTo(screen, QPoint(0, 0)).y() for b in periods}) == 1, "not one row"
        grid = screen.paged_grid()
        assert grid is not None
        assert on_screen(screen, screen.scores_button) or on_screen(screen, grid.page_button)
        chart = screen.chart
        assert on_screen(screen, chart)
        chart.grab()  # painted: where its words went
        line = chart.fontMetrics().height()
        assert chart.height() >= 2 * line + 4 * GAP_PX
        side = sorted(
            (r for r in chart.drawn.words if r.left() == chart.drawn.area.left() + 4),
            key=lambda r: r.top(),
        )
        assert len(side) >= 2, "the top and bottom mood words"
        for upper, lower in pairwise(side):
            assert lower.top() - upper.bottom() >= GAP_PX, "mood words crowded"
        # The same days as a table, on a screen of their own: its choices on screen, no parts.
        assert screen.table_button.accessibleName() == _("Show as a table")  # shown short or not
        qtbot.mouseClick(screen.table_button, Qt.MouseButton.LeftButton)
        wait_for_runner(qtbot, ctx)
        settle()
        days = window.current()
        assert isinstance(days, MoodDaysScreen)
        assert_fits(window, f"checkin-fit-days-{language}-{size[0]}x{size[1]}")
        assert days.mood_table.isVisible() and not days.part_buttons()
        assert on_screen(days, days.page_button) and on_screen(days, days.chart_button)
        qtbot.mouseClick(days.chart_button, Qt.MouseButton.LeftButton)
        settle()
        assert window.current() is screen
        # Another period pressed (its focus ring a little wider): the same.
        qtbot.mouseClick(screen.period_buttons[4], Qt.MouseButton.LeftButton)
        wait_for_runner(qtbot, ctx)
        settle()
        assert screen.period_buttons[4].isChecked() and not screen.part_buttons()
        assert all(on_screen(screen, b) for b in [*periods, screen.table_button])
    finally:
        set_language("en")
        if ctx.session is not None:
            ctx.session.close()


@pytest.mark.parametrize(
    ("language", "size"), [("fr", (1024, 768)), ("en", (1280, 720))], ids=["fr-1024", "en-1280"]
)
def test_the_scores_come_a_page_at_a_time_without_parts_at_200(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
    language: str,
    size: tuple[int, int],
) -> None:
    """Every questionnaire's scores are on screen on one page or another, "Back to my mood"
    on each, never below the edge and never read by parts."""
    ctx = make_ctx(text_scale=200)
    window = open_sample_pc(qtbot, ctx, tmp_path / "data")
    ctx.settings.set("language", language)
    try:
        screen: ScoreHistoryScreen = show(qtbot, window, "checkin.score_history", size)  # type: ignore[assignment]
        assert screen.sentences and len(screen.sentences) > 1
        seen: list[str] = []
        for page in range(screen.page_count()):
            assert not screen.part_buttons(), f"page {page + 1} reads by parts"
            assert_fits(window, f"checkin-fit-scores-{language}-{size[0]}x{size[1]}-{page}")
            assert on_screen(screen, screen.back_button)
            assert on_screen(screen, screen.scores_label)
            seen += [s for s in screen.sentences if s in screen.scores_label.text()]
            if screen.page_count() > 1:
                assert on_screen(screen, screen.more_button)
                qtbot.mouseClick(screen.more_button, Qt.MouseButton.LeftButton)
                settle()
        assert sorted(set(seen)) == sorted(screen.sentences)
        assert screen.page == 0  # from the last page, back to the first
    finally:
        set_language("en")
        if ctx.session is not None:
            ctx.session.close()
