"""Before a check-in: "Yesterday you planned: Go for a short walk. Did you do it?"

The pleasant-activity planner (Learn) keeps one small plan for the next day; the next check-in
asks about it once, kindly, and then forgets it. Either answer is fine and neither is stored:
it is there to notice the good moments, never to keep score.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta

from companion.i18n import _
from companion.library.prefs import ActivityPlans, PlannedActivity
from ui.context import AppContext
from ui.screens.checkin.driver import CheckInDriver
from ui.shared.checkin_common import local_today
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)
ASK_WITHIN_DAYS = 7
"""A plan older than this is let go without asking: a question about last month helps nobody."""


def _plans(ctx: AppContext) -> ActivityPlans:
    from ui.shared.library import preferences

    return ActivityPlans(preferences(ctx))


def plan_to_ask_about(ctx: AppContext) -> Callable[[], PlannedActivity | None]:
    """What reads the planned activity to ask about at a check-in today, if there is one
    (a storage read, so the caller runs it on the runner)."""
    plans, today = _plans(ctx), local_today(ctx)
    return lambda: _plan_due(plans, today)


def _plan_due(plans: ActivityPlans, today: date) -> PlannedActivity | None:
    plan = plans.due(today)
    if plan is not None and today - plan.day > timedelta(days=ASK_WITHIN_DAYS):
        plans.clear()
        return None
    return plan


def activity_words(ctx: AppContext, plan: PlannedActivity) -> str:
    """The planned thing as the planner showed it ("Go for a short walk"), in today's language."""
    from ui.shared.library import content_language, load_report

    try:
        exercise = load_report(ctx).library.exercise(plan.exercise_id)
    except Exception:  # the question must still be asked kindly, whatever the content says
        _log.exception("The library could not be read for the planned activity")
        exercise = None
    if exercise is not None:
        for step in exercise.steps:
            for choice in step.choices:
                if choice.id == plan.choice_id:
                    return choice.text.get(content_language(ctx))
    return _("one nice thing")


class PlanQuestionScreen(Screen):
    """Asks about yesterday's plan, then goes on to the check-in's first question."""

    screen_id = "checkin_plan_question"
    is_step = True

    def __init__(self, ctx: AppContext, plan: PlannedActivity, driver: CheckInDriver) -> None:
        super().__init__(ctx)
        self.plan = plan
        self.driver = driver
        yesterday = plan.day == local_today(ctx)

        def question() -> str:
            words = activity_words(ctx, plan)
            if yesterday:
                return _("Yesterday you planned: {activity}. Did you do it?").format(activity=words)
            return _("You planned: {activity}. Did you do it?").format(activity=words)

        self.set_title(question)
        self.add_text(lambda: _("Either answer is fine."))
        self.yes_button = self.add_choice(BigButton(lambda: _("Yes"), "check"))
        self.yes_button.clicked.connect(lambda: self.answer(True))
        self.not_button = self.add_choice(BigButton(lambda: _("Not this time"), "next"))
        self.not_button.clicked.connect(lambda: self.answer(False))
        self.finish_layout()

    def answer(self, done: bool) -> None:
        """Forget the plan (it has been asked about) and go on to the check-in."""
        _plans(self.ctx).clear()
        self.driver.plan_done = done
        nav = self.ctx.nav()
        if nav.current() is self:
            nav.back()  # Back from the first question returns to where the check-in began
        self.driver.show_first()
