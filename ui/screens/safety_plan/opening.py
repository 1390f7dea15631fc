"""Which plan screen opens first: the plan itself when there is one, else the gentle start."""

from __future__ import annotations

from ui.context import AppContext
from ui.runner import storage_on_ui_thread_for_now
from ui.shared.safety_plan_ways_in import has_plan, plan_store
from ui.widgets.screen import Screen


def open_safety_plan(ctx: AppContext) -> Screen:
    """The plan (people to call first) when there is one, else the gentle start."""
    with storage_on_ui_thread_for_now("safety_plan.open"):
        found = has_plan(plan_store(ctx))
    if found:
        from ui.screens.safety_plan.view import PlanScreen

        return PlanScreen(ctx)
    from ui.screens.safety_plan.intro import PlanIntroScreen

    return PlanIntroScreen(ctx)
