"""The safety route through the real widgets: Get help now is read aloud however it opens (the
spoken text is recorded), the result after a self-harm answer puts help first, and a positive
short questionnaire starts the long one in one press. In English and in French."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.checkin.follow_up import FollowUp
from tests.ui.helpers import press
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.screens.checkin.questionnaire import (
    ClosingQuestionScreen,
    QuestionItemScreen,
    QuestionnairePickScreen,
    QuestionnaireStartScreen,
    ResultScreen,
)
from ui.screens.checkin.trusted_people import TrustedPeopleScreen
from ui.screens.help_now.screen import HelpNowScreen

WORDS = {
    "en": {"title": "Get help now", "line": "Call or text 9-8-8."},
    "fr": {"title": "Obtenir de l’aide maintenant", "line": "Appelez ou textez le 9-8-8."},
}


def _click(qtbot: QtBot, widget: QWidget) -> None:
    """Press, then wait for the screen to change (each answer goes through the runner)."""
    ctx = widget.window().ctx  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, ctx)


def _press(qtbot: QtBot, screen: QWidget, name: str) -> None:
    """Press the control a person sees with this name (its accessible name)."""
    found = [w for w in screen.findChildren(QWidget) if w.accessibleName() == name]
    assert found, f"no control named {name!r}"
    _click(qtbot, found[0])


class SpokenSinceLastStop:
    """What speech was asked to say since the last time it was stopped (what is heard now)."""

    def __init__(self, speech: RecordingSpeech) -> None:
        self.speech = speech
        self.mark = 0
        original = speech.stop

        def stop() -> None:
            self.mark = len(speech.queued)
            original()

        speech.stop = stop

    def texts(self) -> list[str]:
        return self.speech.texts()[self.mark :]


@pytest.fixture
def listening_window(qtbot: QtBot, make_ctx: Callable[..., AppContext]):  # type: ignore[no-untyped-def]
    def build(language: str = "en", **settings: object) -> MainWindow:
        window = build_window(make_ctx(language=language, **settings))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield build
    from companion.i18n import set_language

    set_language("en")


def _assert_help_now_is_heard(
    window: MainWindow, heard: SpokenSinceLastStop, language: str
) -> None:
    screen = window.current()
    assert isinstance(screen, HelpNowScreen)
    spoken = heard.texts()
    assert spoken, "Get help now opened in silence"
    assert spoken == [part.sentence for part in screen.reading_order()]
    assert spoken[0] == WORDS[language]["title"]
    assert any(WORDS[language]["line"] in sentence for sentence in spoken)


def _answer_phq9_with_item_nine(qtbot: QtBot, window: MainWindow, item_nine: int) -> None:
    pick = QuestionnairePickScreen(window.ctx, ["phq9"])
    window.push(pick)
    _click(qtbot, pick.buttons["phq9"])
    start = window.current()
    assert isinstance(start, QuestionnaireStartScreen)
    _click(qtbot, start.start_button)
    for number in range(1, 10):
        item = window.current()
        assert isinstance(item, QuestionItemScreen)
        _click(qtbot, item.answers[item_nine if number == 9 else 0])


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("setting", ["read_steps_aloud", "talking_buttons"])
def test_help_now_opened_by_item_nine_is_read_aloud(
    qtbot: QtBot,
    listening_window: Callable[..., MainWindow],
    speech: RecordingSpeech,
    language: str,
    setting: str,
) -> None:
    window = listening_window(language, **{setting: True})
    heard = SpokenSinceLastStop(speech)
    _answer_phq9_with_item_nine(qtbot, window, 1)
    _assert_help_now_is_heard(window, heard, language)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_help_now_from_the_top_bar_is_read_aloud(
    qtbot: QtBot,
    listening_window: Callable[..., MainWindow],
    speech: RecordingSpeech,
    language: str,
) -> None:
    window = listening_window(language, read_steps_aloud=True)
    heard = SpokenSinceLastStop(speech)
    _click(qtbot, window.top_bar.help_button)
    _assert_help_now_is_heard(window, heard, language)
    # Pressed again while it is showing: said again, not silence.
    _click(qtbot, window.top_bar.help_button)
    _assert_help_now_is_heard(window, heard, language)


def test_help_now_is_read_when_read_this_to_me_was_going_on(
    qtbot: QtBot, listening_window: Callable[..., MainWindow], speech: RecordingSpeech
) -> None:
    window = listening_window("en")  # no speech setting: the person pressed "Read this to me"
    heard = SpokenSinceLastStop(speech)
    press(qtbot, window, "Read this to me")
    assert window.reader.reading
    press(qtbot, window, "Get help now")
    _assert_help_now_is_heard(window, heard, "en")


def test_help_now_stays_quiet_when_no_speech_is_on(
    qtbot: QtBot, listening_window: Callable[..., MainWindow], speech: RecordingSpeech
) -> None:
    window = listening_window("en")
    heard = SpokenSinceLastStop(speech)
    press(qtbot, window, "Get help now")
    assert isinstance(window.current(), HelpNowScreen)
    assert heard.texts() == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_help_now_from_the_result_and_after_changing_region_is_read_aloud(
    qtbot: QtBot,
    listening_window: Callable[..., MainWindow],
    speech: RecordingSpeech,
    language: str,
) -> None:
    window = listening_window(language, read_steps_aloud=True)
    heard = SpokenSinceLastStop(speech)
    _answer_phq9_with_item_nine(qtbot, window, 2)
    window.back()
    result = window.current()
    assert isinstance(result, ResultScreen)
    _click(qtbot, result.follow_up_buttons[FollowUp.HELP_NOW])
    _assert_help_now_is_heard(window, heard, language)
    help_now = window.current()
    assert isinstance(help_now, HelpNowScreen)
    _click(qtbot, help_now.change_region)
    press(qtbot, window, "Canada")
    _assert_help_now_is_heard(window, heard, language)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_after_item_nine_the_result_puts_help_and_trusted_people_first(
    qtbot: QtBot, listening_window: Callable[..., MainWindow], language: str
) -> None:
    window = listening_window(language)
    _answer_phq9_with_item_nine(qtbot, window, 1)
    window.back()
    result = window.current()
    assert isinstance(result, ResultScreen)
    first, second, *_rest = result.choices()
    assert first is result.follow_up_buttons[FollowUp.HELP_NOW]
    assert second is result.follow_up_buttons[FollowUp.TRUSTED_PEOPLE]
    text = result.body_text()
    reassuring = {"en": "few signs", "fr": "peu de signes"}[language]
    assert reassuring not in text
    assert {"en": "matters more than your score of 1", "fr": "compte plus que votre score de 1"}[
        language
    ] in text
    _click(qtbot, second)
    assert isinstance(window.current(), TrustedPeopleScreen)


def test_talk_to_someone_i_trust_shows_the_persons_own_people(
    qtbot: QtBot, listening_window: Callable[..., MainWindow]
) -> None:
    from companion.safety.crisis import EmergencyContact

    window = listening_window("en")
    contacts = window.ctx.session.contacts  # type: ignore[union-attr]
    contacts.set_contacts([EmergencyContact("Ann", "555 0101", "daughter")])
    window.push(TrustedPeopleScreen(window.ctx))
    # The people are read on the runner: a short wait sentence first, then the people.
    assert "Looking for your people..." in window.current().body_text()
    wait_for_runner(qtbot, window.ctx)
    text = window.current().body_text()
    assert "Ann (daughter): 555 0101" in text and "Looking" not in text


@pytest.mark.parametrize(
    ("short", "answers", "long_id", "long_count"),
    [("phq2", (3, 0), "phq9", 9), ("gad2", (2, 1), "gad7", 7)],
)
def test_a_positive_short_form_starts_the_long_one_in_one_press(
    qtbot: QtBot,
    listening_window: Callable[..., MainWindow],
    short: str,
    answers: tuple[int, int],
    long_id: str,
    long_count: int,
) -> None:
    window = listening_window("en")
    pick = QuestionnairePickScreen(window.ctx, [short])
    window.push(pick)
    _click(qtbot, pick.buttons[short])
    press(qtbot, window, "Start the questions")
    for value in answers:
        _click(qtbot, window.current().answers[value])  # type: ignore[attr-defined]
    result = window.current()
    assert isinstance(result, ResultScreen)
    first = result.choices()[0]
    _click(qtbot, first)
    start = window.current()
    assert isinstance(start, QuestionnaireStartScreen)
    assert start.driver.flow.instrument_id == long_id
    assert f"There are {long_count} questions." in start.body_text()


def test_a_low_who5_offers_the_phq9_and_says_a_doctor_is_a_good_idea(
    qtbot: QtBot, listening_window: Callable[..., MainWindow]
) -> None:
    window = listening_window("en")
    pick = QuestionnairePickScreen(window.ctx, ["who5"])
    window.push(pick)
    press(qtbot, window, "Questions about well-being")
    press(qtbot, window, "Start the questions")
    for _ in range(5):
        press(qtbot, window, "Some of the time")
    result = window.current()
    assert isinstance(result, ResultScreen)
    assert "20 out of 100" in result.body_text()
    assert "Talking to a doctor about this is a good idea." in result.body_text()
    assert FollowUp.START_PHQ9 in result.follow_up_buttons


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_first_screen_says_no_right_or_wrong_and_credits_the_authors(
    qtbot: QtBot, listening_window: Callable[..., MainWindow], language: str
) -> None:
    window = listening_window(language)
    pick = QuestionnairePickScreen(window.ctx, ["gad7", "who5"])
    window.push(pick)
    _click(qtbot, pick.buttons["gad7"])
    start = window.current()
    assert isinstance(start, QuestionnaireStartScreen)
    text = start.body_text()
    assert {
        "en": "There are no right or wrong answers. Your answers stay on this computer, locked.",
        "fr": "Il n’y a pas de bonnes ou de mauvaises réponses.",
    }[language] in text
    assert "Spitzer" in text and "Pfizer" in text
    window.back()
    window.back()
    window.push(QuestionnairePickScreen(window.ctx, ["who5"]))
    _click(qtbot, window.current().buttons["who5"])  # type: ignore[attr-defined]
    assert "Psychiatric Research Unit" in window.current().body_text()


def test_the_gad7_ends_with_the_difficulty_question_kept_with_the_result(
    qtbot: QtBot, listening_window: Callable[..., MainWindow]
) -> None:
    from datetime import UTC, datetime

    from ui.shared.checkin_common import checkin_store

    window = listening_window("en")
    pick = QuestionnairePickScreen(window.ctx, ["gad7"])
    window.push(pick)
    press(qtbot, window, "Questions about worry")
    press(qtbot, window, "Start the questions")
    for _ in range(7):
        _press(qtbot, window.current(), "Several days")
    closing = window.current()
    assert isinstance(closing, ClosingQuestionScreen)
    assert closing.title() == "One last question. It is not part of the score."
    assert closing.body_text().startswith("If you checked off any problems")
    _press(qtbot, closing, "Very difficult")
    assert isinstance(window.current(), ResultScreen)
    [saved] = checkin_store(window.ctx).results_between(
        datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    )
    assert saved.total == 7 and saved.difficulty == 2


def test_history_shows_each_questionnaires_score_over_time_in_words(
    qtbot: QtBot, listening_window: Callable[..., MainWindow]
) -> None:
    from datetime import timedelta

    from companion.checkin.instruments import score
    from companion.checkin.models import QuestionnaireResult
    from ui.screens.checkin.history import HistoryScreen
    from ui.screens.checkin.score_history import ScoreHistoryScreen
    from ui.shared.checkin_common import checkin_store

    window = listening_window("en")
    store = checkin_store(window.ctx)
    now = window.ctx.clock.now()
    for days_ago, answers in ((28, [3, 3]), (1, [1, 0])):
        scored = score("phq2", answers)
        store.save_result(
            QuestionnaireResult(
                None,
                "phq2",
                now - timedelta(days=days_ago),
                tuple(answers),
                scored.total,
                scored.band,
                scored.flags,
            )
        )
    history = HistoryScreen(window.ctx)
    window.push(history)
    _press(qtbot, history, "My questionnaire scores")
    screen = window.current()
    assert isinstance(screen, ScoreHistoryScreen)
    text = screen.body_text()
    assert "Short questions about low mood (PHQ-2): 6 on" in text
    assert "Fewer signs than at the start." in text
