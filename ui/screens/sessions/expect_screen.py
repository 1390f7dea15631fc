"""After Join: what happens next, and the phone number to call if the video does not work."""

from __future__ import annotations

from companion.appointments.model import Appointment
from companion.i18n import _
from ui.context import AppContext
from ui.shared.appointments import check_session_link, open_checked_link
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class WhatToExpectScreen(Screen):
    """Calm steps for the minute after the browser opens, with a way to try again."""

    screen_id = "sessions_expect"

    def __init__(self, ctx: AppContext, session: Appointment) -> None:
        super().__init__(ctx)
        self.session = session
        self.set_title(lambda: _("Your session is opening"))
        # Where room is short (200% text), what to expect folds behind "Tell me more": the
        # title says what happens, and the number to call and both choices stay on screen.
        self.add_text(
            lambda: _("Your web browser is opening your session. It can take a minute."),
            explain=True,
        )
        self.add_text(
            lambda: _(
                "If the page asks, allow the camera and the microphone. "
                "You may wait in a waiting room until your clinician lets you in."
            ),
            explain=True,
        )
        self.phone_label = self.add_text(self._phone_text, notice=True)
        if session.notes:
            self.add_text(lambda: session.notes, explain=True)
        self.again_button = self.add_choice(BigButton(lambda: _("Open it again"), "sessions"))
        self.again_button.clicked.connect(self.open_again)
        self.done_button = self.add_choice(BigButton(lambda: _("Back to my sessions"), "back"))
        self.done_button.clicked.connect(lambda: self.ctx.nav().back())
        self.finish_layout()

    def _phone_text(self) -> str:
        if self.session.phone:
            return _("If it does not work, call {phone} instead.").format(phone=self.session.phone)
        return _("If it does not work, call your clinic.")

    def open_again(self) -> None:
        verdict = check_session_link(self.ctx, self.session.link)
        if not open_checked_link(verdict):
            self.ctx.speech.say(verdict.reason)
