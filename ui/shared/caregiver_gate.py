"""The helper's gate: Settings, schedules, trusted sites and content packs ask for the helper PIN.

`guarded(ctx, open_screen)` is a screen factory: it gives the screen itself while the caregiver
area is open (or no caregiver PIN is set), else a gate that asks for the PIN (checked off the UI
thread: Argon2) and then replaces itself with the screen. The PIN opens no one's data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from companion.i18n import _
from companion.security import SecurityError, UnlockDelayedError
from companion.security.caregiver import CaregiverLock, ProtectedArea
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)
ScreenFactory = Callable[[AppContext], Screen]


def caregiver_lock(ctx: AppContext) -> CaregiverLock:
    """The one CaregiverLock of this data folder (ctx.parts.caregiver), made on first use."""
    return ctx.parts.caregiver.get()


def guarded(
    ctx: AppContext, open_screen: ScreenFactory, area: ProtectedArea = "settings"
) -> Screen:
    """`open_screen(ctx)` when the helper's area is open, else the PIN gate that leads to it."""
    if caregiver_lock(ctx).guards(area):
        return CaregiverGateScreen(ctx, open_screen)
    return open_screen(ctx)


def secret_box(name: Callable[[], str], screen: Screen) -> QLineEdit:
    """A labelled, hidden text box (a PIN or a few words), added to `screen`."""
    label = QLabel(name())
    label.setWordWrap(True)
    box = QLineEdit()
    box.setEchoMode(QLineEdit.EchoMode.Password)
    box.setAccessibleName(name())
    label.setBuddy(box)
    screen.add_widget(label)
    screen.add_widget(box)
    return box


def wait_sentence(exc: Exception) -> str:
    if isinstance(exc, UnlockDelayedError):
        from ui.shared.people_common import seconds_in_words

        return _("Please wait {time} before trying again.").format(
            time=seconds_in_words(exc.seconds_left)
        )
    if isinstance(exc, SecurityError):
        return str(exc)
    _log.error("Caregiver PIN check failed unexpectedly", exc_info=exc)
    return _("Something went wrong, and nothing was changed. Please try again.")


class SecretScreen(Screen):
    """A screen with secret boxes, "Show what I type", a status line, and one action."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.busy = False
        self.boxes: list[QLineEdit] = []

    def add_box(self, name: Callable[[], str]) -> QLineEdit:
        box = secret_box(name, self)
        box.returnPressed.connect(self.act)
        self.boxes.append(box)
        return box

    def add_actions(self, action_words: Callable[[], str]) -> None:
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()
        self.show_button = self.add_choice(BigButton(lambda: _("Show what I type"), checkable=True))
        self.show_button.toggled.connect(self._show)
        self.action_button = self.add_choice(BigButton(action_words, "check"))
        self.action_button.clicked.connect(self.act)
        self.finish_layout()

    def _show(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for box in self.boxes:
            box.setEchoMode(mode)

    def choices(self) -> list[QWidget]:
        return [*self.boxes, *super().choices()]

    def say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.status.setVisible(bool(sentence))
        self.setAccessibleDescription(sentence)
        if sentence and self.ctx.speech.available:
            self.ctx.speech.say(sentence)

    def run_check(self, work: Callable[[], None], done: Callable[[], None]) -> None:
        """Argon2 off the UI thread; the result comes back here."""
        if self.busy:
            return
        self.busy = True
        self.say(_("Checking…"))

        def finished(_result: object) -> None:
            self.busy = False
            self.say("")
            done()

        def failed(exc: Exception) -> None:
            self.busy = False
            for box in self.boxes:
                box.clear()
            self.say(wait_sentence(exc))

        self.ctx.runner.run(work, finished, failed, parent=self)

    def act(self) -> None:
        """Subclasses do their one action."""

    def on_shown(self) -> None:
        super().on_shown()
        if self.boxes:
            self.boxes[0].setFocus()


class CaregiverGateScreen(SecretScreen):
    """ "This part is for your helper": the caregiver PIN, then the screen it guards."""

    screen_id = "caregiver_gate"

    def __init__(self, ctx: AppContext, open_screen: ScreenFactory) -> None:
        super().__init__(ctx)
        self.open_screen = open_screen
        self.set_title(lambda: _("This part is for your helper"))
        self.add_text(
            lambda: _(
                "Your helper protected how Companion works with a helper PIN. "
                "It does not open your notes. Ask your helper to type it."
            )
        )
        self.pin_box = self.add_box(lambda: _("Helper PIN"))
        self.add_actions(lambda: _("Open"))

    def act(self) -> None:
        pin = self.pin_box.text()
        lock = caregiver_lock(self.ctx)
        self.run_check(lambda: lock.check(pin), self._opened)

    def _opened(self) -> None:
        nav = self.ctx.nav()
        if nav.current() is self:
            nav.back()
        nav.push(self.open_screen(self.ctx))


class CaregiverPinScreen(SecretScreen):
    """Choose (or change) the helper PIN: the current one first when there is one."""

    screen_id = "caregiver_pin"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.lock = caregiver_lock(ctx)
        self.had_pin = self.lock.is_set()
        self.set_title(lambda: _("Helper PIN"))
        self.add_text(
            lambda: _(
                "A helper PIN keeps Settings, reminders and trusted websites as you set them. "
                "It cannot open anyone's notes. Use 6 numbers or more, or a few words."
            )
        )
        self.current_box = self.add_box(lambda: _("The helper PIN now")) if self.had_pin else None
        self.new_box = self.add_box(lambda: _("The new helper PIN"))
        self.again_box = self.add_box(lambda: _("The new helper PIN again"))
        self.add_actions(lambda: _("Save the helper PIN"))

    def act(self) -> None:
        new, again = self.new_box.text(), self.again_box.text()
        if new != again:
            self.say(_("The two do not match. Please type it again, slowly."))
            return
        current = self.current_box.text() if self.current_box is not None else None
        lock = self.lock

        def save() -> None:
            lock.set_pin(new, current)
            lock.check(new)  # the helper who set it stays in

        self.run_check(save, self._saved)

    def _saved(self) -> None:
        self.ctx.nav().back()
        _log.info("Helper PIN saved from Settings")
