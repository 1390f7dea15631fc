"""Open the right screen for an exercise, whatever kind it is."""

from __future__ import annotations

from ui.context import AppContext
from ui.shared.library import learn_services
from ui.widgets.screen import Screen


def exercise_screen(ctx: AppContext, exercise_id: str) -> Screen:
    """The first screen of exercise `exercise_id` (breathing starts with its set-up)."""
    exercise = learn_services(ctx).report.library.exercise(exercise_id)
    if exercise is None:
        raise KeyError(f"no exercise {exercise_id!r}")
    if exercise.kind == "breathing":
        from ui.screens.learn.exercise.breathing import BreathingSetupScreen

        return BreathingSetupScreen(ctx, exercise)
    from ui.screens.learn.exercise.steps import GuidedScreen

    return GuidedScreen(ctx, exercise)
