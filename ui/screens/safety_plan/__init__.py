"""My safety plan: making it step by step, reading it, printing it (the ways in: ui/shared)."""

from ui.router import Route, lazy


def routes() -> list[Route]:
    """The screens of this feature other features, Home and the tests open by name."""
    return [
        Route("safety_plan", lazy("ui.screens.safety_plan.opening", "open_safety_plan")),
        Route("safety_plan.make", lazy("ui.screens.safety_plan.steps", "plan_step_screen")),
        Route("safety_plan.intro", lazy("ui.screens.safety_plan.intro", "PlanIntroScreen")),
        Route("safety_plan.view", lazy("ui.screens.safety_plan.view", "PlanScreen")),
        Route("safety_plan.parts", lazy("ui.screens.safety_plan.view", "PlanPartsScreen")),
    ]
