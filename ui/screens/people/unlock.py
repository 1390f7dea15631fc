"""Unlock: a PIN pad with huge digits (typing and pasting work too), the growing wait counted
down in words, and "I forgot my PIN" leading to the route chosen at setup.

Argon2 runs off the UI thread, so the screen says "Opening…" and stays responsive.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLineEdit, QWidget

from companion.i18n import _
from companion.people.profiles import Person, PersonSession
from companion.security import SecurityError, UnlockDelayedError
from companion.storage import StorageError
from ui.context import AppContext
from ui.screens.people.pin_pad import PinPad
from ui.shared.people_common import (
    GrowingWait,
    people_of,
    person_look,
    show_notice,
    speak_prompt,
)
from ui.theme import text_size_sheet
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


def problem_sentence(exc: Exception) -> str:
    """One sentence for the screen; the log already has the kind of error, never the PIN."""
    if isinstance(exc, SecurityError | StorageError):
        return str(exc)
    _log.error("Unlock failed unexpectedly", exc_info=exc)
    return _("Something went wrong, and nothing was changed. Please try again, or ask your helper.")


class UnlockScreen(Screen):
    """ "Hello, Mary. Please type your PIN." with the pad, Open and "I forgot my PIN"."""

    screen_id = "unlock"

    def __init__(self, ctx: AppContext, person: Person, someone_else: bool = False) -> None:
        """`someone_else`: the PC opened straight on this person's pad (one person uses it),
        so a small "Someone else" choice leads to "Who is using Companion?"."""
        super().__init__(ctx)
        self.person = person
        self.busy = False
        self.set_title(self._title)
        self.status = self.add_text(lambda: "", notice=True)  # the wait, right under the title
        self.status.hide()
        self.forgot_button = BigButton(self._forgot_text, line_chars=12)
        self.forgot_button.clicked.connect(self.forgot)
        self.open_button = BigButton(lambda: _("Open"), "check")
        self.open_button.clicked.connect(self.open_now)
        actions = [self.forgot_button, self.open_button]
        if someone_else:
            self.someone_else_button = BigButton(lambda: _("Someone else"), "person", line_chars=12)
            self.someone_else_button.clicked.connect(lambda: self.ctx.nav().back())
            actions.append(self.someone_else_button)
        self.pad = PinPad(
            self._box_name,
            digits=person.lock != "passphrase",
            actions=[self.open_button, *[a for a in actions if a is not self.open_button]],
        )
        self.pad.submitted.connect(self.open_now)
        self.add_widget(self.pad)
        self.use_pad(self.pad)
        self._own_savers.append(self._snug_status)  # after a wrong PIN, the keys come first
        self.finish_layout()
        self.growing_wait = GrowingWait(
            self, self._seconds_to_wait, self.say, lambda: self.open_button
        )
        self.wait_timer = self.growing_wait.timer
        self.wait_timer.timeout.connect(self.refresh_wait)
        self.refresh_wait()

    def _title(self) -> str:
        if self.person.lock == "passphrase":
            return _("Hello, {name}. Please type your passphrase.").format(name=self.person.name)
        return _("Hello, {name}. Please type your PIN.").format(name=self.person.name)

    def _box_name(self) -> str:
        return _("Your passphrase") if self.person.lock == "passphrase" else _("Your PIN")

    def _forgot_text(self) -> str:
        if self.person.lock == "passphrase":
            return _("I forgot my passphrase")
        return _("I forgot my PIN")

    def choices(self) -> list[QWidget]:
        return self.pad.focusables()

    def _snug_status(self, on: bool) -> None:
        """Less padding above and below the sentence over the pad (a wrong PIN, the wait):
        a label's own sheet, since a label does not take a changed property's padding."""
        pad = round(6 + 4 * person_look(self.ctx, self.person).text_scale / 100)  # as the theme
        self.status.setStyleSheet(f"padding: 2px {pad}px;" if on else "")

    def say(self, sentence: str) -> None:
        show_notice(self, self.status, sentence)
        self.setAccessibleDescription(sentence)

    # --- opening -----------------------------------------------------------------------
    def open_now(self) -> None:
        if self.busy or not self.open_button.isEnabled():
            return
        secret = self.pad.text() if self.person.lock != "passphrase" else self.pad.box.text()
        if not secret:
            self.say(_("Please type your PIN first, then press Open."))
            return
        people = people_of(self.ctx)
        person_id = self.person.id
        self.busy = True
        self.open_button.setEnabled(False)
        self.say(_("Opening…"))
        self.ctx.runner.run(
            lambda: people.unlock(person_id, secret), self._opened, self._failed, parent=self
        )

    def _opened(self, session: PersonSession) -> None:
        from ui.start import switch_to

        self.busy = False
        self.pad.clear()
        switch_to(self.ctx, session)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.pad.clear()
        sentence = problem_sentence(exc)
        self.say(sentence)
        speak_prompt(self.ctx, sentence)
        if isinstance(exc, UnlockDelayedError) or self._seconds_to_wait():
            self.refresh_wait(spoken=True)
        else:
            self.open_button.setEnabled(True)

    # --- the growing wait ------------------------------------------------------------------
    def _seconds_to_wait(self) -> int:
        return people_of(self.ctx).seconds_to_wait(self.person.id)

    def refresh_wait(self, spoken: bool = False) -> None:
        """Re-read the wait against the clock; the timer calls this every second."""
        if not self.busy:
            self.growing_wait.refresh(spoken)

    def on_shown(self) -> None:
        super().on_shown()
        # The pad opens at the text size the person chose (kept beside their name), the rest
        # of the window at the PC's until their data opens.
        look = person_look(self.ctx, self.person)
        self.setStyleSheet("" if look == self.ctx.look() else text_size_sheet(look))
        for button in self.findChildren(BigButton):
            button.set_icon_colour(look.palette.button_text, look.text_scale)
        self.pad.set_digit_size(look.points(32))
        self.pad.bottom.refresh()
        speak_prompt(self.ctx, self.title())

    def on_closed(self) -> None:
        self.wait_timer.stop()

    def retranslate(self) -> None:
        super().retranslate()
        self.pad.retranslate()
        self.open_button.retranslate()
        self.forgot_button.retranslate()

    def forgot(self) -> None:
        self.ctx.nav().push(ForgotScreen(self.ctx, self.person))


class ForgotScreen(Screen):
    """The route chosen at setup: the recovery code, or a helper's fresh start."""

    screen_id = "forgot_pin"

    def __init__(self, ctx: AppContext, person: Person, someone_else: bool = False) -> None:
        """`someone_else`: the PC opened straight on this person's pad (one person uses it),
        so a small "Someone else" choice leads to "Who is using Companion?"."""
        super().__init__(ctx)
        self.person = person
        self.busy = False
        name = person.name
        if person.has_recovery_code:
            self.set_title(lambda: _("Type your recovery code"))
            self.add_text(
                lambda: _(
                    "It is the code you wrote down when {name} was set up. "
                    "Capital letters and dashes do not matter."
                ).format(name=name)
            )
            self.code_box = QLineEdit()
            self.code_box.setAccessibleName(_("Recovery code"))
            self.code_box.returnPressed.connect(self.check_code)
            self.add_widget(self.code_box, focusable=True)
            self.status = self.add_text(lambda: "", notice=True)
            self.status.hide()
            self.next_button = self.add_choice(BigButton(lambda: _("Next"), "next"))
            self.next_button.clicked.connect(self.check_code)
        else:
            self.set_title(lambda: _("A helper can start {name} afresh").format(name=name))
            self.add_text(
                lambda: _(
                    "No recovery code was made, so the notes cannot be opened without the PIN. "
                    "A fresh start removes {name} and all of {name}'s notes without opening them. "
                    "Then {name} can be added again."
                ).format(name=name)
            )
            self.status = self.add_text(lambda: "", notice=True)
            self.status.hide()
            fresh = self.add_choice(BigButton(lambda: _("Start afresh"), "plus"))
            fresh.clicked.connect(self.confirm_fresh_start)
        self.finish_layout()

    def on_shown(self) -> None:
        super().on_shown()
        speak_prompt(self.ctx, self.title())

    def _say(self, sentence: str) -> None:
        show_notice(self, self.status, sentence)

    def check_code(self) -> None:
        from companion.security import person_keys

        code = self.code_box.text()
        if self.busy or not code.strip():
            return
        self.busy = True
        self._say(_("Checking…"))
        keys, person_id = self.person.keys, self.person.id
        self.ctx.runner.run(
            lambda: person_keys.unlock_with_recovery(keys, person_id, code),
            lambda _key: self._code_right(code),
            self._code_wrong,
            parent=self,
        )

    def _code_right(self, code: str) -> None:
        from ui.screens.people.add import NewSecretScreen

        self.busy = False
        self._say("")
        lock = self.person.lock if self.person.lock != "none" else "pin"
        people, person_id = people_of(self.ctx), self.person.id

        def reset(screen: NewSecretScreen, secret: str) -> None:
            screen.work_then_switch(
                lambda: people.reset_lock_with_recovery_code(
                    person_id, code, lock, secret, chosen_by_caregiver=lock == "short_pin"
                )
            )

        self.ctx.nav().push(NewSecretScreen(self.ctx, self.person.name, lock, on_chosen=reset))

    def _code_wrong(self, exc: Exception) -> None:
        self.busy = False
        self._say(problem_sentence(exc))
        speak_prompt(self.ctx, problem_sentence(exc))

    def confirm_fresh_start(self) -> None:
        from ui.shared.people_common import ConfirmInWordsScreen

        name = self.person.name
        self.ctx.nav().push(
            ConfirmInWordsScreen(
                self.ctx,
                lambda: _(
                    "Delete {name} and all of {name}'s check-ins? This cannot be undone."
                ).format(name=name),
                yes=lambda: _("Yes, delete {name}").format(name=name),
                no=lambda: _("No, keep {name}").format(name=name),
                on_yes=self.fresh_start,
            )
        )

    def fresh_start(self) -> None:
        from ui.start import show_people

        try:
            people_of(self.ctx).delete(self.person.id)
        except (OSError, SecurityError):
            _log.exception("A fresh start could not remove a person")
            self.ctx.nav().back()
            self._say(_("Companion could not remove those files. Please ask your helper."))
            return
        show_people(self.ctx)
