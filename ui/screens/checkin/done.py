"""After a check-in: a short thank-you that repeats what was kept, and a way on."""

from __future__ import annotations

from companion.checkin.models import CheckIn
from companion.checkin.wording import mood_word, tag_word
from companion.i18n import _
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class ThankYouScreen(Screen):
    screen_id = "checkin_done"
    is_step = True

    def __init__(self, ctx: AppContext, checkin: CheckIn) -> None:
        super().__init__(ctx)
        self.checkin = checkin
        self.set_title(lambda: _("Thank you. Your check-in is saved."))
        if checkin.mood is not None:
            self.add_text(lambda: _("Today you feel: {mood}.").format(mood=mood_word(checkin.mood)))
        if checkin.tags:
            self.add_text(
                lambda: _("What is affecting you: {tags}.").format(
                    tags=", ".join(tag_word(t) for t in sorted(checkin.tags))
                )
            )
        self.history_button = self.add_choice(BigButton(lambda: _("See how I have been"), "mood"))
        self.history_button.clicked.connect(self._history)
        self.home_button = self.add_choice(BigButton(lambda: _("Back to the start"), "home"))
        self.home_button.clicked.connect(lambda: self.ctx.nav().home())
        self.finish_layout()

    def _history(self) -> None:
        from ui.screens.history import HistoryScreen

        self.ctx.nav().push(HistoryScreen(self.ctx))
