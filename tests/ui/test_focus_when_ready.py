"""A screen that reads on the runner shows at once, its choices waiting; when they are ready
its first choice takes the focus, as on every other screen (Enter on the top bar's Home,
where the focus waited, took the person Home)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.fit import settle
from tests.ui.routes import open_sample_pc
from tests.ui.runner_wait import wait_for_runner
from ui.context import AppContext


def first_choice(window):  # type: ignore[no-untyped-def]
    return next(w for w in window.current().choices() if w.isEnabled() and w.isVisible())


@pytest.mark.parametrize("route", ["checkin.schedule", "report.save"])
def test_the_first_choice_takes_the_focus_once_the_screen_is_ready(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path, route: str
) -> None:
    ctx = make_ctx()
    window = open_sample_pc(qtbot, ctx, tmp_path / "data")
    try:
        window.open(route)
        assert window.focusWidget() is window.top_bar.home_button  # nothing to press yet
        wait_for_runner(qtbot, ctx)
        settle()
        assert window.focusWidget() is first_choice(window)
    finally:
        if ctx.session is not None:
            ctx.session.close()


def test_a_focus_the_person_moved_while_waiting_stays_where_they_put_it(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> None:
    ctx = make_ctx()
    window = open_sample_pc(qtbot, ctx, tmp_path / "data")
    try:
        window.open("checkin.schedule")
        window.top_bar.back_button.setFocus()
        wait_for_runner(qtbot, ctx)
        settle()
        assert window.focusWidget() is window.top_bar.back_button
    finally:
        if ctx.session is not None:
            ctx.session.close()
