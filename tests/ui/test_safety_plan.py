"""My safety plan through the real widgets: made by mouse, keyboard and switch, opened from
Get help now with one press, read aloud whole, printed in large letters, deleted."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from companion.checkin.instruments import score
from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.people.profiles import PersonSession, guest_session, open_people
from companion.safety.crisis import EmergencyContact
from companion.safety_plan.plan import Part, PlanEntry, SafetyPlan
from tests.fast_argon2 import FAST
from tests.ui.helpers import names, press
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.checkin.done import ThankYouScreen
from ui.screens.checkin.questionnaire import ResultScreen
from ui.screens.help_now.screen import HelpNowScreen
from ui.screens.learn.home import LearnScreen
from ui.screens.safety_plan import printing
from ui.screens.safety_plan.intro import PlanIntroScreen
from ui.screens.safety_plan.own_words import OwnWordsScreen
from ui.screens.safety_plan.steps import (
    PeopleStepScreen,
    PlanStepScreen,
    WordsStepScreen,
    suggestions,
)
from ui.screens.safety_plan.view import PlanPartsScreen, PlanScreen


@pytest.fixture
def mary(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Iterator[PersonSession]:
    """A real person with an encrypted database under the window's data folder."""
    people = open_people(tmp_path, FixedClock(), keyring=None, argon2=FAST)
    person = people.add("Mary", "none", "", chosen_by_caregiver=True)
    session = people.unlock(person.id, "")
    session.contacts.set_contacts([EmergencyContact("Ann", "555-0101", "daughter")])
    window.set_session(session)
    wait_for_runner(qtbot, window)  # her own settings are read on the runner first
    yield session
    window.set_session(guest_session())


def step(window: MainWindow) -> PlanStepScreen:
    screen = window.current()
    assert isinstance(screen, PlanStepScreen)
    return screen


