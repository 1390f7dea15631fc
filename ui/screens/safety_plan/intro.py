"""The gentle start: what a safety plan is, how long it takes, and that it can stop any time."""

from __future__ import annotations

from companion.i18n import _
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class PlanIntroScreen(Screen):
    screen_id = "safety_plan_intro"
    is_step = True

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("A plan for hard moments"))
        self.add_text(
            lambda: _(
                "A safety plan is a short list, in your own words, for when things get hard. "
                "It takes about ten minutes, and you can stop at any time."
            )
        )
        self.add_text(
            lambda: _(
                "You can make it alone, or with someone you trust, like a helper or your "
                "counsellor. You can skip any question and come back to it."
            ),
            explain=True,
        )
        self.add_text(
            lambda: _("It stays locked on this computer. Only you can open it."), explain=True
        )
        self.start_button = self.add_choice(BigButton(lambda: _("Start my plan"), "next"))
        self.start_button.clicked.connect(self.start)
        self.later_button = self.add_choice(BigButton(lambda: _("Not now"), "back"))
        self.later_button.clicked.connect(lambda: self.ctx.nav().back())
        self.finish_layout()

    def start(self) -> None:
        from ui.screens.safety_plan.steps import start_plan

        start_plan(self.ctx)
