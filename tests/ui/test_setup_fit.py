"""Every first-run step shows all its choices with no scroll bar (#15 done-when): Back, Do this
later and Next on screen at 200% text in French on 1024 x 768, the ways to lock all at once
(never paged), and every step at 100% in English on 1280 x 720; the screens a step opens (a
person to call, the PIN typed twice) and the summary too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from companion.security import LockKind
from companion.setup.flow import STEPS
from tests.ui.fit import fit_problems, save_shot, settle, visible_rect
from tests.ui.launcher import open_new_pc
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.setup.flow import FirstRun, SetupStepScreen
from ui.screens.setup.person_to_call import PersonToCallScreen
from ui.screens.setup.steps import LockStepScreen, SafetyStepScreen, SecretStepScreen
from ui.screens.setup.summary import SummaryScreen

LOOKS = {"200-fr-1024x768": (200, "fr", (1024, 768)), "100-en-1280x720": (100, "en", (1280, 720))}


@pytest.fixture(params=list(LOOKS))
def look_window(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> Iterator[MainWindow]:
    scale, language, size = LOOKS[request.param]
    ctx = make_ctx(text_scale=scale)
    window = open_new_pc(qtbot, ctx, tmp_path / "data")
    ctx.settings.set("language", language)
    window.resize(*size)
    settle()
    yield window
    set_language("en")
    if ctx.session is not None:
        ctx.session.close()


def on_screen(window: MainWindow, button: QWidget) -> bool:
    return button.isVisibleTo(window) and visible_rect(button, window).size() == button.size()


def open_step(qtbot: QtBot, window: MainWindow, index: int) -> SetupStepScreen:
    screen = window.open("setup.step", index=index)
    wait_for_runner(qtbot, window.ctx)
    settle()
    assert isinstance(screen, SetupStepScreen)
    return screen


@pytest.mark.parametrize("index", range(len(STEPS)))
def test_every_step_keeps_back_later_and_next_on_screen(
    qtbot: QtBot, look_window: MainWindow, index: int
) -> None:
    screen = open_step(qtbot, look_window, index)
    steps = [screen.back_button, screen.later_button, screen.next_button]
    problems = fit_problems(look_window)
    if problems or not screen.fitter.fitted:
        save_shot(look_window, f"setup-step-{index}")
    assert screen.fitter.fitted, "a scroll bar or Next part is needed"
    assert not screen.part_buttons()
    assert all(on_screen(look_window, b) for b in steps if b is not None), [
        b.label() for b in steps if b is not None and not on_screen(look_window, b)
    ]
    assert problems == []
    # Trying pages hides each choice for a moment: the focus must not slip on to Back.
    first = next(w for w in screen.choices() if w.isVisible() and w.isEnabled())
    assert QApplication.focusWidget() is first, QApplication.focusWidget()


def test_the_ways_to_lock_are_all_on_screen_at_once(qtbot: QtBot, look_window: MainWindow) -> None:
    """Never paged: a way to lock on another page would be a choice made for the person."""
    screen = open_step(qtbot, look_window, STEPS.index(next(s for s in STEPS if s.kind == "lock")))
    assert isinstance(screen, LockStepScreen)
    assert screen.paged_grid() is None or screen.paged_grid().page_count() == 1  # type: ignore[union-attr]
    assert all(on_screen(look_window, b) for b in screen.kinds.values())


def test_a_person_to_call_fits_on_a_screen_of_their_own(
    qtbot: QtBot, look_window: MainWindow
) -> None:
    """Three rows of three boxes did not fit beside the region: one person, one screen."""
    step = open_step(qtbot, look_window, STEPS.index(next(s for s in STEPS if s.kind == "safety")))
    assert isinstance(step, SafetyStepScreen)
    step.add_button.click()
    settle()
    person = look_window.current()
    assert isinstance(person, PersonToCallScreen)
    problems = fit_problems(look_window)
    if problems or not person.fitter.fitted:
        save_shot(look_window, "setup-person-to-call")
    assert person.fitter.fitted and problems == []
    assert on_screen(look_window, person.save_button)


@pytest.mark.parametrize("kind", ["pin", "passphrase"])
def test_the_pin_typed_twice_fits_with_next_on_screen(
    qtbot: QtBot, look_window: MainWindow, kind: LockKind
) -> None:
    """The lock step's second screen: its two boxes sat one under the other, each under its
    words, and put Next below the edge even at 100% on 1280 x 720."""
    step = open_step(qtbot, look_window, STEPS.index(next(s for s in STEPS if s.kind == "lock")))
    look_window.push(SecretStepScreen(look_window.ctx, step.run, step.index, kind))
    settle()
    secret = look_window.current()
    assert isinstance(secret, SecretStepScreen)
    problems = fit_problems(look_window)
    if problems or not secret.fitter.fitted:
        save_shot(look_window, f"setup-secret-{kind}")
    assert secret.fitter.fitted and problems == []
    assert secret.next_button is not None and on_screen(look_window, secret.next_button)
    assert all(on_screen(look_window, box) for box in (secret.first, secret.again))


def test_the_summary_shows_done_first_and_its_lines_below(look_window: MainWindow) -> None:
    """The page a helper may print is a long read at 200%: Done, Print and Save as PDF come
    first, on screen, and the page's lines follow below them (by parts where long)."""
    look_window.push(SummaryScreen(look_window.ctx, FirstRun(look_window.ctx)))
    settle()
    summary = look_window.current()
    assert isinstance(summary, SummaryScreen)
    problems = fit_problems(look_window)
    if problems:
        save_shot(look_window, "setup-summary")
    assert problems == []
    assert all(
        on_screen(look_window, b)
        for b in (summary.done_button, summary.print_button, summary.pdf_button)
    )
    assert summary.choices()[0] is summary.done_button
