"""Change my PIN, one step a screen: the PIN as it is now (skipped with no lock), the new lock,
the new PIN twice, done. Only the key's wrap changes; the database file is never rewritten.

Also the plain words about the person's lock that Settings and "What Companion keeps" show.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtWidgets import QWidget

from companion.i18n import _
from companion.people.profiles import People, Person, ProfileError
from companion.security import UnlockDelayedError
from companion.security.pins import lock_summary
from ui.context import AppContext
from ui.screens.people.add import ChooseLockScreen, NewPersonPlan, StepScreen, shared_pc
from ui.screens.people.pin_pad import PinPad
from ui.shared.people_common import GrowingWait, show_notice, speak_prompt
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)
ACCOUNT_SCREEN_ID = "account"


def _people(ctx: AppContext) -> People | None:
    return ctx.parts.people


def person_in(ctx: AppContext) -> Person | None:
    """The person whose data is open (None for a guest, or while the data is opening)."""
    session, people = ctx.session, _people(ctx)
    if session is None or session.is_guest or people is None:
        return None
    try:
        return people.get(session.person_id)
    except ProfileError:
        return None


def your_lock_sentences(ctx: AppContext, *, keyring: bool = True) -> str:
    """What the person's lock is and how long guessing it would take ("" for a guest);
    `keyring` adds whether the fallback file holds the safe key."""
    person, people = person_in(ctx), _people(ctx)
    if person is None or people is None:
        return ""
    return lock_summary(
        person.lock,
        ctx.session.secret_length if ctx.session is not None else 0,
        shared_pc=shared_pc(ctx),
        fallback_file=keyring and people.uses_fallback_file(),
    )


def start_change_pin(ctx: AppContext) -> None:
    """The first step: the PIN as it is now, or (with no lock) straight to the new lock."""
    person = person_in(ctx)
    if person is None:
        return
    if person.lock == "none":
        ctx.nav().push(ChooseLockScreen(ctx, change_plan(ctx, person, "")))
    else:
        ctx.nav().push(CurrentSecretScreen(ctx, person))


def change_plan(ctx: AppContext, person: Person, current: str) -> NewPersonPlan:
    """The add-person lock steps, ending in People.change_lock instead of a recovery code."""
    people = _people(ctx)
    assert people is not None

    def change(plan: NewPersonPlan) -> Person:
        return people.change_lock(
            person.id,
            current,
            plan.lock,
            plan.secret,
            chosen_by_caregiver=plan.chosen_by_caregiver,
        )

    def after_lock(screen: StepScreen, plan: NewPersonPlan) -> None:
        screen.run_step(
            partial(change, plan),
            lambda updated: changed(ctx, updated, plan.secret),
            _("Saving… This can take a few seconds."),
        )

    return NewPersonPlan(change, name=person.name, after_lock=after_lock, for_self=True)


def changed(ctx: AppContext, person: Person, secret: str) -> None:
    session = ctx.session
    if session is not None and session.person_id == person.id:
        session.secret_length = len("".join(secret.split()))
    _log.info("A person changed their lock (%s)", person.lock)
    ctx.nav().push(ChangedScreen(ctx, person))


class CurrentSecretScreen(StepScreen):
    """The PIN as it is now, on the same pad as unlocking; a wrong one grows the same wait."""

    screen_id = "change_pin_current"

    def __init__(self, ctx: AppContext, person: Person) -> None:
        super().__init__(ctx)
        self.person = person
        words = person.lock == "passphrase"
        if words:
            self.set_title(lambda: _("First, type your passphrase as it is now"))
        else:
            self.set_title(lambda: _("First, type your PIN as it is now"))
        self.add_status()
        self.next_button = BigButton(lambda: _("Next"), "next")
        self.next_button.clicked.connect(self.next_step)
        self.pad = PinPad(
            (lambda: _("Your passphrase")) if words else (lambda: _("Your PIN")),
            digits=not words,
            actions=[self.next_button],
        )
        self.pad.submitted.connect(self.next_step)
        self.add_widget(self.pad)
        self.use_pad(self.pad)
        self.finish_layout()
        self.growing_wait = GrowingWait(
            self, self._seconds_to_wait, self.status_only, lambda: self.next_button
        )
        self.wait_timer = self.growing_wait.timer
        self.wait_timer.timeout.connect(self.refresh_wait)
        self.refresh_wait()

    def choices(self) -> list[QWidget]:
        return self.pad.focusables()

    def on_shown(self) -> None:
        super().on_shown()
        self.pad.set_digit_size(self.ctx.look().points(32))

    def on_closed(self) -> None:
        self.wait_timer.stop()

    def retranslate(self) -> None:
        super().retranslate()
        self.pad.retranslate()
        self.next_button.retranslate()

    def _secret(self) -> str:
        return self.pad.box.text() if self.person.lock == "passphrase" else self.pad.text()

    def next_step(self) -> None:
        if self.busy or not self.next_button.isEnabled():
            return
        secret = self._secret()
        if not secret:
            self.say(_("Please type your PIN first, then press Next."))
            return
        people, person_id = _people(self.ctx), self.person.id
        assert people is not None
        self.next_button.setEnabled(False)
        self.run_step(
            lambda: people.check_secret(person_id, secret),
            lambda _none: self._right(secret),
            _("Checking…"),
        )

    def _right(self, secret: str) -> None:
        self.pad.clear()
        self.next_button.setEnabled(True)
        self.ctx.nav().push(ChooseLockScreen(self.ctx, change_plan(self.ctx, self.person, secret)))

    def _failed(self, exc: Exception) -> None:
        super()._failed(exc)
        self.pad.clear()
        if isinstance(exc, UnlockDelayedError) or self._seconds_to_wait():
            self.refresh_wait(spoken=True)
        else:
            self.next_button.setEnabled(True)

    def _seconds_to_wait(self) -> int:
        people = _people(self.ctx)
        return people.seconds_to_wait(self.person.id) if people is not None else 0

    def refresh_wait(self, spoken: bool = False) -> None:
        """Re-read the wait against the clock; the timer calls this every second."""
        if not self.busy:
            self.growing_wait.refresh(spoken)

    def status_only(self, sentence: str) -> None:
        """Update the line without saying it aloud (the countdown ticks every second)."""
        if self.status is not None:
            show_notice(self, self.status, sentence)
        self.setAccessibleDescription(sentence)


class ChangedScreen(Screen):
    """Done: the new lock said in words, with how long guessing it would take."""

    screen_id = "change_pin_done"

    def __init__(self, ctx: AppContext, person: Person) -> None:
        super().__init__(ctx)
        if person.lock == "none":
            self.set_title(lambda: _("Done. Your notes now have no PIN."))
        elif person.lock == "passphrase":
            self.set_title(lambda: _("Done. Your new passphrase is set."))
        else:
            self.set_title(lambda: _("Done. Your new PIN is set."))
        if person.lock != "none":
            self.add_text(lambda: _("Use it the next time you open Companion."))
        self.lock_label = self.add_text(lambda: your_lock_sentences(ctx, keyring=False))
        self.done_button = self.add_choice(BigButton(lambda: _("Done"), "check"))
        self.done_button.clicked.connect(self.finish)
        self.finish_layout()

    def on_shown(self) -> None:
        super().on_shown()
        speak_prompt(self.ctx, self.title())

    def finish(self) -> None:
        """Back to the screen the change started from, skipping the steps in between."""
        nav = self.ctx.nav()
        while nav.current().screen_id != ACCOUNT_SCREEN_ID:
            before = nav.current()
            nav.back()
            if nav.current() is before:  # at Home already
                return
