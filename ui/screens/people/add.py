"""Add a person, one question a screen: the name, how to lock, the PIN twice, a recovery code.

A 4-number PIN or no PIN is offered only as a helper's choice, with its trade-off said first,
and never when this PC is marked as shared. Restoring a backup walks the same steps, and
"Change my PIN" reuses the lock steps (a plan's `after_lock` says what follows them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from companion.i18n import _
from companion.people.profiles import MAX_NAME_LENGTH, Person, PersonSession
from companion.security import PinRejectedError, check_new_secret, new_recovery_code
from companion.security.pins import LockKind, trade_off_sentence
from ui.context import AppContext
from ui.screens.people.pin_pad import PinPad
from ui.screens.people.unlock import problem_sentence
from ui.shared.people_common import people_of, show_notice, speak_prompt
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

Finisher = Callable[["NewPersonPlan"], Person]  # runs off the UI thread
AfterLock = Callable[["StepScreen", "NewPersonPlan"], None]  # on the UI thread


@dataclass
class NewPersonPlan:
    """What the steps have gathered so far (kept in memory only, never logged)."""

    finisher: Finisher
    name: str = ""
    lock: LockKind = "pin"
    secret: str = field(default="", repr=False)
    recovery_code: str | None = field(default=None, repr=False)
    chosen_by_caregiver: bool = False
    # What follows once the lock and its PIN are chosen; None: the recovery-code step.
    after_lock: AfterLock | None = field(default=None, repr=False)
    for_self: bool = False  # the person is changing their own lock: "your", not their name


def add_person_screen(ctx: AppContext, finisher: Finisher | None = None) -> Screen:
    """The first step; `finisher` makes the person (default: a new, empty person)."""
    people = people_of(ctx)

    def add(plan: NewPersonPlan) -> Person:
        return people.add(
            plan.name,
            plan.lock,
            plan.secret,
            plan.recovery_code,
            chosen_by_caregiver=plan.chosen_by_caregiver,
        )

    return AddNameScreen(ctx, NewPersonPlan(finisher or add))


class StepScreen(Screen):
    """A step with a status line, which can finish the plan off the UI thread."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.busy = False
        self.status: QLabel | None = None

    def add_status(self) -> None:
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()

    def say(self, sentence: str) -> None:
        if self.status is not None:
            show_notice(self, self.status, sentence)
        self.setAccessibleDescription(sentence)
        if sentence:
            speak_prompt(self.ctx, sentence)

    def on_shown(self) -> None:
        super().on_shown()
        speak_prompt(self.ctx, self.title())

    def run_step(
        self, work: Callable[[], Any], on_done: Callable[[Any], None], sentence: str
    ) -> None:
        """Run `work` off the UI thread, saying `sentence` meanwhile; `on_done` gets its result."""
        if self.busy:
            return
        self.busy = True
        self.say(sentence)

        def done(result: Any) -> None:
            self.busy = False
            self.say("")
            on_done(result)

        self.ctx.runner.run(work, done, self._failed, parent=self)

    def work_then_switch(self, work: Callable[[], PersonSession]) -> None:
        """Run `work` off the UI thread, then open the session it returns."""
        self.run_step(work, self._opened, _("Setting things up… This can take a few seconds."))

    def _opened(self, session: PersonSession) -> None:
        from ui.start import switch_to

        switch_to(self.ctx, session)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.say(problem_sentence(exc))

    def finish_plan(self, plan: NewPersonPlan) -> None:
        people = people_of(self.ctx)

        def make_and_open() -> PersonSession:
            person = plan.finisher(plan)
            return people.unlock(person.id, plan.secret)

        self.work_then_switch(make_and_open)


class AddNameScreen(StepScreen):
    screen_id = "add_person_name"

    def __init__(self, ctx: AppContext, plan: NewPersonPlan) -> None:
        super().__init__(ctx)
        self.plan = plan
        self.set_title(lambda: _("What is the new person's name?"))
        self.add_text(
            lambda: _(
                "A first name or initials is enough. Everyone who uses this computer sees it."
            )
        )
        self.name_box = QLineEdit(plan.name)
        self.name_box.setMaxLength(MAX_NAME_LENGTH)
        self.name_box.setAccessibleName(_("Name"))
        self.name_box.returnPressed.connect(self.next_step)
        self.add_widget(self.name_box, focusable=True)
        self.add_status()
        self.next_button = self.add_choice(BigButton(lambda: _("Next"), "next"))
        self.next_button.clicked.connect(self.next_step)
        self.finish_layout()

    def next_step(self) -> None:
        name = " ".join(self.name_box.text().split())
        taken = {p.name.casefold() for p in people_of(self.ctx).all()}
        if not name:
            self.say(_("Please type a name, or just initials."))
        elif name.casefold() in taken:
            self.say(_("Someone here already has that name. Please add a letter."))
        else:
            self.say("")
            self.plan.name = name
            self.ctx.nav().push(ChooseLockScreen(self.ctx, self.plan))


