"""How am I feeling?: check in now, answer a questionnaire, see history, make a report."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from companion.checkin.flow import CheckInFlow
from companion.checkin.instruments import INSTRUMENT_IDS
from companion.checkin.models import CheckIn
from companion.checkin.schedule import (
    due_questionnaires,
    load_schedule,
    questionnaire_invitation,
)
from companion.checkin.store import CheckInStore
from companion.checkin.wording import mood_word, plain_name
from companion.i18n import _
from companion.preferences import Preferences
from ui.context import AppContext
from ui.screens.checkin.driver import CheckInDriver
from ui.shared.checkin_common import checkin_store
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

if TYPE_CHECKING:  # the storage stack loads in the background, not with this screen
    from companion.library.prefs import PlannedActivity


def start_checkin(ctx: AppContext) -> None:
    """Offer an interrupted check-in first; otherwise begin a new one (one read, off the UI
    thread: the draft and yesterday's planned activity)."""
    from ui.screens.checkin.plan_question import plan_to_ask_about

    store, read_plan, session = checkin_store(ctx), plan_to_ask_about(ctx), ctx.session

    def read() -> tuple[CheckIn | None, PlannedActivity | None]:
        with session.one_transaction() if session is not None else nullcontext():
            draft = store.latest_draft()
            return draft, None if draft is not None else read_plan()

    def opened(found: tuple[CheckIn | None, PlannedActivity | None]) -> None:
        draft, plan = found
        if draft is not None:
            ctx.nav().push(ResumeScreen(ctx, draft))
        else:
            begin_new_checkin(ctx, CheckInFlow(store, ctx.clock), plan)

    ctx.runner.run(read, opened)


def begin_new_checkin(ctx: AppContext, flow: CheckInFlow, plan: PlannedActivity | None) -> None:
    """Ask about yesterday's planned activity if there is one, then the first question."""
    from ui.screens.checkin.plan_question import PlanQuestionScreen

    driver = CheckInDriver(ctx, flow)
    if plan is not None:
        ctx.nav().push(PlanQuestionScreen(ctx, plan, driver))
        return
    driver.show_first()


def first_step_screen(ctx: AppContext) -> Screen:
    """The first question of a new check-in (the mood faces), for opening it by name."""
    return CheckInDriver(ctx, CheckInFlow(checkin_store(ctx), ctx.clock)).step_screen()


def read_due(preferences: Preferences, store: CheckInStore, now: datetime) -> list[str]:
    """The questionnaires due now (storage reads: on the runner)."""
    results = store.results_between(now - timedelta(days=800), now)
    return due_questionnaires(load_schedule(preferences), results, now)


class CheckInHubScreen(Screen):
    screen_id = "checkin_hub"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("How am I feeling?"))
        self.add_text(lambda: _("A check-in takes about a minute. You can skip any question."))
        self.due: list[str] = []
        """The questionnaires the schedule says are due, once the runner has read them."""
        self.due_label = self.add_text(self._due_text, notice=True)
        self.checkin_button = self.add_choice(BigButton(lambda: _("Check in now"), "mood"))
        self.checkin_button.clicked.connect(lambda: start_checkin(self.ctx))
        self.questions_button = self.add_choice(BigButton(lambda: _("Answer questions"), "check"))
        self.questions_button.clicked.connect(self._questions)
        self.history_button = self.add_choice(BigButton(lambda: _("See how I have been"), "learn"))
        self.history_button.clicked.connect(self._history)
        self.report_button = self.add_choice(
            BigButton(lambda: _("Report for my doctor or counsellor"), "about")
        )
        self.report_button.clicked.connect(self._report)
        self.finish_layout()
        self.due_label.hide()
        session = self.ctx.session
        preferences = session.preferences if session is not None else None
        if preferences is not None:
            store, now = checkin_store(self.ctx), self.ctx.clock.now()
            self.ctx.runner.run(
                lambda: read_due(preferences, store, now), self._show_due, parent=self
            )

    def _due_text(self) -> str:
        return " ".join(questionnaire_invitation(plain_name(i).lower()) for i in self.due)

    def _show_due(self, due: list[str]) -> None:
        self.due = due
        self.due_label.setText(self._due_text())
        self.due_label.setVisible(bool(due))

    def _questions(self) -> None:
        from ui.screens.checkin.questionnaire import QuestionnairePickScreen

        self.ctx.nav().push(QuestionnairePickScreen(self.ctx, self.due or list(INSTRUMENT_IDS)))

    def _history(self) -> None:
        from ui.screens.checkin.history import HistoryScreen

        self.ctx.nav().push(HistoryScreen(self.ctx))

    def _report(self) -> None:
        self.ctx.nav().open("report")


class ResumeScreen(Screen):
    """An interrupted check-in is offered again: carry on with it, or start again."""

    screen_id = "checkin_resume"

    def __init__(self, ctx: AppContext, draft: CheckIn) -> None:
        super().__init__(ctx)
        self.draft = draft
        self.set_title(lambda: _("You started a check-in earlier."))
        if draft.mood is not None:
            self.add_text(
                lambda: _("You said you feel: {mood}.").format(mood=mood_word(draft.mood))
            )
        self.add_text(lambda: _("Your answers are kept. Would you like to carry on?"))
        self.carry_on = self.add_choice(BigButton(lambda: _("Carry on"), "next"))
        self.carry_on.clicked.connect(self._carry_on)
        self.start_again = self.add_choice(BigButton(lambda: _("Start again"), "plus"))
        self.start_again.clicked.connect(self._start_again)
        self.finish_layout()

    def _carry_on(self) -> None:
        store = checkin_store(self.ctx)
        CheckInDriver(self.ctx, CheckInFlow(store, self.ctx.clock, self.draft)).show_first()

    def _start_again(self) -> None:
        from ui.screens.checkin.plan_question import plan_to_ask_about

        store, clock, read_plan = (
            checkin_store(self.ctx),
            self.ctx.clock,
            plan_to_ask_about(self.ctx),
        )
        self.ctx.runner.run(
            lambda: (CheckInFlow.start_again(store, clock), read_plan()),
            lambda found: begin_new_checkin(self.ctx, *found),
            parent=self,
        )
