"""Learn and feel better: topic tiles, article lists, the reader, search and the exercises."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.widgets.screen import Screen


def open_learn(ctx: AppContext) -> Screen:
    """The Learn screen (for Home's list of choices; imports the screens only when opened)."""
    from ui.screens.learn.home import LearnScreen

    return LearnScreen(ctx)
