"""Questionnaire screens: choose one, a first screen (no right or wrong answers, and who made
it), one item per screen with big answer buttons, the closing question, and the result."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path

from companion.checkin.attribution import attribution
from companion.checkin.follow_up import INSTRUMENT_TO_START, FollowUp, follow_ups
from companion.checkin.instrument_texts import (
    InstrumentContentError,
    InstrumentText,
    load_instrument,
)
from companion.checkin.instruments import SELF_HARM_FLAG, Score
from companion.checkin.outcome import FlowOutcome
from companion.checkin.questionnaire_flow import QuestionnaireFlow
from companion.checkin.wording import (
    INSTRUMENT_NAMES,
    NO_RIGHT_OR_WRONG,
    plain_name,
    question_of,
    result_sentences,
)
from companion.i18n import _
from ui.context import AppContext
from ui.screens.checkin.driver import QuestionnaireDriver
from ui.shared.checkin_common import checkin_store
from ui.shared.safety_plan_ways_in import offer_after_score
from ui.widgets.big_button import BigButton, SmallPrintButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


@lru_cache(maxsize=32)
def _wording(
    content_dir: Path, instrument_id: str, language: str, variant: str = ""
) -> InstrumentText:
    """Read each questionnaire file once per language (the screens redraw from it often)."""
    return load_instrument(content_dir, instrument_id, language, variant)


def wording(ctx: AppContext, instrument_id: str) -> InstrumentText:
    """The questionnaire in the person's language, in the regional form where one is kept."""
    variant = str(ctx.settings.get("region")).split("-")[0]
    return _wording(ctx.content_dir, instrument_id, ctx.language(), variant)


def instrument_title(ctx: AppContext, instrument_id: str) -> str:
    """The questionnaire's plain title ("Mood over the last two weeks"), or "" if unreadable."""
    try:
        return wording(ctx, instrument_id).title
    except InstrumentContentError:
        _log.exception("Questionnaire wording could not be loaded")
        return ""


def start_questionnaire(ctx: AppContext, instrument_id: str) -> None:
    """Begin `instrument_id` at its first screen (from the list, or from a result)."""
    try:
        has_closing = wording(ctx, instrument_id).closing_question is not None
    except InstrumentContentError:
        _log.exception("Questionnaire wording could not be loaded")
        return
    flow = QuestionnaireFlow(instrument_id, checkin_store(ctx), ctx.clock, has_closing)
    QuestionnaireDriver(ctx, flow).show_first()


class QuestionnairePickScreen(Screen):
    """Which set of questions to answer (those the schedule says are due, else all five)."""

    screen_id = "questionnaire_pick"

    def __init__(self, ctx: AppContext, instrument_ids: list[str]) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Which questions would you like to answer?"))
        self.add_text(
            lambda: _("Your doctor or counsellor may have asked you to answer one of these."),
            explain=True,  # where room is short, the questionnaires come first
        )
        self.problem = self.add_text(lambda: "", notice=True)
        self.problem.hide()
        self.buttons: dict[str, BigButton] = {}
        for instrument_id in instrument_ids[:6]:
            if not self._readable(instrument_id):
                continue
            # The plain name, the official one in small print under it; no check mark (it read
            # as "already done").
            button = self.add_choice(
                SmallPrintButton(
                    partial(plain_name, instrument_id),
                    partial(self._official_name, instrument_id),
                    "learn",
                )
            )
            button.clicked.connect(partial(self.open, instrument_id))
            self.buttons[instrument_id] = button
        self.finish_layout()

    def _official_name(self, instrument_id: str) -> str:
        return wording(self.ctx, instrument_id).name

    def _readable(self, instrument_id: str) -> bool:
        try:
            wording(self.ctx, instrument_id)
            return True
        except InstrumentContentError:
            _log.exception("Questionnaire wording could not be loaded")
            self.problem.setText(
                _("Some questions could not be opened. Please tell the person who helps you.")
            )
            self.problem.show()
            return False

    def open(self, instrument_id: str) -> None:
        start_questionnaire(self.ctx, instrument_id)


