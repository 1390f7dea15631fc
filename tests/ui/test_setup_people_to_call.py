"""The first run's safety step: the people kept so far are read off the UI thread (#14), and each
person to call is typed, changed or removed on a screen of their own (#15: it fits at 200%)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from companion.safety.crisis import EmergencyContact
from companion.setup.flow import STEPS, apply_person
from tests.ui.helpers import press
from tests.ui.launcher import open_new_pc
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.setup.person_to_call import PersonToCallScreen
from ui.screens.setup.steps import SafetyStepScreen

SAFETY = STEPS.index(next(s for s in STEPS if s.kind == "safety"))
NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
LOUISE = EmergencyContact("Louise", "514 555 0199", "my sister")


@pytest.fixture
def pc(qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path) -> Iterator[MainWindow]:
    """A new PC whose person already keeps Louise as someone to call."""
    ctx = make_ctx()
    window = open_new_pc(qtbot, ctx, tmp_path / "data")
    assert ctx.session is not None
    ctx.session.contacts.set_contacts([LOUISE])
    yield window
    if ctx.session is not None:
        ctx.session.close()


def shown_names(step: SafetyStepScreen) -> list[str]:
    return [b.label() for b in step.person_buttons if not b.isHidden()]


def test_the_people_kept_are_read_off_the_ui_thread_and_next_waits_for_them(
    qtbot: QtBot, pc: MainWindow
) -> None:
    ctx = pc.ctx
    held = threading.Event()
    ctx.runner.run(held.wait)  # the worker is busy: the step's read waits behind this
    step = pc.open("setup.step", index=SAFETY)
    assert isinstance(step, SafetyStepScreen)
    assert shown_names(step) == []  # not read on the UI thread while the screen was built
    step.next_button.click()  # type: ignore[union-attr]
    assert pc.current() is step  # pressed before the read: it goes on once Louise is read
    held.set()
    wait_for_runner(qtbot, ctx)
    assert pc.current() is not step and STEPS[step.run.flow.index].kind == "extras"
    assert step.run.flow.answers.contacts == (LOUISE,)  # kept, not replaced by nobody


def test_a_person_to_call_is_changed_then_removed(qtbot: QtBot, pc: MainWindow) -> None:
    step = pc.open("setup.step", index=SAFETY)
    wait_for_runner(qtbot, pc.ctx)
    assert isinstance(step, SafetyStepScreen)
    assert shown_names(step) == ["Louise (my sister): 514\u00a0555\u00a00199"]
    press(qtbot, pc, "Louise (my sister): 514\u00a0555\u00a00199")
    person = pc.current()
    assert isinstance(person, PersonToCallScreen)
    phone = person.boxes[1]
    assert phone.accessibleName() == "Person 1: Phone number"
    phone.setText("514 555 0100")
    press(qtbot, pc, "Save")
    assert pc.current() is step
    assert shown_names(step) == ["Louise (my sister): 514\u00a0555\u00a00100"]
    press(qtbot, pc, "Louise (my sister): 514\u00a0555\u00a00100")
    press(qtbot, pc, "Remove")
    assert pc.current() is step and shown_names(step) == []
    assert step.run.flow.answers.contacts == ()
    session = pc.ctx.session
    assert session is not None
    apply_person(step.run.flow.answers, None, session, NOW)  # what Done does with the answers
    assert session.contacts.contacts() == []  # removed: not kept behind for Get help now
