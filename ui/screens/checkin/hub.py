"""How am I feeling?: check in now, answer a questionnaire, see history, make a report."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from companion.checkin.flow import CheckInFlow
from companion.checkin.instruments import INSTRUMENT_IDS
from companion.checkin.models import CheckIn
from companion.checkin.schedule import (
    due_questionnaires,
    load_schedule,
    questionnaire_invitation,
)
from companion.checkin.wording import mood_word, plain_name
from companion.i18n import _
from ui.context import AppContext
from ui.screens.checkin.driver import CheckInDriver
from ui.shared.checkin_common import checkin_store
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


def start_checkin(ctx: AppContext) -> None:
    """Offer an interrupted check-in first; otherwise begin a new one."""
    store = checkin_store(ctx)
    draft = store.latest_draft()
    if draft is not None:
        ctx.nav().push(ResumeScreen(ctx, draft))
        return
    begin_new_checkin(ctx, CheckInFlow(store, ctx.clock))


def begin_new_checkin(ctx: AppContext, flow: CheckInFlow) -> None:
    """Ask about yesterday's planned activity if there is one, then the first question."""
    from ui.screens.checkin.plan_question import PlanQuestionScreen, plan_to_ask_about

    driver = CheckInDriver(ctx, flow)
    plan = plan_to_ask_about(ctx)
    if plan is not None:
        ctx.nav().push(PlanQuestionScreen(ctx, plan, driver))
        return
    driver.show_first()


def first_step_screen(ctx: AppContext) -> Screen:
    """The first question of a new check-in (the mood faces), for opening it by name."""
    return CheckInDriver(ctx, CheckInFlow(checkin_store(ctx), ctx.clock)).step_screen()


class CheckInHubScreen(Screen):
    screen_id = "checkin_hub"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("How am I feeling?"))
        self.add_text(lambda: _("A check-in takes about a minute. You can skip any question."))
        due = self._due()
        for instrument_id in due:
            name = plain_name(instrument_id).lower()
            self.add_text(partial(questionnaire_invitation, name), notice=True)
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

    def _due(self) -> list[str]:
        session = self.ctx.session
        if session is None:
            return []
        now = self.ctx.clock.now()
        results = checkin_store(self.ctx).results_between(now - timedelta(days=800), now)
        return due_questionnaires(load_schedule(session.preferences), results, now)

    def _questions(self) -> None:
        from ui.screens.checkin.questionnaire import QuestionnairePickScreen

        self.ctx.nav().push(QuestionnairePickScreen(self.ctx, self._due() or list(INSTRUMENT_IDS)))

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
        CheckInDriver(self.ctx, CheckInFlow.resume_or_start(store, self.ctx.clock)).show_first()

    def _start_again(self) -> None:
        store = checkin_store(self.ctx)
        begin_new_checkin(self.ctx, CheckInFlow.start_again(store, self.ctx.clock))