def test_a_whole_plan_by_mouse_then_get_help_now_opens_it_on_the_people(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    window.push(LearnScreen(window.ctx))
    press(qtbot, window, "My safety plan")
    assert isinstance(window.current(), PlanIntroScreen)
    assert "about ten minutes" in window.current().body_text()
    press(qtbot, window, "Start my plan")

    signs = step(window)
    assert isinstance(signs, WordsStepScreen)
    assert signs.title() == "What tells you a hard time may be starting?"
    assert "Step 1 of 7" in signs.body_text()
    assert names(window)[-1] == "Skip this step"
    press(qtbot, window, "I cannot sleep")
    press(qtbot, window, "Add my own words")
    typing = window.current()
    assert isinstance(typing, OwnWordsScreen)
    assert QApplication.focusWidget() is typing.boxes[0]
    typing.boxes[0].insert("I stop answering the phone")
    press(qtbot, window, "Add to my plan")
    assert window.current() is signs
    assert "Added to your plan." in signs.status.text()
    for button in signs.choices():
        if button.isVisible():
            assert button.width() >= 64 and button.height() >= 64
    press(qtbot, window, "Next")
    press(qtbot, window, "Skip this step")  # on my own
    press(qtbot, window, "Skip this step")  # take my mind off things
    people = step(window)
    assert isinstance(people, PeopleStepScreen)
    press(qtbot, window, "Ann (daughter): 555-0101")  # from the people to call already kept
    press(qtbot, window, "Add a person or a place")
    typing = window.current()
    assert isinstance(typing, OwnWordsScreen)
    typing.boxes[0].insert("Bob")
    typing.boxes[1].insert("555-0102")
    press(qtbot, window, "Add to my plan")
    assert window.current() is people
    press(qtbot, window, "Next")
    assert "9-8-8" in " ".join(names(window))  # the region's crisis line, filled in for them
    for _ in range(3):
        press(qtbot, window, names(window)[-1])  # Skip, Skip, then "Finish my plan"
    assert isinstance(window.current(), PlanScreen)

    plan = mary.safety_plan.plan()
    assert [e.text for e in plan.entries(Part.WARNING_SIGNS)] == [
        "I cannot sleep",
        "I stop answering the phone",
    ]
    assert plan.entries(Part.PEOPLE_TO_ASK) == (
        PlanEntry("Ann (daughter)", "555-0101"),
        PlanEntry("Bob", "555-0102"),
    )

    window.home()
    window.show_help_now()
    help_now = window.current()
    assert isinstance(help_now, HelpNowScreen)
    assert names(window)[0] == "My safety plan"
    press(qtbot, window, "My safety plan")  # one press
    assert isinstance(window.current(), PlanScreen)
    assert names(window)[:2] == ["Ann (daughter): 555-0101", "Bob: 555-0102"]
    press(qtbot, window, "Bob: 555-0102")
    assert "Call Bob on 555-0102." in window.current().status.text()  # type: ignore[attr-defined]


def test_back_returns_to_a_step_and_changes_it(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    window.push(PlanIntroScreen(window.ctx))
    press(qtbot, window, "Start my plan")
    press(qtbot, window, "I cannot sleep")
    press(qtbot, window, "Next")
    assert "Step 2 of 7" in window.current().body_text()
    window.back()
    first = step(window)
    assert "Step 1 of 7" in first.body_text()
    assert first.line_buttons[0].isChecked()
    press(qtbot, window, "I cannot sleep")  # taken out again
    assert mary.safety_plan.plan().is_empty
    press(qtbot, window, "Skip this step")
    assert "Step 2 of 7" in window.current().body_text()


def test_a_step_by_keyboard_alone(qtbot: QtBot, window: MainWindow, mary: PersonSession) -> None:
    def key(k: Qt.Key) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, k)

    window.push(PlanIntroScreen(window.ctx))
    key(Qt.Key.Key_Return)  # Start my plan has the focus
    qtbot.waitUntil(lambda: isinstance(window.current(), WordsStepScreen))
    wait_for_runner(qtbot, window)  # the step fills in once the plan is read
    screen = step(window)
    assert QApplication.focusWidget() is screen.line_buttons[0]
    key(Qt.Key.Key_Space)
    for _ in range(3):  # past the other two lines to "Add my own words"
        key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.add_button
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.current(), OwnWordsScreen))
    typing = window.current()
    assert QApplication.focusWidget() is typing.boxes[0]  # type: ignore[attr-defined]
    qtbot.keyClicks(typing.boxes[0], "I skip meals")  # type: ignore[attr-defined]
    key(Qt.Key.Key_Return)  # Enter in the box adds it and comes back
    qtbot.waitUntil(lambda: window.current() is screen)
    screen.setFocus()
    screen.next_button.setFocus()
    assert QApplication.focusWidget() is screen.next_button
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Step 2 of 7" in window.current().body_text())
    texts = [e.text for e in mary.safety_plan.plan().entries(Part.WARNING_SIGNS)]
    assert texts == ["I avoid people", "I skip meals"]


def _scan_to(qtbot: QtBot, window: MainWindow, target: QWidget) -> int:
    steps = 0
    while not window.current().body.property("scanGroup"):
        qtbot.keyClick(window, Qt.Key.Key_Space)
        steps += 1
        assert steps <= 3
    qtbot.keyClick(window, Qt.Key.Key_Return)
    steps += 1
    while QApplication.focusWidget() is not target:
        qtbot.keyClick(window, Qt.Key.Key_Space)
        steps += 1
        assert steps <= 20, f"never reached {target.accessibleName()}"
    return steps


