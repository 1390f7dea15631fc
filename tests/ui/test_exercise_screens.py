"""Exercises as a person meets them: breathing by keyboard and two switches, on the test clock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.clock import FixedClock
from companion.library.prefs import ActivityPlans
from tests.ui.helpers import open_learn, press_by_keyboard, press_by_two_switches
from tests.ui.recording_speech import RecordingSpeech
from ui.app import MainWindow
from ui.screens.learn.exercise.breathing import BreathingScreen, BreathingSetupScreen
from ui.screens.learn.exercise.opening import exercise_screen
from ui.screens.learn.exercise.steps import GuidedScreen
from ui.screens.learn.lists import PagedListScreen
from ui.shared.library import preferences


def _clock(window: MainWindow) -> FixedClock:
    clock = window.ctx.clock
    assert isinstance(clock, FixedClock)
    return clock


def _open_breathing_setup(qtbot: QtBot, window: MainWindow) -> BreathingSetupScreen:
    learn = open_learn(window)
    press_by_keyboard(qtbot, window, learn.exercises_button)
    exercises = window.current()
    assert isinstance(exercises, PagedListScreen)
    breathing = next(b for b in exercises.item_buttons if b.accessibleName() == "Slow breathing")
    press_by_keyboard(qtbot, window, breathing)
    setup = window.current()
    assert isinstance(setup, BreathingSetupScreen)
    return setup


def test_breathing_by_keyboard_follows_the_chosen_pace(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    setup = _open_breathing_setup(qtbot, window)
    assert setup.pace_buttons["calm"].isChecked()
    press_by_keyboard(qtbot, window, setup.pace_buttons["slow"])  # in 5, out 7
    assert setup.pace_buttons["slow"].isChecked() and not setup.pace_buttons["calm"].isChecked()
    press_by_keyboard(qtbot, window, setup.fewer_button)
    assert setup.start_button.accessibleName() == "Start: 1 minute"
    assert not setup.fewer_button.isEnabled()
    press_by_keyboard(qtbot, window, setup.start_button)

    screen = window.current()
    assert isinstance(screen, BreathingScreen)
    clock = _clock(window)
    assert screen.phase_label.text() == "Breathe in"
    assert screen.shape.isVisible()
    assert speech.texts()[-1] == "Breathe in"
    clock.advance(4.9)
    qtbot.waitUntil(lambda: screen.shape.size_fraction > 0.9)
    assert screen.phase_label.text() == "Breathe in"
    clock.advance(0.1)
    qtbot.waitUntil(lambda: screen.phase_label.text() == "Breathe out")
    assert speech.texts()[-1] == "Breathe out"
    clock.advance(7)
    qtbot.waitUntil(lambda: screen.count_label.text() == "Breath 2 of 5")
    assert speech.texts().count("Breathe in") == 2

    clock.advance(60)
    qtbot.waitUntil(lambda: screen.done_button.isVisible())
    assert "Well done" in screen.phase_label.text()
    press_by_keyboard(qtbot, window, screen.done_button)
    assert window.current() is setup


def test_pause_holds_the_breathing_still(qtbot: QtBot, window: MainWindow) -> None:
    setup = _open_breathing_setup(qtbot, window)
    press_by_keyboard(qtbot, window, setup.start_button)
    screen = window.current()
    assert isinstance(screen, BreathingScreen)
    press_by_keyboard(qtbot, window, screen.pause_button)
    assert screen.pause_button.accessibleName() == "Carry on"
    _clock(window).advance(120)
    screen.tick()
    assert screen.count_label.text().startswith("Breath 1 of")
    assert screen.phase_label.text().startswith("Paused.")


def test_less_motion_shows_a_plain_counter_instead_of_the_shape(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.ctx.settings.set("less_motion", True)
    window.push(exercise_screen(window.ctx, "breathing"))
    window.current().start_button.click()
    screen = window.current()
    assert isinstance(screen, BreathingScreen)
    assert not screen.shape.isVisible()
    assert screen.phase_label.text() == "Breathe in … 4"  # the calm pace: in 4, out 6
    _clock(window).advance(1)
    qtbot.waitUntil(lambda: screen.phase_label.text() == "Breathe in … 3")


def test_breathing_by_two_switch_scanning(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    window.push(exercise_screen(window.ctx, "breathing"))
    setup = window.current()
    assert isinstance(setup, BreathingSetupScreen)
    window.ctx.settings.set("switch_mode", "two_switches")
    press_by_two_switches(qtbot, window, setup.pace_buttons["quicker"])  # in 3, out 4
    press_by_two_switches(qtbot, window, setup.start_button)
    screen = window.current()
    assert isinstance(screen, BreathingScreen)
    _clock(window).advance(3)
    qtbot.waitUntil(lambda: screen.phase_label.text() == "Breathe out")
    assert speech.texts()[-2:] == ["Breathe in", "Breathe out"]


def test_grounding_step_by_step_by_keyboard(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    window.push(exercise_screen(window.ctx, "grounding"))
    screen = window.current()
    assert isinstance(screen, GuidedScreen)
    count = len(screen.exercise.steps)
    assert speech.texts()[-1] == screen.step_label.text()
    for step in range(count - 1):
        assert screen.position_label.text() == f"Step {step + 1} of {count}"
        press_by_keyboard(qtbot, window, screen.next_button)
    assert "five" in " ".join(speech.texts()).lower()
    assert screen.next_button.accessibleName() == "Finish"
    press_by_keyboard(qtbot, window, screen.next_button)
    assert window.current() is not screen


def test_the_planner_keeps_one_small_thing_for_tomorrow(qtbot: QtBot, window: MainWindow) -> None:
    window.push(exercise_screen(window.ctx, "planner"))
    screen = window.current()
    assert isinstance(screen, GuidedScreen)
    press_by_keyboard(qtbot, window, screen.next_button)
    assert not screen.next_button.isEnabled()  # waits for a choice
    walk = screen.choice_buttons[0]
    assert walk.accessibleName() == "Go for a short walk"
    press_by_keyboard(qtbot, window, walk)
    assert walk.isChecked()
    while screen.next_button.accessibleName() != "Finish":
        press_by_keyboard(qtbot, window, screen.next_button)
    press_by_keyboard(qtbot, window, screen.next_button)
    plan = ActivityPlans(preferences(window.ctx)).planned()
    assert plan is not None and plan.choice_id == "walk"


def test_relaxation_moves_on_by_itself_on_the_clock(qtbot: QtBot, window: MainWindow) -> None:
    window.push(exercise_screen(window.ctx, "relaxation"))
    screen = window.current()
    assert isinstance(screen, GuidedScreen)
    screen.next_button.click()
    assert screen.timer_label.text() == "5 seconds"
    _clock(window).advance(5)
    qtbot.waitUntil(lambda: screen.position_label.text().startswith("Step 3"))
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current() is not screen
