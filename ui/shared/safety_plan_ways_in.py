"""The ways into my safety plan (its screens are in ui/screens/safety_plan).

The ways in are small functions other screens call once (Get help now, Learn, the check-in
results), so those screens need only one added line and never import a plan screen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from companion.i18n import _
from ui.widgets.big_button import BigButton

if TYPE_CHECKING:
    from companion.checkin.instruments import Score
    from companion.checkin.models import CheckIn
    from companion.safety_plan.plan import SafetyPlanStore
    from ui.context import AppContext
    from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


def plan_store(ctx: AppContext) -> SafetyPlanStore | None:
    """The person's plan store; None for a guest or before anyone's data is open (a plan is
    never shown to a guest or kept for one)."""
    session = ctx.session
    if session is None or session.is_guest:
        return None
    store: SafetyPlanStore = session.safety_plan
    return store


def has_plan(ctx: AppContext) -> bool:
    store = plan_store(ctx)
    if store is None:
        return False
    try:
        return not store.plan().is_empty
    except Exception:  # Get help now must always open, whatever the database says
        _log.exception("The safety plan could not be read")
        return False


def plan_choice(ctx: AppContext, *, tile: bool = False) -> BigButton:
    button = BigButton(lambda: _("My safety plan"), "check", tile=tile)
    button.clicked.connect(lambda: ctx.nav().open("safety_plan"))
    return button


def add_help_now_choice(screen: Screen) -> None:
    """Get help now: "My safety plan" as a choice when the person has made one."""
    if has_plan(screen.ctx):
        screen.plan_button = screen.add_choice(plan_choice(screen.ctx))  # type: ignore[attr-defined]


def add_learn_choice(screen: Screen) -> None:
    """Learn: make or open the plan (a person's own; not offered to a guest)."""
    if plan_store(screen.ctx) is not None:
        screen.plan_button = screen.add_choice(plan_choice(screen.ctx, tile=True))  # type: ignore[attr-defined]


def _add_offer(screen: Screen) -> None:
    from companion.safety_plan.offer import offer_is_due, record_offer

    ctx = screen.ctx
    store = plan_store(ctx)
    session = ctx.session
    if store is None or session is None:
        return
    try:
        now = ctx.clock.now()
        if not offer_is_due(session.preferences, now, not store.plan().is_empty):
            return
        record_offer(session.preferences, now)
    except Exception:  # the result screen must show, offer or not
        _log.exception("Could not decide whether to offer a safety plan")
        return
    screen.add_text(
        lambda: _(
            "Would you like to make a plan for hard moments? It takes about ten minutes, "
            "and you can stop at any time."
        )
    )
    button = screen.add_choice(BigButton(lambda: _("Make a plan for hard moments"), "plus"))
    button.clicked.connect(lambda: ctx.nav().open("safety_plan.intro"))
    screen.plan_offer_button = button  # type: ignore[attr-defined]


def offer_after_checkin(screen: Screen, checkin: CheckIn) -> None:
    """After repeated bad days, at most once a week: the gentle offer, on the thank-you."""
    from datetime import timedelta

    from companion.safety_plan.offer import repeated_bad_days

    session = screen.ctx.session
    if session is None or session.is_guest or checkin.mood is None:
        return
    try:
        start = checkin.started_at
        earlier = session.checkins.checkins_between(start - timedelta(days=30), start)
        if not repeated_bad_days(checkin, earlier):
            return
    except Exception:
        _log.exception("Could not look at earlier check-ins for the plan offer")
        return
    _add_offer(screen)


def offer_after_score(screen: Screen, score: Score) -> None:
    """After the self-harm question route, at most once a week: the gentle offer."""
    from companion.checkin.instruments import SELF_HARM_FLAG

    if SELF_HARM_FLAG in score.flags:
        _add_offer(screen)
