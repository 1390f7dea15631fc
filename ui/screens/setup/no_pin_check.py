"""On a PC with no keyring, "No PIN" asks once more, with what it means here, before going on.

The sentence used to stand on the lock step itself, never folded, and at 200% text it alone
was taller than the room left for the four ways to lock: now it folds there like the others,
and whoever chooses "No PIN" reads it on this screen before it counts.
"""

from __future__ import annotations

from collections.abc import Callable

from companion.i18n import _
from companion.security.exposure import no_pin_choice_sentence
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class NoPinCheckScreen(Screen):
    """ "Keep your notes with no PIN?": Yes goes on with no PIN, "Choose a PIN" goes back."""

    screen_id = "setup_no_pin_check"

    def __init__(self, ctx: AppContext, go_on: Callable[[], None]) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Keep your notes with no PIN?"))
        self.add_text(no_pin_choice_sentence, notice=True)
        self.pin_button = self.add_choice(BigButton(lambda: _("Choose a PIN"), "lock"))
        self.pin_button.clicked.connect(lambda: self.ctx.nav().back())
        self.yes_button = self.add_choice(BigButton(lambda: _("Yes, no PIN"), "next"))
        self.yes_button.clicked.connect(go_on)
        self.finish_layout()