def test_every_control_of_a_step_is_reached_by_switch_in_eight_steps(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    window.ctx.settings.set("switch_mode", "two_switches")
    window.push(PlanIntroScreen(window.ctx))
    press(qtbot, window, "Start my plan")
    screen = step(window)
    buttons = [w for w in screen.choices() if w.isVisible() and w.isEnabled()]
    assert len(buttons) == 6
    for control in buttons:
        window.scanner.reset()
        assert _scan_to(qtbot, window, control) <= 8, control.accessibleName()
    window.scanner.reset()
    _scan_to(qtbot, window, screen.line_buttons[1])
    qtbot.keyClick(window, Qt.Key.Key_Return)  # choose "I cannot sleep"
    window.scanner.reset()
    _scan_to(qtbot, window, screen.next_button)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Step 2 of 7" in window.current().body_text())
    assert mary.safety_plan.plan().entries(Part.WARNING_SIGNS) == (PlanEntry("I cannot sleep"),)


def _with_plan(mary: PersonSession) -> None:
    mary.safety_plan.save(
        SafetyPlan(
            {
                Part.WARNING_SIGNS: (PlanEntry("I stop eating"),),
                Part.PEOPLE_TO_ASK: (PlanEntry("Ann", "555-0101"),),
                Part.REASONS: (PlanEntry("My grandson"),),
            }
        )
    )


def test_the_whole_plan_is_read_aloud_start_to_end(
    qtbot: QtBot, window: MainWindow, mary: PersonSession, speech: RecordingSpeech
) -> None:
    _with_plan(mary)
    window.push(PlanScreen(window.ctx))
    wait_for_runner(qtbot, window)  # the plan is read on the runner
    press(qtbot, window, "Read my plan to me")
    said = speech.texts()
    assert said[0] == "My safety plan."
    assert said.index("Part 1: Signs that a hard time may be starting.") < said.index(
        "I stop eating."
    )
    assert said[-2:] == ["Part 7: What matters most to me.", "My grandson."]


def test_the_plan_prints_in_large_letters_to_a_pdf(
    qtbot: QtBot,
    window: MainWindow,
    mary: PersonSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_plan(mary)
    target = tmp_path / "out" / "plan.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(
        printing.PlanFiles, "save_path", classmethod(lambda cls, parent, suggested: target)
    )
    window.push(PlanPartsScreen(window.ctx))
    wait_for_runner(qtbot, window)  # the plan is read on the runner
    assert "Part 1 of 7" in window.current().body_text()
    press(qtbot, window, "Print in large letters")
    assert target.read_bytes().startswith(b"%PDF")
    assert "Saved: plan.pdf" in window.current().status.text()  # type: ignore[attr-defined]


def test_delete_my_plan_in_words_removes_it_and_get_help_now_no_longer_offers_it(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    _with_plan(mary)
    window.push(PlanPartsScreen(window.ctx))
    wait_for_runner(qtbot, window)  # the plan is read on the runner
    press(qtbot, window, "Delete my plan")
    assert window.current().title() == "Delete your safety plan? This cannot be undone."
    press(qtbot, window, "Yes, delete my plan")
    assert mary.safety_plan.plan().is_empty
    window.show_help_now()
    assert "My safety plan" not in names(window)


def test_a_guest_is_never_shown_a_plan_or_offered_one(qtbot: QtBot, window: MainWindow) -> None:
    assert window.ctx.session.is_guest
    window.push(LearnScreen(window.ctx))
    assert "My safety plan" not in names(window)
    window.show_help_now()
    assert "My safety plan" not in names(window)


def test_the_gentle_offer_after_item_nine_comes_at_most_once_a_week(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    result = score("phq9", [1, 1, 1, 1, 1, 1, 1, 1, 1])
    window.push(ResultScreen(window.ctx, result))
    wait_for_runner(qtbot, window.ctx)
    assert "Make a plan for hard moments" in names(window)
    assert "about ten minutes" in window.current().body_text()
    window.back()
    window.push(ResultScreen(window.ctx, result))
    wait_for_runner(qtbot, window.ctx)
    assert "Make a plan for hard moments" not in names(window)  # not again this week
    window.ctx.clock.advance(days=7)  # type: ignore[attr-defined]
    window.back()
    window.push(ResultScreen(window.ctx, result))
    wait_for_runner(qtbot, window.ctx)
    press(qtbot, window, "Make a plan for hard moments")
    assert isinstance(window.current(), PlanIntroScreen)


def test_the_offer_after_repeated_bad_days(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    now = window.ctx.clock.now()
    for days in (3, 2, 1):
        when = now - timedelta(days=days)
        mary.checkins.finish(CheckIn(None, when, when, "not_good", frozenset(), "", False))
    today = mary.checkins.finish(CheckIn(None, now, now, "very_bad", frozenset(), "", False))
    window.push(ThankYouScreen(window.ctx, today))
    wait_for_runner(qtbot, window.ctx)
    assert "Make a plan for hard moments" in names(window)
    assert len([w for w in window.current().choices() if w.isVisible()]) <= 6


def test_the_plan_marker_never_reaches_any_file_in_plain_text(
    qtbot: QtBot, window: MainWindow, mary: PersonSession, tmp_path: Path
) -> None:
    marker = "PLANMARKER" + os.urandom(6).hex()
    window.push(PlanIntroScreen(window.ctx))
    press(qtbot, window, "Start my plan")
    press(qtbot, window, "Add my own words")
    window.current().boxes[0].insert(marker)  # type: ignore[attr-defined]
    press(qtbot, window, "Add to my plan")
    assert mary.safety_plan.plan().entries(Part.WARNING_SIGNS)[0].text == marker
    window.set_session(guest_session())  # closes the database, as leaving does
    wait_for_runner(qtbot, window)  # it closes on the runner: its -wal file goes meanwhile
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.suffix == ".db" or "companion" in p.name for p in files)
    for path in files:
        data = path.read_bytes()
        assert marker.encode() not in data, path
        assert marker.encode("utf-16-le") not in data, path


def test_each_step_is_spoken_when_speech_is_on_and_changes_language_live(
    qtbot: QtBot, window: MainWindow, mary: PersonSession, speech: RecordingSpeech
) -> None:
    window.ctx.settings.set("read_steps_aloud", True)
    window.push(PlanIntroScreen(window.ctx))
    press(qtbot, window, "Start my plan")
    said = speech.texts()
    assert "What tells you a hard time may be starting?" in said
    assert any(t.startswith("You can choose: I avoid people, I cannot sleep") for t in said)
    window.ctx.settings.set("language", "fr")
    assert window.current().title() == "Qu’est-ce qui vous dit qu’un moment difficile commence?"
    assert "Étape 1 sur 7" in window.current().body_text()


def test_somewhere_else_offers_its_helplines_without_an_emergency_number(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    """Somewhere else has no emergency number and a directory with no number: the plan's
    suggestions still open (they used to fail on the missing number) and name no fake phone."""
    window.ctx.settings.set("region", "ELSEWHERE")
    offered = suggestions(window.ctx)[Part.PROFESSIONALS]  # no storage: on the UI thread
    assert all(isinstance(entry.phone, str) for entry in offered)
    assert "Emergency" not in [entry.text for entry in offered]
    assert [e.text for e in offered][-2:] == ["My doctor", "My counsellor"]

    mary.safety_plan.save(SafetyPlan({Part.WARNING_SIGNS: (PlanEntry("I stop eating"),)}))
    window.push(PlanScreen(window.ctx))  # no numbers in the plan: the region's lines to call
    wait_for_runner(qtbot, window)  # the plan is read on the runner
    assert names(window) == ["See my whole plan", "Read my plan to me"]  # none has a number


def test_opened_by_an_answer_the_first_page_holds_a_line_to_call_before_the_plan(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    """At 200% in French on a 1024 x 768 screen, with a plan made: when an answer about hurting
    oneself opens Get help now, its first page shows the first crisis line, focused, and the
    plan is still one of the choices (it used to fill the first page with the plan alone)."""
    from companion.checkin.wording import self_harm_reason
    from companion.i18n import set_language

    _with_plan(mary)
    window.ctx.settings.set("region", "CA-QC")
    window.ctx.settings.set("text_scale", 200)
    window.ctx.settings.set("language", "fr")
    try:
        window.resize(1024, 768)
        window.show_help_now(self_harm_reason())
        help_now = window.current()
        assert isinstance(help_now, HelpNowScreen)
        QApplication.processEvents()
        first = help_now.line_buttons[0]
        assert first.isVisible() and first.hasFocus()
        assert first.mapTo(window, first.rect().bottomLeft()).y() <= window.height()
        press(qtbot, window, "Mon plan de sécurité")  # still offered, after "More choices"
        assert isinstance(window.current(), PlanScreen)
    finally:
        set_language("en")
