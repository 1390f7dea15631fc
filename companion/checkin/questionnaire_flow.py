"""A validated questionnaire, one item per screen, ending in a saved Score.

PHQ-9 item 9 answered above 0 opens Get help now at once (the answer is kept and the
questionnaire can be finished afterwards). Items may be skipped, but a validated score needs
every answer, so an incomplete questionnaire is not scored and says which items are missing.

The published PHQ-9 and GAD-7 end with a question that is not scored ("how difficult have
these problems made it..."): it is asked after the last item when any problem was checked, may
be skipped, and is kept in the result (`QuestionnaireResult.difficulty`). It is not asked after a
self-harm answer: then Get help now comes first, nothing in between.
"""

from __future__ import annotations

from companion.checkin.instruments import Score, rules_for, score
from companion.checkin.models import QuestionnaireResult
from companion.checkin.outcome import FlowOutcome, OutcomeKind
from companion.checkin.safety_rules import SafetyReason, reasons_for_score
from companion.checkin.store import CheckInStore
from companion.checkin.wording import question_of
from companion.clock import Clock
from companion.i18n import _

DIFFICULTY_INSTRUMENTS: frozenset[str] = frozenset({"phq9", "gad7"})
"""The instruments whose published form ends with the (unscored) difficulty question."""
DIFFICULTY_VALUES: tuple[int, ...] = (0, 1, 2, 3)
"""Not difficult at all, somewhat, very, extremely difficult."""


class QuestionnaireFlow:
    """Asks one instrument's items in order and saves the result through the store."""

    def __init__(
        self,
        instrument_id: str,
        store: CheckInStore,
        clock: Clock,
        closing_question: bool = True,
    ) -> None:
        """`closing_question` False: its wording is missing in the person's language, so the
        difficulty question is not asked (questionnaire wording is never made up)."""
        self._closing_question = closing_question
        self.rules = rules_for(instrument_id)
        self.instrument_id = instrument_id
        self._store = store
        self._clock = clock
        self.index = 0
        self.answers: list[int | None] = [None] * self.rules.item_count
        self.score: Score | None = None
        self.result: QuestionnaireResult | None = None
        self.on_difficulty = False
        """True while the closing difficulty question is shown (after the last item)."""
        self._safety_shown = False

    @property
    def item_count(self) -> int:
        return self.rules.item_count

    @property
    def position(self) -> int:
        return self.index + 1

    def progress_text(self) -> str:
        if self.on_difficulty:
            return _("One last question. It is not part of the score.")
        return question_of(self.position, self.item_count)

    @property
    def current_answer(self) -> int | None:
        return self.answers[self.index]

    @property
    def can_go_back(self) -> bool:
        return self.index > 0 or self.on_difficulty

    def answer(self, value: int) -> FlowOutcome:
        """Record the answer to the current item and move on (or finish after the last)."""
        self._require_open()
        if self.on_difficulty:
            raise RuntimeError("The difficulty question is answered with answer_difficulty")
        rules = self.rules
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not rules.lowest_answer <= value <= rules.highest_answer
        ):
            raise ValueError(
                f"{self.instrument_id}: answer must be {rules.lowest_answer} to "
                f"{rules.highest_answer}, not {value!r}"
            )
        self.answers[self.index] = value
        is_self_harm_item = rules.self_harm_item == self.position
        if is_self_harm_item and value > 0 and not self._safety_shown:
            self._safety_shown = True
            outcome = self._advance(ask_difficulty=False)
            reasons = (SafetyReason.SELF_HARM_ANSWER,)
            return FlowOutcome(OutcomeKind.HELP_NOW, score=outcome.score, reasons=reasons)
        return self._advance()

    def answer_difficulty(self, value: int | None) -> FlowOutcome:
        """The closing difficulty question (None: skipped); then the result is saved."""
        self._require_open()
        if not self.on_difficulty:
            raise RuntimeError("The difficulty question is not being asked")
        if value is not None and (isinstance(value, bool) or value not in DIFFICULTY_VALUES):
            raise ValueError(f"difficulty must be one of {DIFFICULTY_VALUES}, not {value!r}")
        self.on_difficulty = False
        return self._finish(difficulty=value)

    def skip(self) -> FlowOutcome:
        self._require_open()
        if self.on_difficulty:
            return self.answer_difficulty(None)
        return self._advance()

    def back(self) -> FlowOutcome:
        self._require_open()
        if self.on_difficulty:
            self.on_difficulty = False
        elif self.index > 0:
            self.index -= 1
        return FlowOutcome(OutcomeKind.SHOW_STEP)

    def need_help(self) -> FlowOutcome:
        return FlowOutcome(
            OutcomeKind.HELP_NOW, score=self.score, reasons=(SafetyReason.HELP_PRESSED,)
        )

    def current_outcome(self) -> FlowOutcome:
        """What to show when coming back to this flow (e.g. after Get help now)."""
        if self.score is not None:
            return FlowOutcome(OutcomeKind.FINISHED, score=self.score)
        unanswered = tuple(n for n, a in enumerate(self.answers, start=1) if a is None)
        if self.position == self.item_count and self.current_answer is not None and unanswered:
            return FlowOutcome(OutcomeKind.INCOMPLETE, unanswered=unanswered)
        return FlowOutcome(OutcomeKind.SHOW_STEP)

    def go_to(self, number: int) -> FlowOutcome:
        """Jump to item `number` (1-based), e.g. to answer a skipped one."""
        self._require_open()
        if not 1 <= number <= self.item_count:
            raise ValueError(f"No question {number}; there are {self.item_count}")
        self.index = number - 1
        self.on_difficulty = False
        return FlowOutcome(OutcomeKind.SHOW_STEP)

    def _asks_difficulty(self) -> bool:
        """Asked on the published PHQ-9 / GAD-7 "if you checked off any problems"."""
        return (
            self._closing_question
            and self.instrument_id in DIFFICULTY_INSTRUMENTS
            and any(a for a in self.answers)
        )

    def _advance(self, ask_difficulty: bool = True) -> FlowOutcome:
        if self.index < self.item_count - 1:
            self.index += 1
            return FlowOutcome(OutcomeKind.SHOW_STEP)
        unanswered = tuple(n for n, a in enumerate(self.answers, start=1) if a is None)
        if unanswered:
            return FlowOutcome(OutcomeKind.INCOMPLETE, unanswered=unanswered)
        if ask_difficulty and not self._safety_shown and self._asks_difficulty():
            self.on_difficulty = True
            return FlowOutcome(OutcomeKind.SHOW_STEP)
        return self._finish(difficulty=None)

    def _finish(self, difficulty: int | None) -> FlowOutcome:
        answers = tuple(a for a in self.answers if a is not None)
        self.score = score(self.instrument_id, answers)
        self.result = self._store.save_result(
            QuestionnaireResult(
                id=None,
                instrument_id=self.instrument_id,
                taken_at=self._clock.now(),
                answers=answers,
                total=self.score.total,
                band=self.score.band,
                flags=self.score.flags,
                difficulty=difficulty,
            )
        )
        reasons = reasons_for_score(self.score)
        if reasons and not self._safety_shown:
            self._safety_shown = True
            return FlowOutcome(OutcomeKind.HELP_NOW, score=self.score, reasons=reasons)
        return FlowOutcome(OutcomeKind.FINISHED, score=self.score)

    def _require_open(self) -> None:
        if self.result is not None:
            raise RuntimeError("This questionnaire is already finished")