def lock_chosen(screen: StepScreen, plan: NewPersonPlan) -> None:
    """The lock and its PIN are known: the plan's own next step, or the recovery code."""
    if plan.after_lock is not None:
        plan.after_lock(screen, plan)
    else:
        screen.ctx.nav().push(RecoveryChoiceScreen(screen.ctx, plan))


def shared_pc(ctx: AppContext) -> bool:
    try:
        return bool(ctx.settings.get("shared_pc"))
    except KeyError:
        return False


class ChooseLockScreen(StepScreen):
    screen_id = "add_person_lock"

    def __init__(self, ctx: AppContext, plan: NewPersonPlan) -> None:
        super().__init__(ctx)
        self.plan = plan
        name = plan.name
        if plan.for_self:
            self.set_title(lambda: _("How should your notes be locked?"))
        else:
            self.set_title(lambda: _("How should {name}'s notes be locked?").format(name=name))
        self.add_text(lambda: trade_off_sentence("pin"))
        self.add_text(lambda: trade_off_sentence("passphrase"))
        pin = self.add_choice(BigButton(lambda: _("6 or more numbers"), "lock", tile=True))
        pin.clicked.connect(lambda: self._choose("pin"))
        words = self.add_choice(BigButton(lambda: _("A few words"), "lock", tile=True))
        words.clicked.connect(lambda: self._choose("passphrase"))
        if not shared_pc(ctx):
            helper = self.add_choice(
                BigButton(lambda: _("A helper chooses something simpler"), "person", tile=True)
            )
            helper.clicked.connect(
                lambda: self.ctx.nav().push(HelperLockScreen(self.ctx, self.plan))
            )
        self.finish_layout()

    def _choose(self, lock: LockKind) -> None:
        self.plan.lock, self.plan.chosen_by_caregiver = lock, False
        self.ctx.nav().push(NewSecretScreen(self.ctx, self.plan.name, lock, self._chosen))

    def _chosen(self, screen: NewSecretScreen, secret: str) -> None:
        self.plan.secret = secret
        lock_chosen(screen, self.plan)


class HelperLockScreen(StepScreen):
    """Only for one person at home; each trade-off is said before it can be chosen."""

    screen_id = "add_person_helper_lock"

    def __init__(self, ctx: AppContext, plan: NewPersonPlan) -> None:
        super().__init__(ctx)
        self.plan = plan
        self.set_title(lambda: _("For a helper: a simpler lock"))
        self.add_text(lambda: trade_off_sentence("short_pin"))
        people = ctx.parts.people
        if people is not None and people.uses_fallback_file():  # no PIN: a copy opens the notes
            from companion.security.exposure import no_pin_choice_sentence

            self.add_text(no_pin_choice_sentence, notice=True)
        else:
            self.add_text(lambda: trade_off_sentence("none"))
        self.add_status()
        short = self.add_choice(BigButton(lambda: _("A 4-number PIN"), "lock", tile=True))
        short.clicked.connect(self._short_pin)
        none = self.add_choice(BigButton(lambda: _("No PIN"), "person", tile=True))
        none.clicked.connect(self._no_pin)
        self.finish_layout()

    def _short_pin(self) -> None:
        self.plan.lock, self.plan.chosen_by_caregiver = "short_pin", True

        def chosen(screen: NewSecretScreen, secret: str) -> None:
            self.plan.secret = secret
            lock_chosen(screen, self.plan)

        self.ctx.nav().push(NewSecretScreen(self.ctx, self.plan.name, "short_pin", chosen))

    def _no_pin(self) -> None:
        self.plan.lock, self.plan.secret, self.plan.chosen_by_caregiver = "none", "", True
        lock_chosen(self, self.plan)


