"""The ways into my safety plan (its screens are in ui/screens/safety_plan).

The ways in are small functions other screens call once (Get help now, Learn, the check-in
results), so those screens need only one added line and never import a plan screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
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


def has_plan(store: SafetyPlanStore | None) -> bool:
    """Whether the person has made a plan (a storage read: call it on the runner)."""
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


def know_plan_soon(ctx: AppContext) -> None:
    """Read on the runner whether the person has a plan, once their data opens, so Get help now
    knows it the moment it opens without touching storage (the store keeps what it last read
    or wrote: `known_to_have_plan`)."""
    store = plan_store(ctx)
    if store is not None and store.known_to_have_plan() is None:
        ctx.runner.run(lambda: has_plan(store), lambda _found: None, lambda _error: None)


def add_help_now_choice(screen: Screen) -> None:
    """Get help now: "My safety plan" in its place when the person has made one, known without
    storage. Only when Get help now opens before that first read has answered (the moment the
    person's data opens) is the plan asked for on the runner, and its choice then goes last, so
    nothing the person may be about to press moves."""
    store = plan_store(screen.ctx)
    known = store.known_to_have_plan() if store is not None else False
    if known:
        screen.plan_button = screen.add_choice(plan_choice(screen.ctx))  # type: ignore[attr-defined]
    elif known is None and store is not None:
        screen.ctx.runner.run(
            lambda: has_plan(store),
            lambda found: _add_plan_last(screen) if found else None,
            lambda _error: None,  # has_plan logs and says no: Get help now shows as it is
            parent=screen,
        )


def _add_plan_last(screen: Screen) -> None:
    if getattr(screen, "plan_button", None) is not None:
        return
    button = screen.add_choice(plan_choice(screen.ctx))
    screen.plan_button = button  # type: ignore[attr-defined]
    screen.retranslate()  # lays the new choice out and fits the screen again
    if screen.isVisible():
        button.show()


def add_learn_choice(screen: Screen) -> None:
    """Learn: make or open the plan (a person's own; not offered to a guest)."""
    if plan_store(screen.ctx) is not None:
        screen.plan_button = screen.add_choice(plan_choice(screen.ctx, tile=True))  # type: ignore[attr-defined]


def plan_offer_work(ctx: AppContext) -> Callable[[], bool]:
    """Work for the runner: True, and the offer noted, when the gentle offer to make a plan is
    due now (at most once a week, and never once a plan exists)."""
    from companion.safety_plan.offer import offer_is_due, record_offer

    store, session, now = plan_store(ctx), ctx.session, ctx.clock.now()
    if store is None or session is None:
        return lambda: False
    preferences = session.preferences

    def decide() -> bool:
        try:
            if not offer_is_due(preferences, now, not store.plan().is_empty):
                return False
            record_offer(preferences, now)
        except Exception:  # the result screen must show, offer or not
            _log.exception("Could not decide whether to offer a safety plan")
            return False
        return True

    return decide


def show_offer(screen: Screen) -> None:
    """The gentle offer's words and its button, on a result screen."""
    ctx = screen.ctx
    words = screen.add_text(
        lambda: _(
            "Would you like to make a plan for hard moments? It takes about ten minutes, "
            "and you can stop at any time."
        )
    )
    button = screen.add_choice(BigButton(lambda: _("Make a plan for hard moments"), "plus"))
    button.clicked.connect(lambda: ctx.nav().open("safety_plan.intro"))
    screen.plan_offer_button = button  # type: ignore[attr-defined]
    screen.grid.refresh()  # the screen may be showing already: lay the new choice out
    if screen.isVisible():
        words.show()
        button.show()
    screen.retranslate()


def checkin_offer_work(ctx: AppContext) -> Callable[[CheckIn, list[CheckIn]], bool]:
    """Work for the runner, after a check-in: the offer is due after repeated bad days (the
    earlier check-ins are the ones the check-in's safety rules already read)."""
    from companion.safety_plan.offer import repeated_bad_days

    decide = plan_offer_work(ctx)
    return lambda checkin, earlier: repeated_bad_days(checkin, earlier) and decide()


def offer_after_checkin(screen: Screen, checkin: CheckIn, due: bool | None = None) -> None:
    """After repeated bad days, at most once a week: the gentle offer, on the thank-you.
    `due` is what the finishing press decided; None asks the runner now."""
    from datetime import timedelta

    if due is not None:
        if due:
            show_offer(screen)
        return
    ctx, session = screen.ctx, screen.ctx.session
    if session is None or session.is_guest or checkin.mood is None:
        return
    work, start = checkin_offer_work(ctx), checkin.started_at

    def read() -> bool:
        with session.one_transaction():
            earlier = session.checkins.checkins_between(start - timedelta(days=30), start)
            return work(checkin, earlier)

    ctx.runner.run(read, lambda yes: show_offer(screen) if yes else None, parent=screen)


def offer_after_score(screen: Screen, score: Score) -> None:
    """After the self-harm question route, at most once a week: the gentle offer."""
    from companion.checkin.instruments import SELF_HARM_FLAG

    if SELF_HARM_FLAG in score.flags:
        ctx = screen.ctx
        ctx.runner.run(
            plan_offer_work(ctx), lambda yes: show_offer(screen) if yes else None, parent=screen
        )
