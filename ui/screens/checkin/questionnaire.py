"""Questionnaire screens: choose one, one item per screen with big answer buttons, the result."""

from __future__ import annotations

import logging
from functools import lru_cache, partial
from pathlib import Path

from companion.checkin.instrument_texts import (
    InstrumentContentError,
    InstrumentText,
    load_instrument,
)
from companion.checkin.instruments import Score
from companion.checkin.questionnaire_flow import QuestionnaireFlow
from companion.checkin.wording import INSTRUMENT_NAMES, plain_name, result_sentences
from companion.i18n import _
from ui.context import AppContext
from ui.screens.checkin.common import checkin_store
from ui.screens.checkin.driver import QuestionnaireDriver
from ui.widgets.big_button import BigButton, SmallPrintButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


@lru_cache(maxsize=32)
def _wording(content_dir: Path, instrument_id: str, language: str) -> InstrumentText:
    """Read each questionnaire file once per language (the screens redraw from it often)."""
    return load_instrument(content_dir, instrument_id, language)


def instrument_title(ctx: AppContext, instrument_id: str) -> str:
    """The questionnaire's plain title ("Mood over the last two weeks"), or "" if unreadable."""
    try:
        return _wording(ctx.content_dir, instrument_id, ctx.language()).title
    except InstrumentContentError:
        _log.exception("Questionnaire wording could not be loaded")
        return ""


class QuestionnairePickScreen(Screen):
    """Which set of questions to answer (those the schedule says are due, else all five)."""

    screen_id = "questionnaire_pick"

    def __init__(self, ctx: AppContext, instrument_ids: list[str]) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Which questions would you like to answer?"))
        self.add_text(
            lambda: _("Your doctor or counsellor may have asked you to answer one of these.")
        )
        self.problem = self.add_text(lambda: "", notice=True)
        self.problem.hide()
        self.buttons: dict[str, BigButton] = {}
        for instrument_id in instrument_ids[:6]:
            texts = self._load_wording(instrument_id)
            if texts is None:
                continue
            # The plain name, the official one in small print under it; no check mark (it read
            # as "already done").
            button = self.add_choice(
                SmallPrintButton(
                    partial(plain_name, instrument_id), lambda t=texts: t.name, "learn"
                )
            )
            button.clicked.connect(partial(self.open, instrument_id))
            self.buttons[instrument_id] = button
        self.finish_layout()

    def _load_wording(self, instrument_id: str) -> InstrumentText | None:
        try:
            return _wording(self.ctx.content_dir, instrument_id, self.ctx.language())
        except InstrumentContentError:
            _log.exception("Questionnaire wording could not be loaded")
            self.problem.setText(
                _("Some questions could not be opened. Please tell the person who helps you.")
            )
            self.problem.show()
            return None

    def open(self, instrument_id: str) -> None:
        flow = QuestionnaireFlow(instrument_id, checkin_store(self.ctx), self.ctx.clock)
        QuestionnaireDriver(self.ctx, flow).show_first()


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
        text = lambda: _wording(ctx.content_dir, instrument_id, ctx.language())  # noqa: E731
        index = self.index
        self.set_title(lambda: text().items[index])
        self.add_text(lambda: text().stem)
        self.add_text(
            lambda: _("Question {number} of {count}").format(number=position, count=count)
        )
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
        self.finish_layout()

    def choose(self, value: int) -> None:
        for other, button in self.answers.items():
            button.setChecked(other == value)
        if self.flow.index != self.index:  # came back here with Back: the flow follows
            self.flow.go_to(self.index + 1)
        self.driver.follow(self.flow.answer(value))

    def on_closed(self) -> None:
        self.driver.item_closed()


class ResultScreen(Screen):
    """What the score means, in plain words; not a diagnosis; share it with your clinician."""

    screen_id = "questionnaire_result"
    is_step = True

    def __init__(self, ctx: AppContext, score: Score) -> None:
        super().__init__(ctx)
        self.score = score
        name = INSTRUMENT_NAMES.get(score.instrument_id, score.instrument_id)
        self.set_title(lambda: _("Your {name} result").format(name=name))
        for index in range(4):
            self.add_text(lambda i=index: result_sentences(score)[i])  # type: ignore[misc]
        self.home_button = self.add_choice(BigButton(lambda: _("Back to the start"), "home"))
        self.home_button.clicked.connect(lambda: self.ctx.nav().home())
        self.finish_layout()
