"""Which plan screen opens first: the plan itself when there is one, else the gentle start."""

from __future__ import annotations

from ui.context import AppContext
from ui.widgets.screen import Screen


def open_safety_plan(ctx: AppContext) -> Screen:
    """The plan (people to call first); it reads the plan on the runner and, when there is none
    yet, gives its place to the gentle start."""
    from ui.screens.safety_plan.view import PlanScreen

    return PlanScreen(ctx, start_when_empty=True)