class QuestionnaireStartScreen(Screen):
    """Before the first question: no right or wrong answers, kept locked here; who made it."""

    screen_id = "questionnaire_start"
    is_step = True

    def __init__(self, ctx: AppContext, driver: QuestionnaireDriver) -> None:
        super().__init__(ctx)
        self.driver = driver
        instrument_id = driver.flow.instrument_id
        count = driver.flow.item_count
        self.set_title(lambda: wording(ctx, instrument_id).title)
        self.add_text(lambda: _(NO_RIGHT_OR_WRONG))
        self.add_text(
            lambda: _("There are {count} questions. You can stop at any time.").format(count=count)
        )
        self.credit = self.add_text(lambda: attribution(instrument_id), below_choices=True)
        self.start_button = self.add_choice(BigButton(lambda: _("Start the questions"), "next"))
        self.start_button.clicked.connect(self._start)
        self.finish_layout()

    def _start(self) -> None:
        self.ctx.nav().push(self.driver.item_screen())


ANSWER_LINE_CHARS = 24  # an answer's words a line where there is room
MIN_LINE_CHARS = 8  # never narrower: a long word stays whole on its own line
NARROW_MARGIN_PX = 16  # Screen.tighten_margins


class QuestionItemScreen(Screen):
    """One questionnaire item: the published question and its answers as big buttons."""

    screen_id = "questionnaire_item"
    is_step = True

    def __init__(self, ctx: AppContext, driver: QuestionnaireDriver) -> None:
        super().__init__(ctx)
        self.driver = driver
        self.flow = driver.flow
        self.index = self.flow.index
        position, count = self.flow.position, self.flow.item_count
        instrument_id = self.flow.instrument_id
        text = partial(wording, ctx, instrument_id)
        index = self.index
        self.set_title(lambda: text().items[index])
        self.add_text(lambda: text().stem)
        self.position_label = self.add_text(lambda: question_of(position, count))
        self.answers: dict[int, BigButton] = {}
        for choice_index, choice in enumerate(text().choices):
            button = self.add_choice(
                BigButton(
                    lambda i=choice_index: text().choices[i].label,  # type: ignore[misc]
                    None,
                    checkable=True,
                )
            )
            button.setChecked(self.flow.answers[index] == choice.value)
            button.clicked.connect(partial(self.choose, choice.value))
            self.answers[choice.value] = button
        self.may_page = False  # an answer on another page biases the answer: all in view
        self.finish_layout()

    def room_savers(self) -> list[Callable[[bool], None]]:
        """Answers on two short lines (two by two), narrower margins, snug buttons, the
        question in body-size bold, then "Question 1 of 9" goes (kept in the description)."""
        return [
            self._answers_narrow,
            self.tighten_margins,
            self.snug_choices,
            self.tighten_title,
            self.position_label.setHidden,
        ]

    def _answers_narrow(self, on: bool) -> None:
        """Two by two, never three and one; each answer's words wrapped to its cell's width
        (a fixed count of letters left French answers on three lines at 200%)."""
        self.grid.set_max_columns(2 if on else 3)
        buttons = list(self.answers.values())
        if not on:
            for button in buttons:
                button.set_line_chars(ANSWER_LINE_CHARS)
            return
        cell = self._cell_width()
        for button in buttons:
            button.wrap_to(None)  # measured at their own wrapping, as the grid will
        for chars in range(ANSWER_LINE_CHARS, MIN_LINE_CHARS - 1, -1):
            for button in buttons:
                button.set_line_chars(chars)
            if max(button.sizeHint().width() for button in buttons) <= cell:
                break

    def _cell_width(self) -> int:
        """The width of one of two columns of answers, as if a scroll bar took its width, with
        the narrow margins the next way to save room gives (the grid keeps one column until
        they are narrow, if it must)."""
        margins = self.body_layout.contentsMargins()
        sides = min(margins.left() + margins.right(), 2 * NARROW_MARGIN_PX)
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        inner = self._scroll.width() - sides - bar
        return (inner - self.body_layout.spacing()) // 2

    def choose(self, value: int) -> None:
        for other, button in self.answers.items():
            button.setChecked(other == value)
        flow, number = self.flow, self.index + 1

        def answer() -> FlowOutcome:
            if flow.index != number - 1 or flow.on_difficulty:  # came back with Back
                flow.go_to(number)
            return flow.answer(value)

        self.driver.press(answer)

    def on_closed(self) -> None:
        self.driver.item_closed()


