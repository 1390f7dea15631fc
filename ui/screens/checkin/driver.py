"""Turns what a flow answers (FlowOutcome) into navigation: next step, results, or Get help now.

Each step is its own screen on the navigation stack, so the top bar's Back (and Esc) goes to the
previous step, where the answer can be changed; the step screen tells the flow when it closes.
"""

from __future__ import annotations

from collections.abc import Callable

from companion.checkin.flow import CheckInFlow, StepKind
from companion.checkin.outcome import FlowOutcome, OutcomeKind
from companion.checkin.questionnaire_flow import QuestionnaireFlow
from companion.checkin.safety_rules import SafetyReason
from companion.checkin.wording import self_harm_reason
from ui.context import AppContext
from ui.widgets.screen import Screen


class CheckInDriver:
    """Walks the quick check-in screen by screen."""

    def __init__(self, ctx: AppContext, flow: CheckInFlow) -> None:
        self.ctx = ctx
        self.flow = flow
        self.plan_done: bool | None = None
        """The answer about yesterday's planned activity, if it was asked (for the thank-you)."""

    def step_screen(self) -> Screen:
        from ui.screens.checkin.steps import MoodStepScreen, NoteStepScreen, TagsStepScreen

        kinds: dict[StepKind, Callable[[AppContext, CheckInDriver], Screen]] = {
            StepKind.MOOD: MoodStepScreen,
            StepKind.TAGS: TagsStepScreen,
            StepKind.NOTE: NoteStepScreen,
        }
        return kinds[self.flow.step.kind](self.ctx, self)

    def show_first(self) -> None:
        self.ctx.nav().push(self.step_screen())

    def follow(self, outcome: FlowOutcome) -> None:
        nav = self.ctx.nav()
        if self.flow.finished:
            from ui.screens.checkin.done import ThankYouScreen

            nav.home()
            offer = bool(self.flow.help_offer)
            nav.push(ThankYouScreen(self.ctx, self.flow.checkin, self.plan_done, offer))
        elif outcome.kind in (OutcomeKind.SHOW_STEP, OutcomeKind.HELP_NOW):
            nav.push(self.step_screen())
        if outcome.kind == OutcomeKind.HELP_NOW:
            nav.show_help_now()

    def step_closed(self) -> None:
        """A step screen left the stack (Back, Esc or Home): the flow steps back with it."""
        if not self.flow.finished:
            self.flow.back()


class QuestionnaireDriver:
    """Walks a questionnaire one item screen at a time, then shows the result."""

    def __init__(self, ctx: AppContext, flow: QuestionnaireFlow) -> None:
        self.ctx = ctx
        self.flow = flow

    def item_screen(self) -> Screen:
        from ui.screens.checkin.questionnaire import ClosingQuestionScreen, QuestionItemScreen

        if self.flow.on_difficulty:
            return ClosingQuestionScreen(self.ctx, self)
        return QuestionItemScreen(self.ctx, self)

    def show_first(self) -> None:
        """The first screen (no right or wrong answers; who made it), then the questions."""
        from ui.screens.checkin.questionnaire import QuestionnaireStartScreen

        self.ctx.nav().push(QuestionnaireStartScreen(self.ctx, self))

    def follow(self, outcome: FlowOutcome) -> None:
        nav = self.ctx.nav()
        if self.flow.score is not None:
            from ui.screens.checkin.questionnaire import ResultScreen

            nav.home()
            nav.push(ResultScreen(self.ctx, self.flow.score))
        elif outcome.kind in (OutcomeKind.SHOW_STEP, OutcomeKind.HELP_NOW):
            nav.push(self.item_screen())
        if outcome.kind == OutcomeKind.HELP_NOW:
            # An answer about hurting oneself opened it: one sentence says why.
            said_self_harm = SafetyReason.SELF_HARM_ANSWER in outcome.reasons
            nav.show_help_now(self_harm_reason() if said_self_harm else None)

    def item_closed(self) -> None:
        if self.flow.score is None:
            self.flow.back()
