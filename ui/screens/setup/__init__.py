"""Caregiver setup and community-centre mode: the first run, the caregiver gate, the shared PC.

Light on purpose (no widgets imported here) so the launcher and Home can name the feature
without loading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.i18n import N_
from ui.router import Route, lazy

if TYPE_CHECKING:
    from ui.app import MainWindow
    from ui.context import AppContext
    from ui.widgets.screen import Screen

# The titles this feature added to companion.config.SETTINGS, so their French lives in setup.po.
SETTING_TITLES = (
    N_("First setup finished"),
    N_("Several people use this computer"),
    N_("Lock after this many idle minutes"),
    N_("Trusted video session websites"),
)


def start_first_run(window: MainWindow) -> None:
    """THE ONE CALL FOR THE LAUNCHER: show the first-run setup on top of Home.

    Call it once the person's data is open (ctx.session set) when
    `companion.setup.flow.should_offer_first_run(settings, people)` is true.
    """
    from ui.screens.setup.flow import FirstRun

    FirstRun(window.ctx).start()


def open_finished(ctx: AppContext) -> Screen:
    """Home's "I'm finished, lock it" (shared PCs): "Are you finished?" then the lock."""
    from ui.screens.setup.community import FinishedScreen

    return FinishedScreen(ctx)


def shows_finished_button(ctx: AppContext) -> bool:
    """Home shows "I'm finished, lock it" only on a shared PC."""
    from companion.community.shared_pc import policy_for

    return policy_for(ctx.settings).offers_finished_button


def routes() -> list[Route]:
    """The screens of this feature other features, Home and the tests open by name."""
    return [
        Route("setup.finished", lazy("ui.screens.setup.community", "FinishedScreen")),
        Route("setup.step", lazy("ui.screens.setup.flow", "first_run_step")),
    ]