class ClosingQuestionScreen(Screen):
    """The published PHQ-9 / GAD-7 closing question: not scored, may be skipped, kept."""

    screen_id = "questionnaire_closing"
    is_step = True

    def __init__(self, ctx: AppContext, driver: QuestionnaireDriver) -> None:
        super().__init__(ctx)
        self.driver = driver
        self.flow = driver.flow
        instrument_id = self.flow.instrument_id

        def question() -> str:
            closing = wording(ctx, instrument_id).closing_question
            return closing.text if closing is not None else ""

        # A short title; the long published question as body text, so its answers stay in view.
        self.set_title(self.flow.progress_text)
        self.question_label = self.add_text(question)
        closing = wording(ctx, instrument_id).closing_question
        self.answers: dict[int, BigButton] = {}
        for choice in closing.choices if closing is not None else ():
            button = self.add_choice(
                BigButton(partial(self._choice_words, choice.value), None, checkable=True)
            )
            button.clicked.connect(partial(self.choose, choice.value))
            self.answers[choice.value] = button
        self.skip_button = self.add_choice(BigButton(lambda: _("Skip this question"), "next"))
        self.skip_button.clicked.connect(lambda: self.choose(None))
        self.finish_layout()

    def _choice_words(self, value: int) -> str:
        closing = wording(self.ctx, self.flow.instrument_id).closing_question
        return closing.choices[value].label if closing is not None else ""

    def choose(self, value: int | None) -> None:
        flow = self.flow
        if flow.on_difficulty:
            self.driver.press(lambda: flow.answer_difficulty(value))

    def on_closed(self) -> None:
        self.driver.item_closed()


RESULT_SENTENCES_ABOVE = 2
FOLLOW_UP_WORDS = {
    FollowUp.HELP_NOW: (lambda: _("Get help now"), "help-now"),
    FollowUp.TRUSTED_PEOPLE: (lambda: _("Talk to someone I trust"), "phone"),
    FollowUp.START_PHQ9: (lambda: _("Answer the longer questions about mood"), "check"),
    FollowUp.START_GAD7: (lambda: _("Answer the longer questions about worry"), "check"),
    FollowUp.HOME: (lambda: _("Back to the start"), "home"),
}


class ResultScreen(Screen):
    """What the score means, in plain words; then what to do next, most important first."""

    screen_id = "questionnaire_result"
    is_step = True

    def __init__(self, ctx: AppContext, score: Score) -> None:
        super().__init__(ctx)
        self.score = score
        name = INSTRUMENT_NAMES.get(score.instrument_id, score.instrument_id)
        self.set_title(lambda: _("Your {name} result").format(name=name))
        # The score and what it means first; "not a diagnosis" and "share it" below the
        # choices, so the choices stay in view at large text, and where room is still short
        # they fold behind "Tell me more" (never "please reach out" after a self-harm answer).
        sentences = result_sentences(score)
        for index in range(len(sentences)):
            self.add_text(
                lambda i=index: result_sentences(score)[i],  # type: ignore[misc]
                below_choices=index >= RESULT_SENTENCES_ABOVE,
                explain=index >= RESULT_SENTENCES_ABOVE
                and not (SELF_HARM_FLAG in score.flags and index < len(sentences) - 1),
            )
        self.follow_up_buttons: dict[FollowUp, BigButton] = {}
        for follow_up in follow_ups(score):
            words, icon = FOLLOW_UP_WORDS[follow_up]
            button = self.add_choice(BigButton(words, icon, line_chars=30))
            button.clicked.connect(partial(self.choose, follow_up))
            self.follow_up_buttons[follow_up] = button
        self.home_button = self.follow_up_buttons[FollowUp.HOME]
        self.finish_layout()
        offer_after_score(self, score)  # after the self-harm question route, at most weekly

    def choose(self, follow_up: FollowUp) -> None:
        nav = self.ctx.nav()
        if follow_up == FollowUp.HELP_NOW:
            nav.show_help_now()
        elif follow_up == FollowUp.TRUSTED_PEOPLE:
            from ui.screens.checkin.trusted_people import TrustedPeopleScreen

            nav.push(TrustedPeopleScreen(self.ctx))
        elif follow_up in INSTRUMENT_TO_START:
            nav.home()
            start_questionnaire(self.ctx, INSTRUMENT_TO_START[follow_up])
        else:
            nav.home()
