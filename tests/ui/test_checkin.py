"""A full check-in as people do it: by mouse, by keyboard alone, and by two-switch scanning."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from companion.checkin.models import CheckIn
from companion.checkin.store import CheckInStore
from tests.ui.helpers import press
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.checkin.done import ThankYouScreen
from ui.screens.checkin.hub import CheckInHubScreen, ResumeScreen
from ui.screens.checkin.questionnaire import (
    QuestionItemScreen,
    QuestionnairePickScreen,
    ResultScreen,
)
from ui.screens.checkin.steps import MoodStepScreen, NoteStepScreen, TagsStepScreen
from ui.screens.help_now.screen import HelpNowScreen
from ui.shared.checkin_common import checkin_store

ALL_TIME = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


def _open_hub(window: MainWindow) -> CheckInHubScreen:
    hub = CheckInHubScreen(window.ctx)
    window.push(hub)
    return hub


def _store(window: MainWindow) -> CheckInStore:
    return checkin_store(window.ctx)


def _finished(window: MainWindow) -> list[CheckIn]:
    return _store(window).checkins_between(*ALL_TIME)


def _click(qtbot: QtBot, widget: QWidget) -> None:
    """Press, then wait for the screen to change (the save runs in the background)."""
    ctx = widget.window().ctx  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, ctx)


def test_a_full_check_in_by_mouse(qtbot: QtBot, window: MainWindow) -> None:
    _open_hub(window)
    press(qtbot, window, "Check in now")
    mood = window.current()
    assert isinstance(mood, MoodStepScreen)
    assert mood.title() == "How are you feeling today?"
    assert "Question 1 of 3" in mood.body_text()
    assert [b.accessibleName() for b in mood.faces.values()] == [
        "Very good",
        "Good",
        "Okay",
        "Not good",
        "Very bad",
    ]
    for button in mood.choices():
        assert button.width() >= 64 and button.height() >= 64
    press(qtbot, window, "Good")

    tags = window.current()
    assert isinstance(tags, TagsStepScreen)
    assert "Question 2 of 3" in tags.body_text()
    press(qtbot, window, "Sleep")
    press(qtbot, window, "Family")
    assert "Chosen" in tags.tags["sleep"].accessibleDescription()
    press(qtbot, window, "Next")

    note = window.current()
    assert isinstance(note, NoteStepScreen)
    qtbot.keyClicks(note.note_box, "Tea with Anne.")
    press(qtbot, window, "Finish")

    assert isinstance(window.current(), ThankYouScreen)
    [saved] = _finished(window)
    assert (saved.mood, saved.tags, saved.note) == ("good", {"sleep", "family"}, "Tea with Anne.")
    assert _store(window).latest_draft() is None
    # Back from the thank-you screen does not lead into a finished check-in.
    window.back()
    assert window.current().screen_id == "home"


def test_back_changes_an_answer_and_skip_is_always_there(qtbot: QtBot, window: MainWindow) -> None:
    _open_hub(window)
    press(qtbot, window, "Check in now")
    press(qtbot, window, "Very bad")
    assert isinstance(window.current(), TagsStepScreen)
    press(qtbot, window, "Back")
    mood = window.current()
    assert isinstance(mood, MoodStepScreen)
    assert mood.faces["very_bad"].isChecked()
    press(qtbot, window, "Okay")
    for _ in range(2):
        press(qtbot, window, "Skip this question")
    [saved] = _finished(window)
    assert saved.mood == "okay" and saved.tags == frozenset()


def test_a_full_check_in_by_keyboard_alone(qtbot: QtBot, window: MainWindow) -> None:
    def press(key: Qt.Key) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, key)

    hub = _open_hub(window)
    assert QApplication.focusWidget() is hub.checkin_button
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.current(), MoodStepScreen))
    assert QApplication.focusWidget() is window.current().faces["very_good"]  # type: ignore[attr-defined]
    press(Qt.Key.Key_Tab)  # to "Good"
    press(Qt.Key.Key_Tab)  # to "Okay"
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.current(), TagsStepScreen))
    tags = window.current()
    assert QApplication.focusWidget() is tags.tags["sleep"]  # type: ignore[attr-defined]
    press(Qt.Key.Key_Space)  # sleep
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)  # loneliness
    press(Qt.Key.Key_Space)
    for _ in range(3):  # past "Family" and "More choices" to Next
        press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tags.next_button  # type: ignore[attr-defined]
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.current(), NoteStepScreen))
    note = window.current()
    assert QApplication.focusWidget() is note.note_box  # type: ignore[attr-defined]
    qtbot.keyClicks(note.note_box, "Quiet day")  # type: ignore[attr-defined]
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is note.finish_button  # type: ignore[attr-defined]
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.current(), ThankYouScreen))
    [saved] = _finished(window)
    assert (saved.mood, saved.tags, saved.note) == ("okay", {"sleep", "loneliness"}, "Quiet day")


def _scan_steps_to(qtbot: QtBot, window: MainWindow, target: QWidget) -> int:
    """Switch presses (Space = next, Enter = choose) until `target` is highlighted."""
    steps = 0
    while not window.current().body.property("scanGroup"):  # the top bar, then the screen
        qtbot.keyClick(window, Qt.Key.Key_Space)
        steps += 1
        assert steps <= 3
    qtbot.keyClick(window, Qt.Key.Key_Return)  # into the screen's group: its first control
    steps += 1
    while QApplication.focusWidget() is not target:
        qtbot.keyClick(window, Qt.Key.Key_Space)
        steps += 1
        assert steps <= 20, f"never reached {target.accessibleName()}"
    return steps


def _choose_by_scanning(qtbot: QtBot, window: MainWindow, target: QWidget) -> None:
    steps = _scan_steps_to(qtbot, window, target)
    assert steps <= 8, f"{target.accessibleName()}: {steps} steps"
    qtbot.keyClick(window, Qt.Key.Key_Return)


def test_a_full_check_in_by_two_switches(qtbot: QtBot, window: MainWindow) -> None:
    window.ctx.settings.set("switch_mode", "two_switches")

    def choose(target: QWidget) -> None:
        _choose_by_scanning(qtbot, window, target)

    choose(_open_hub(window).checkin_button)
    qtbot.waitUntil(lambda: isinstance(window.current(), MoodStepScreen))
    choose(window.current().faces["not_good"])  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: isinstance(window.current(), TagsStepScreen))
    tags = window.current()
    choose(tags.tags["pain"])  # type: ignore[attr-defined]
    choose(tags.page_button)  # type: ignore[attr-defined]
    choose(tags.tags["money"])  # type: ignore[attr-defined]
    choose(tags.page_button)  # type: ignore[attr-defined]
    assert tags.tags["pain"].isChecked()  # type: ignore[attr-defined]
    choose(tags.next_button)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: isinstance(window.current(), NoteStepScreen))
    choose(window.current().finish_button)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: isinstance(window.current(), ThankYouScreen))
    [saved] = _finished(window)
    assert (saved.mood, saved.tags) == ("not_good", {"pain", "money"})


def test_each_page_of_tags_keeps_to_six_choices_reached_in_eight_switch_steps(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.ctx.settings.set("switch_mode", "two_switches")
    _open_hub(window)
    press(qtbot, window, "Check in now")
    press(qtbot, window, "Okay")
    tags = window.current()
    assert isinstance(tags, TagsStepScreen)
    seen: list[str] = []
    for _page in range(2):
        controls = [w for w in tags.choices() if w.isVisible() and w.isEnabled()]
        assert len(controls) <= 6
        assert "Question 2 of 3" in tags.body_text()
        for control in controls:
            window.scanner.reset()
            assert _scan_steps_to(qtbot, window, control) <= 8, control.accessibleName()
        seen += [name for name, b in tags.tags.items() if b.isVisible()]
        _click(qtbot, tags.page_button)
        assert QApplication.focusWidget() in tags.tags.values()  # on the new page's first tag
    assert sorted(seen) == sorted(tags.tags)  # every tag on exactly one of the two pages
    assert len(seen) == 8


def test_tags_chosen_on_both_pages_are_kept_and_next_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open_hub(window)
    press(qtbot, window, "Check in now")
    press(qtbot, window, "Good")
    tags = window.current()
    assert isinstance(tags, TagsStepScreen)
    assert tags.next_button.accessibleName() == "Skip this question"
    press(qtbot, window, "Family")
    assert tags.next_button.accessibleName() == "Next"
    assert tags.page_button.accessibleName() == "More choices"
    press(qtbot, window, "More choices")
    assert tags.page_button.accessibleName() == "Back to the first choices"
    assert not tags.tags["family"].isVisible() and tags.tags["health"].isVisible()
    press(qtbot, window, "Health")
    press(qtbot, window, "Back to the first choices")
    assert tags.tags["family"].isChecked() and tags.tags["family"].isVisible()
    spoken = " ".join(part.sentence for part in tags.reading_order())
    assert "Sleep, Pain, Loneliness, Family, More choices, Next" in spoken
    press(qtbot, window, "Next")
    window.back()  # Back from the note: the same page, the same answers
    assert window.current() is tags and tags.tags["health"].isChecked()
    assert _store(window).latest_draft().tags == {"family", "health"}  # type: ignore[union-attr]


def test_get_help_now_from_a_step_keeps_the_check_in_and_comes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open_hub(window)
    press(qtbot, window, "Check in now")
    press(qtbot, window, "Very bad")
    tags = window.current()
    press(qtbot, window, "More choices")
    press(qtbot, window, "Worry")
    press(qtbot, window, "Get help now")
    assert isinstance(window.current(), HelpNowScreen)
    draft = _store(window).latest_draft()
    assert draft is not None and draft.mood == "very_bad" and "worry" in draft.tags
    press(qtbot, window, "Back")
    assert window.current() is tags


def test_a_second_very_bad_day_offers_help_kindly_on_the_thank_you(
    qtbot: QtBot, window: MainWindow
) -> None:
    earlier = datetime(2026, 3, 13, 9, 0, tzinfo=UTC)
    _store(window).finish(
        CheckIn(None, earlier, earlier, "very_bad", frozenset({"loneliness"}), "", False)
    )
    _open_hub(window)
    press(qtbot, window, "Check in now")
    press(qtbot, window, "Very bad")
    press(qtbot, window, "Skip this question")
    assert isinstance(window.current(), NoteStepScreen)  # nothing opens by itself
    press(qtbot, window, "Finish")
    thanks = window.current()
    assert isinstance(thanks, ThankYouScreen)
    assert "things have been hard lately" in thanks.body_text()
    assert "watch" not in thanks.body_text().lower()
    assert thanks.help_button is not None and thanks.choices()[0] is thanks.help_button
    press(qtbot, window, "Get help now")
    assert isinstance(window.current(), HelpNowScreen)


def test_an_interrupted_check_in_is_offered_next_time(qtbot: QtBot, window: MainWindow) -> None:
    _open_hub(window)
    press(qtbot, window, "Check in now")
    press(qtbot, window, "Good")
    press(qtbot, window, "Home")
    _open_hub(window)
    press(qtbot, window, "Check in now")
    resume = window.current()
    assert isinstance(resume, ResumeScreen)
    assert "Good" in resume.body_text()
    press(qtbot, window, "Carry on")
    assert isinstance(window.current(), TagsStepScreen)


def test_each_step_is_read_aloud_when_the_setting_is_on(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    window.ctx.settings.set("read_steps_aloud", True)
    _open_hub(window)
    press(qtbot, window, "Check in now")
    assert any("How are you feeling today?" in text for text in speech.texts())
    assert any("Very good" in text for text in speech.texts())


def test_phq9_item_nine_opens_help_with_the_result_kept(qtbot: QtBot, window: MainWindow) -> None:
    pick = QuestionnairePickScreen(window.ctx, ["phq9", "gad7", "who5"])
    window.push(pick)
    press(qtbot, window, "Questions about low mood")
    press(qtbot, window, "Start the questions")
    for number in range(1, 10):
        item = window.current()
        assert isinstance(item, QuestionItemScreen)
        assert f"Question {number} of 9" in item.body_text()
        answer = 1 if number == 9 else 0
        _click(qtbot, item.answers[answer])
    assert isinstance(window.current(), HelpNowScreen)
    window.back()
    result = window.current()
    assert isinstance(result, ResultScreen)
    text = result.body_text()
    assert "matters more than your score of 1" in text and "clinician" in text
    assert "few signs" not in text
    [saved] = _store(window).results_between(*ALL_TIME)
    assert "self_harm" in saved.flags


def test_who5_shows_six_answers_and_its_percentage(qtbot: QtBot, window: MainWindow) -> None:
    pick = QuestionnairePickScreen(window.ctx, ["who5"])
    window.push(pick)
    press(qtbot, window, "Questions about well-being")
    press(qtbot, window, "Start the questions")
    first = window.current()
    assert first.answers[5].accessibleName() == "All of the time"  # type: ignore[attr-defined]
    for _ in range(5):
        press(qtbot, window, "More than half of the time")
    result = window.current()
    assert isinstance(result, ResultScreen)
    assert "60 out of 100" in result.body_text()


def test_questionnaire_back_changes_the_previous_answer(qtbot: QtBot, window: MainWindow) -> None:
    pick = QuestionnairePickScreen(window.ctx, ["gad2"])
    window.push(pick)
    press(qtbot, window, "A few questions about worry")
    press(qtbot, window, "Start the questions")
    press(qtbot, window, "Nearly every day")
    window.back()
    press(qtbot, window, "Not at all")
    press(qtbot, window, "Several days")
    [saved] = _store(window).results_between(*ALL_TIME)
    assert saved.answers == (0, 1)


def test_check_in_screens_switch_to_french_live(qtbot: QtBot, window: MainWindow) -> None:
    _open_hub(window)
    press(qtbot, window, "Check in now")
    window.ctx.settings.set("language", "fr")
    mood = window.current()
    assert mood.title() == "Comment vous sentez-vous aujourd’hui?"
    assert mood.faces["very_good"].accessibleName() == "Très bien"  # type: ignore[attr-defined]


def test_the_hub_invites_to_a_questionnaire_the_schedule_says_is_due(
    qtbot: QtBot, window: MainWindow
) -> None:
    from companion.checkin.schedule import CheckInSchedule, QuestionnaireEvery, save_schedule
    from companion.people.profiles import guest_session

    session = guest_session()
    window.ctx.session = session
    save_schedule(session.preferences, CheckInSchedule(None, (QuestionnaireEvery("phq9", 14),)))
    hub = _open_hub(window)
    wait_for_runner(qtbot, window.ctx)
    assert "there are some questions about low mood for you" in hub.body_text()
    press(qtbot, window, "Answer questions")
    assert list(window.current().buttons) == ["phq9"]  # type: ignore[attr-defined]
    # The check-in itself goes to the person's own store, not the guest fallback.
    press(qtbot, window, "Back")
    press(qtbot, window, "Check in now")
    press(qtbot, window, "Good")
    assert session.checkins.latest_draft() is not None
