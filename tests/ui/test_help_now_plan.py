"""Get help now offers "My safety plan" without reading storage on the UI thread (#14): the
plan is known from a read on the runner as the person's data opens, and when Get help now opens
before that read answers, the plan comes last, so nothing the person may press moves."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from companion.clock import FixedClock
from companion.people.profiles import People, guest_session, open_people
from companion.safety_plan.plan import Part, PlanEntry, SafetyPlan
from tests.fast_argon2 import FAST
from tests.ui.helpers import names
from tests.ui.runner_wait import storage_touches_on_this_thread, wait_for_runner
from ui.app import MainWindow
from ui.screens.help_now.screen import HelpNowScreen


@pytest.fixture
def people(window: MainWindow, tmp_path: Path) -> Iterator[People]:
    """Mary, a real person with an encrypted database and a plan she made earlier."""
    found = open_people(tmp_path, FixedClock(), keyring=None, argon2=FAST)
    mary = found.add("Mary", "none", "", chosen_by_caregiver=True)
    session = found.unlock(mary.id, "")
    plan = SafetyPlan({Part.REASONS: (PlanEntry("My grandson"),)})
    session.safety_plan.save(plan)
    session.close()
    yield found
    window.set_session(guest_session())


def open_mary(window: MainWindow, people: People) -> None:
    """Her data opens afresh: nothing about her plan is known until something reads it."""
    session = people.unlock(people.all()[0].id, "")
    assert session.safety_plan.known_to_have_plan() is None
    window.set_session(session)


def test_get_help_now_reads_no_storage_on_the_ui_thread_and_the_plan_comes_first(
    qtbot: QtBot, window: MainWindow, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_mary(window, people)
    wait_for_runner(qtbot, window)  # her data opened: the runner read whether she has a plan
    touches = storage_touches_on_this_thread(monkeypatch)
    window.show_help_now()
    assert isinstance(window.current(), HelpNowScreen)
    assert touches == []
    assert names(window)[0] == "My safety plan"


def test_opened_before_the_plan_is_read_the_plan_comes_last_and_nothing_moves(
    qtbot: QtBot, window: MainWindow, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = threading.Event()
    window.ctx.runner.run(lambda: held.wait(10))  # the runner is busy with earlier work
    open_mary(window, people)
    touches = storage_touches_on_this_thread(monkeypatch)
    window.show_help_now()
    screen = window.current()
    assert isinstance(screen, HelpNowScreen)
    first = names(window)
    assert "My safety plan" not in first
    assert window.focusWidget() is screen.line_buttons[0]
    held.set()
    wait_for_runner(qtbot, window)
    assert touches == []
    shown = [screen.grid.on_page()]
    while screen.grid.page < screen.grid.page_count() - 1:
        screen.grid.turn_page()
        shown.append(screen.grid.on_page())
    turn = screen.grid.page_button
    pageable = [w.accessibleName() for page in shown for w in page if w is not turn]
    assert pageable[-1] == "My safety plan"  # after every choice that was there before
    assert pageable[: len(first)] == first
