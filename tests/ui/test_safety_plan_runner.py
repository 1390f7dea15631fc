"""My safety plan reads and saves on the background runner (#14): a press on a step saves once,
off the UI thread; a save that fails says so kindly and keeps what the person typed; a screen
that needs the plan shows a short wait sentence, then fills in."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from companion.clock import FixedClock
from companion.people.profiles import PersonSession, guest_session, open_people
from companion.safety.crisis import EmergencyContact
from companion.safety_plan.plan import Part, PlanEntry, SafetyPlan, SafetyPlanStore
from tests.fast_argon2 import FAST
from tests.ui.helpers import press
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.safety_plan.intro import PlanIntroScreen
from ui.screens.safety_plan.own_words import OwnWordsScreen
from ui.screens.safety_plan.steps import PlanStepScreen
from ui.screens.safety_plan.view import PlanPartsScreen, PlanScreen


class WatchedStore:
    """The person's real plan store, noting the thread of every save; `fail` makes saves fail
    as a full disk would."""

    def __init__(self, real: SafetyPlanStore) -> None:
        self.real = real
        self.saved_on: list[int] = []
        self.fail = False

    def plan(self) -> SafetyPlan:
        return self.real.plan()

    def save(self, plan: SafetyPlan) -> None:
        self.saved_on.append(threading.get_ident())
        if self.fail:
            raise OSError("No space left on the disk")
        self.real.save(plan)

    def delete(self) -> None:
        self.real.delete()


@pytest.fixture
def mary(window: MainWindow, tmp_path: Path) -> Iterator[PersonSession]:
    people = open_people(tmp_path, FixedClock(), keyring=None, argon2=FAST)
    person = people.add("Mary", "none", "", chosen_by_caregiver=True)
    session = people.unlock(person.id, "")
    session.contacts.set_contacts([EmergencyContact("Ann", "555-0101", "daughter")])
    window.set_session(session)
    yield session
    window.set_session(guest_session())


@pytest.fixture
def watched(mary: PersonSession) -> WatchedStore:
    store = WatchedStore(mary.safety_plan)
    mary.safety_plan = store
    return store


def test_a_press_on_a_step_saves_once_on_the_runner(
    qtbot: QtBot, window: MainWindow, watched: WatchedStore
) -> None:
    window.push(PlanIntroScreen(window.ctx))
    press(qtbot, window, "Start my plan")
    assert isinstance(window.current(), PlanStepScreen)
    press(qtbot, window, "I cannot sleep")
    assert len(watched.saved_on) == 1
    assert watched.saved_on[0] != threading.get_ident()
    assert watched.real.plan().entries(Part.WARNING_SIGNS) == (PlanEntry("I cannot sleep"),)
    press(qtbot, window, "Next")  # moving on saves nothing more
    assert len(watched.saved_on) == 1


def test_a_failed_save_keeps_the_typed_words_and_says_so(
    qtbot: QtBot, window: MainWindow, watched: WatchedStore
) -> None:
    window.push(PlanIntroScreen(window.ctx))
    press(qtbot, window, "Start my plan")
    press(qtbot, window, "Add my own words")
    typing = window.current()
    assert isinstance(typing, OwnWordsScreen)
    typing.boxes[0].insert("I stop answering the phone")
    watched.fail = True
    press(qtbot, window, "Add to my plan")
    assert window.current() is typing  # still there, with the words in the box
    assert typing.boxes[0].text() == "I stop answering the phone"
    assert "not saved" in typing.status.text()
    watched.fail = False
    press(qtbot, window, "Add to my plan")  # the same words, pressed again: kept this time
    assert isinstance(window.current(), PlanStepScreen)
    kept = watched.real.plan().entries(Part.WARNING_SIGNS)
    assert kept == (PlanEntry("I stop answering the phone"),)


def test_a_failed_choice_says_so_and_shows_the_line_unchosen(
    qtbot: QtBot, window: MainWindow, watched: WatchedStore
) -> None:
    window.push(PlanIntroScreen(window.ctx))
    press(qtbot, window, "Start my plan")
    screen = window.current()
    assert isinstance(screen, PlanStepScreen)
    watched.fail = True
    press(qtbot, window, "I avoid people")
    assert "not saved" in screen.status.text()
    assert not screen.line_buttons[0].isChecked()
    assert watched.real.plan().is_empty


def test_the_plan_shows_a_wait_sentence_then_fills_in(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    mary.safety_plan.save(SafetyPlan({Part.PEOPLE_TO_ASK: (PlanEntry("Bob", "555-0102"),)}))
    screen = PlanScreen(window.ctx)
    window.push(screen)
    assert "Opening your plan" in screen.status.text()
    wait_for_runner(qtbot, window)
    assert screen.status.isHidden()
    assert screen.person_buttons[0].accessibleName() == "Bob: 555-0102"


def test_my_safety_plan_by_name_with_no_plan_opens_the_gentle_start(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    window.open("safety_plan")
    wait_for_runner(qtbot, window)
    assert isinstance(window.current(), PlanIntroScreen)
    window.back()
    assert not isinstance(window.current(), PlanScreen)  # the waiting plan screen is gone


def test_a_failed_delete_keeps_the_plan_and_says_so(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    mary.safety_plan.save(SafetyPlan({Part.WARNING_SIGNS: (PlanEntry("I stop eating"),)}))
    parts = PlanPartsScreen(window.ctx)
    window.push(parts)
    wait_for_runner(qtbot, window)
    real = mary.safety_plan

    class NoDelete(WatchedStore):
        def delete(self) -> None:
            raise OSError("The disk is read-only")

    mary.safety_plan = NoDelete(real)
    press(qtbot, window, "Delete my plan")
    press(qtbot, window, "Yes, delete my plan")
    assert window.current() is parts
    assert "not deleted" in parts.status.text()
    assert not real.plan().is_empty
