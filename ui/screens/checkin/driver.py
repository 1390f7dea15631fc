"""Turns what a flow answers (FlowOutcome) into navigation: next step, results, or Get help now.

Each step is its own screen on the navigation stack, so the top bar's Back (and Esc) goes to the
previous step, where the answer can be changed; the step screen tells the flow when it closes.
Every call into the check-in flow runs on the background runner, in the order pressed (a press
is one transaction there); screens read the flow only once its answer is back.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext

from companion.checkin.flow import CheckInFlow, StepKind
from companion.checkin.outcome import FlowOutcome, OutcomeKind
from companion.checkin.questionnaire_flow import QuestionnaireFlow
from companion.checkin.safety_rules import SafetyReason
from companion.checkin.wording import self_harm_reason
from companion.people.profiles import PersonSession
from ui.context import AppContext
from ui.shared.safety_plan_ways_in import checkin_offer_work
from ui.widgets.screen import Screen


def session_is_guest(session: PersonSession | None) -> bool:
    return session is None or session.is_guest


class CheckInDriver:
    """Walks the quick check-in screen by screen."""

    def __init__(self, ctx: AppContext, flow: CheckInFlow) -> None:
        self.ctx = ctx
        self.flow = flow
        self.plan_done: bool | None = None
        """The answer about yesterday's planned activity, if it was asked (for the thank-you)."""
        self.moving = False
        """A press that moves on is on its way: a second press meanwhile (a shaky double tap)
        is ignored, so no step is skipped by accident."""
        self.plan_offer = False
        """Decided in the finishing press: the thank-you offers to make a safety plan."""

    def press(self, change: Callable[[], FlowOutcome]) -> None:
        """Run one press that moves on (a face, Next, Skip, Finish) as one transaction on the
        runner, then show what follows."""
        if self.moving:
            return
        self.moving = True
        flow, session = self.flow, self.ctx.session
        offer_due = checkin_offer_work(self.ctx)

        def work() -> FlowOutcome:
            with session.one_transaction() if session is not None else nullcontext():
                outcome = change()
                if flow.finished and not session_is_guest(session):
                    self.plan_offer = offer_due(flow.checkin, flow.earlier)
                return outcome

        def done(outcome: FlowOutcome) -> None:
            self.moving = False
            self.follow(outcome)

        def failed(_error: Exception) -> None:
            self.moving = False
            self.ctx.runner.tell_failure()  # logged with its traceback; one sentence shown

        self.ctx.runner.run(work, done, failed)

    def keep(self, change: Callable[[], object]) -> None:
        """Save a change that stays on this step (a tag, a pause in typing), in press order."""
        self.ctx.runner.run(change)

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
            checkin, plan_done = self.flow.checkin, self.plan_done
            nav.push(ThankYouScreen(self.ctx, checkin, plan_done, offer, self.plan_offer))
        elif outcome.kind in (OutcomeKind.SHOW_STEP, OutcomeKind.HELP_NOW):
            nav.push(self.step_screen())
        if outcome.kind == OutcomeKind.HELP_NOW:
            nav.show_help_now()

    def step_closed(self) -> None:
        """A step screen left the stack (Back, Esc or Home): the flow steps back with it."""
        flow = self.flow
        self.ctx.runner.run(lambda: None if flow.finished else flow.back())


class QuestionnaireDriver:
    """Walks a questionnaire one item screen at a time, then shows the result."""

    def __init__(self, ctx: AppContext, flow: QuestionnaireFlow) -> None:
        self.ctx = ctx
        self.flow = flow
        self.moving = False  # an answer is on its way: a second press meanwhile is ignored

    def press(self, change: Callable[[], FlowOutcome]) -> None:
        """One answer on the runner (the last one keeps the result: one transaction), then
        show what follows."""
        if self.moving:
            return
        self.moving = True

        def done(outcome: FlowOutcome) -> None:
            self.moving = False
            self.follow(outcome)

        def failed(_error: Exception) -> None:
            self.moving = False
            self.ctx.runner.tell_failure()  # logged with its traceback; one sentence shown

        self.ctx.runner.run(change, done, failed)

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
        flow = self.flow
        self.ctx.runner.run(lambda: None if flow.score is not None else flow.back())