class NewSecretScreen(StepScreen):
    """Choose a PIN or passphrase, then type it once more; `on_chosen` gets it."""

    screen_id = "new_secret"

    def __init__(
        self,
        ctx: AppContext,
        name: str,
        lock: LockKind,
        on_chosen: Callable[[NewSecretScreen, str], None],
    ) -> None:
        super().__init__(ctx)
        self.name, self.lock, self.on_chosen = name, lock, on_chosen
        self.first: str | None = None
        self.set_title(self._title)
        self.hint = self.add_text(self._hint)
        self.add_status()
        self.next_button = BigButton(lambda: _("Next"), "next")
        self.next_button.clicked.connect(self.next_step)
        self.pad = PinPad(self._box_name, digits=lock != "passphrase", actions=[self.next_button])
        self.pad.submitted.connect(self.next_step)
        self.add_widget(self.pad)
        self.use_pad(self.pad)
        self.finish_layout()

    def _title(self) -> str:
        if self.first is not None:
            return _("Please type it once more, to be sure.")
        if self.lock == "passphrase":
            return _("Choose a passphrase for {name}").format(name=self.name)
        if self.lock == "short_pin":
            return _("Choose a 4-number PIN for {name}").format(name=self.name)
        return _("Choose a PIN for {name}").format(name=self.name)

    def _hint(self) -> str:
        if self.lock == "passphrase":
            return _("Use three or four words you like, at least 12 letters in all.")
        if self.lock == "short_pin":
            return _("Use 4 numbers that others would not guess.")
        return _("Use 6 or more numbers that others would not guess, not a birthday.")

    def _box_name(self) -> str:
        return _("New passphrase") if self.lock == "passphrase" else _("New PIN")

    def choices(self) -> list[QWidget]:
        return self.pad.focusables()

    def on_shown(self) -> None:
        super().on_shown()
        self.pad.set_digit_size(self.ctx.look().points(32))

    def _secret(self) -> str:
        return self.pad.box.text() if self.lock == "passphrase" else self.pad.text()

    def next_step(self) -> None:
        if self.busy:
            return
        secret = self._secret()
        if self.first is None:
            try:
                check_new_secret(self.lock, secret)
            except PinRejectedError as exc:
                self.say(str(exc))
                return
            self.first = secret
            self.pad.clear()
            self.say("")
            self.retranslate()
            speak_prompt(self.ctx, self.title())
            return
        if secret != self.first:
            self.first = None
            self.pad.clear()
            self.retranslate()
            self.say(_("Those two were not the same. Please choose again."))
            return
        self.pad.clear()
        self.on_chosen(self, secret)

    def retranslate(self) -> None:
        super().retranslate()
        self.pad.retranslate()
        self.next_button.retranslate()


class RecoveryChoiceScreen(StepScreen):
    screen_id = "add_person_recovery"

    def __init__(self, ctx: AppContext, plan: NewPersonPlan) -> None:
        super().__init__(ctx)
        self.plan = plan
        name = plan.name
        self.set_title(lambda: _("If {name} forgets the PIN").format(name=name))
        self.add_text(
            lambda: _(
                "A recovery code is a short code to write on paper and keep safe. "
                "It is the only way back to the notes without the PIN."
            )
        )
        self.add_text(
            lambda: _(
                "Without a code, a helper can start {name} afresh, but the notes are then lost."
            ).format(name=name)
        )
        self.add_status()
        code = self.add_choice(BigButton(lambda: _("Make a recovery code"), "check", tile=True))
        code.clicked.connect(self.make_code)
        helper = self.add_choice(BigButton(lambda: _("No code"), "person", tile=True))
        helper.clicked.connect(self.no_code)
        self.finish_layout()

    def make_code(self) -> None:
        self.plan.recovery_code = new_recovery_code()
        self.ctx.nav().push(RecoveryCodeScreen(self.ctx, self.plan))

    def no_code(self) -> None:
        self.plan.recovery_code = None
        self.finish_plan(self.plan)


class RecoveryCodeScreen(StepScreen):
    """The code in huge letters, until the person says they wrote it down."""

    screen_id = "add_person_recovery_code"

    def __init__(self, ctx: AppContext, plan: NewPersonPlan) -> None:
        super().__init__(ctx)
        self.plan = plan
        code = plan.recovery_code or ""
        self.set_title(lambda: _("Write down this recovery code"))
        self.code_label = self.add_text(lambda: code, notice=True)
        self.code_label.setProperty("recoveryCode", True)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_text(
            lambda: _(
                "Write it on paper now and keep it somewhere safe, away from this computer. "
                "Capital letters and dashes do not matter."
            )
        )
        self.add_status()
        done = self.add_choice(BigButton(lambda: _("I have written it down"), "check", tile=True))
        done.clicked.connect(lambda: self.finish_plan(self.plan))
        self.finish_layout()

    def on_shown(self) -> None:
        super().on_shown()
        points = self.ctx.look().points(30)
        self.code_label.setStyleSheet(
            f"font-size: {points}pt; font-family: 'DejaVu Sans Mono'; font-weight: bold;"
        )
