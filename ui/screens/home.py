"""Home: a greeting and at most six huge choices, each with a word and an icon."""

from __future__ import annotations

from functools import partial

from companion.i18n import _
from ui.context import AppContext
from ui.features import HomeChoice, home_choices
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class HomeScreen(Screen):
    screen_id = "home"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("What would you like to do?"))
        for notice in ctx.startup_notices:
            self.add_text(partial(_, notice), notice=True)
        self.buttons: dict[str, BigButton] = {}
        for choice in home_choices()[:6]:
            button = self.add_choice(BigButton(choice.title, choice.icon_name, tile=True))
            button.clicked.connect(partial(self._open, choice))
            self.buttons[choice.choice_id] = button
        self.finish_layout()

    def _open(self, choice: HomeChoice) -> None:
        self.ctx.nav().push(choice.open_screen(self.ctx))
