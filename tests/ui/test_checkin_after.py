"""Around a check-in: after a low mood, at most two matching things from the library that open
with one press; before it, yesterday's planned activity asked about once, never scolding."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.library.prefs import ActivityPlans
from companion.library.suggest import suggest_after_checkin
from tests.ui.helpers import press
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.checkin.done import ThankYouScreen
from ui.screens.checkin.hub import CheckInHubScreen
from ui.screens.checkin.plan_question import PlanQuestionScreen
from ui.screens.checkin.steps import MoodStepScreen, NoteStepScreen, TagsStepScreen
from ui.screens.learn.exercise.breathing import BreathingSetupScreen
from ui.screens.learn.exercise.steps import GuidedScreen
from ui.screens.learn.reader import ReaderScreen
from ui.shared.library import load_report, preferences

SCOLDING = ("miss", "forgot", "should", "failed", "didn't", "again", "shame")


def _click(qtbot: QtBot, widget: QWidget) -> None:
    """Press, then wait for the screen to change (the save runs in the background)."""
    ctx = widget.window().ctx  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, ctx)


def _today(window: MainWindow) -> date:
    return window.ctx.clock.now().astimezone().date()


def _plans(window: MainWindow) -> ActivityPlans:
    return ActivityPlans(preferences(window.ctx))


def _start(qtbot: QtBot, window: MainWindow) -> None:
    hub = CheckInHubScreen(window.ctx)
    window.push(hub)
    _click(qtbot, hub.checkin_button)


def _check_in(
    qtbot: QtBot, window: MainWindow, mood: str, tags: tuple[str, ...] = ()
) -> ThankYouScreen:
    _start(qtbot, window)
    _click(qtbot, window.current().faces[mood])  # type: ignore[attr-defined]
    screen = window.current()
    assert isinstance(screen, TagsStepScreen)
    for tag in tags:
        if not screen.tags[tag].isVisible():
            press(qtbot, window, "More choices")
        _click(qtbot, screen.tags[tag])
    press(qtbot, window, "Next")
    note = window.current()
    assert isinstance(note, NoteStepScreen)
    press(qtbot, window, "Finish")
    done = window.current()
    assert isinstance(done, ThankYouScreen)
    return done


def test_a_not_good_day_offers_two_matching_things_that_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    done = _check_in(qtbot, window, "not_good", ("sleep",))
    library = load_report(window.ctx).library
    expected = suggest_after_checkin("not_good", {"sleep"}, library, "en")
    assert done.suggestion_keys == expected and len(expected) == 2
    names = [b.accessibleName() for b in done.suggestion_buttons]
    assert names[0].startswith("Read: ") and names[1].startswith("Try: ")
    assert "Something here may help today:" in done.body_text()
    assert len(done.choices()) <= 6
    for button in done.choices():
        assert button.width() >= 64 and button.height() >= 64
    for index, button in enumerate(done.suggestion_buttons):
        _click(qtbot, button)
        opened = window.current()
        assert isinstance(opened, (ReaderScreen, BreathingSetupScreen, GuidedScreen))
        if index == 0:
            assert isinstance(opened, ReaderScreen)
            assert opened.article_id == expected[0].partition(":")[2]
        window.back()
        assert window.current() is done


def test_a_very_bad_day_offers_help_first_and_never_more_than_two(
    qtbot: QtBot, window: MainWindow
) -> None:
    done = _check_in(qtbot, window, "very_bad", ("loneliness", "money", "health"))
    assert 1 <= len(done.suggestion_buttons) <= 2
    first = load_report(window.ctx).library.by_key(done.suggestion_keys[0], "en")
    assert first is not None and "help" in first.topics


def test_a_good_day_offers_nothing_more(qtbot: QtBot, window: MainWindow) -> None:
    done = _check_in(qtbot, window, "good", ("family",))
    assert done.suggestion_buttons == []
    assert [b.accessibleName() for b in done.choices()] == [
        "See how I have been",
        "Back to the start",
    ]


def test_suggestions_follow_the_language(qtbot: QtBot, window: MainWindow) -> None:
    done = _check_in(qtbot, window, "not_good", ("worry",))
    english = [b.accessibleName() for b in done.suggestion_buttons]
    window.ctx.settings.set("language", "fr")
    french = [b.accessibleName() for b in done.suggestion_buttons]
    assert french[0].startswith("Lire : ") and french != english


def test_yesterdays_plan_is_asked_about_once_and_not_this_time_is_fine(
    qtbot: QtBot, window: MainWindow
) -> None:
    _plans(window).plan_for_tomorrow("planner", "walk", _today(window) - timedelta(days=1))
    _start(qtbot, window)
    question = window.current()
    assert isinstance(question, PlanQuestionScreen)
    assert question.title() == "Yesterday you planned: Go for a short walk. Did you do it?"
    assert [b.accessibleName() for b in question.choices()] == ["Yes", "Not this time"]
    press(qtbot, window, "Not this time")
    assert _plans(window).planned() is None  # asked once, then let go
    mood = window.current()
    assert isinstance(mood, MoodStepScreen)
    # Back from the first question goes where the check-in began, not to the plan again.
    assert isinstance(window._screens[-2], CheckInHubScreen)
    press(qtbot, window, "Okay")
    press(qtbot, window, "Skip this question")
    press(qtbot, window, "Finish")
    done = window.current()
    assert isinstance(done, ThankYouScreen)
    text = done.body_text()
    assert "That is all right. You can plan another small thing any time." in text
    for word in SCOLDING:
        assert word not in (question.title() + question.body_text() + text).lower()
    window.home()
    _start(qtbot, window)  # the next check-in does not ask again
    assert isinstance(window.current(), MoodStepScreen)


def test_a_plan_done_is_noticed_at_the_end(qtbot: QtBot, window: MainWindow) -> None:
    _plans(window).plan_for_tomorrow("planner", "call", _today(window) - timedelta(days=1))
    _start(qtbot, window)
    question = window.current()
    assert isinstance(question, PlanQuestionScreen)
    assert "Call or visit someone" in question.title()
    press(qtbot, window, "Yes")
    press(qtbot, window, "Good")
    press(qtbot, window, "Skip this question")
    press(qtbot, window, "Finish")
    done = window.current()
    assert isinstance(done, ThankYouScreen)
    assert "Well done on doing what you planned." in done.body_text()


def test_only_a_plan_for_today_or_the_last_week_is_asked_about(
    qtbot: QtBot, window: MainWindow
) -> None:
    today = _today(window)
    _plans(window).plan_for_tomorrow("planner", "music", today)  # planned today for tomorrow
    _start(qtbot, window)
    assert isinstance(window.current(), MoodStepScreen)
    assert _plans(window).planned() is not None  # kept for tomorrow's check-in
    window.home()

    _plans(window).plan_for_tomorrow("planner", "music", today - timedelta(days=4))
    _start(qtbot, window)
    question = window.current()
    assert isinstance(question, PlanQuestionScreen)
    assert question.title() == "You planned: Listen to music I like. Did you do it?"
    window.home()

    _plans(window).plan_for_tomorrow("planner", "music", today - timedelta(days=30))
    _start(qtbot, window)
    assert isinstance(window.current(), MoodStepScreen)
    assert _plans(window).planned() is None  # a month-old plan is let go without a question


def test_the_plan_question_speaks_french(qtbot: QtBot, window: MainWindow) -> None:
    window.ctx.settings.set("language", "fr")
    _plans(window).plan_for_tomorrow("planner", "walk", _today(window) - timedelta(days=1))
    _start(qtbot, window)
    question = window.current()
    assert question.title() == "Hier, vous aviez prévu : Faire une courte marche. L’avez-vous fait?"
    assert question.not_button.accessibleName() == "Pas cette fois-ci"  # type: ignore[attr-defined]
