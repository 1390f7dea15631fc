"""The first-run guided setup as data plus a pure state machine, and the page a caregiver prints.

Eight big steps at most, each with Back and "Do this later". The UI shows one widget per kind of
step ("choice", "text", "lock", "safety", "extras"); this module says which steps there are, what
each asks, checks each answer, and applies everything to the settings and the person at the end.
Skipping every step still leaves a working app (the newcomer's "Me" with no PIN).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from typing import Any, Literal

from companion.config import SETTINGS_BY_NAME, SettingsStore
from companion.i18n import N_, _
from companion.people.profiles import MAX_NAME_LENGTH, People, PersonSession
from companion.preferences import Preferences
from companion.safety.crisis import MAX_EMERGENCY_CONTACTS, EmergencyContact
from companion.security import LockKind, SecurityError, check_new_secret, trade_off_sentence
from companion.security.pins import CAREGIVER_ONLY

_log = logging.getLogger(__name__)

StepKind = Literal["choice", "scale", "text", "lock", "safety", "extras"]


@dataclass(frozen=True)
class SetupChoice:
    """One big button of a choice step: the value it sets and its words (N_, shown translated)."""

    value: Any
    words: str
    explanation: str = ""


@dataclass(frozen=True)
class SetupStep:
    """One question of the first run; `kind` picks the widget, `setting` what it changes live."""

    step_id: str
    kind: StepKind
    question: str
    explanation: str
    setting: str | None = None
    choices: tuple[SetupChoice, ...] = ()


def declared_choices(setting: str) -> tuple[SetupChoice, ...]:
    """A setting's values and their words, as declared once in companion.config."""
    return tuple(
        SetupChoice(o.value, o.label.format(value=o.value), o.explanation)
        for o in SETTINGS_BY_NAME[setting].options
    )


STEPS: tuple[SetupStep, ...] = (
    SetupStep(
        "language",
        "choice",
        N_("Which language do you want?"),
        N_("You can change this later in Settings."),
        "language",
        declared_choices("language"),
    ),
    SetupStep(
        "text_size",
        "scale",
        N_("How big should the words be?"),
        N_("The whole screen changes as you choose. Pick the size that is easy to read."),
        "text_scale",
        declared_choices("text_scale"),
    ),
    SetupStep(
        "voice",
        "choice",
        N_("How fast should Companion speak?"),
        N_("Choose a speed to hear how it sounds."),
        "speech_rate",
        declared_choices("speech_rate"),
    ),
    SetupStep(
        "who",
        "choice",
        N_("Who will use this computer?"),
        N_("This decides how Companion keeps each person's notes apart."),
        "shared_pc",
        declared_choices("shared_pc"),
    ),
    SetupStep(
        "name",
        "text",
        N_("What is your name?"),
        N_("Just a first name or initials is fine. It shows on your own button."),
    ),
    SetupStep(
        "lock",
        "lock",
        N_("How will you lock your notes?"),
        N_("You will use this each time you open Companion."),
    ),
    SetupStep(
        "safety",
        "safety",
        N_("Who can help in a hard moment?"),
        N_("Choose where you live for the right crisis lines. Add up to three people to call."),
    ),
    SetupStep(
        "extras",
        "extras",
        N_("Anything else to set up now?"),
        N_("A daily reminder to check in, and your first video session. Both are optional."),
    ),
)
STEP_IDS: tuple[str, ...] = tuple(s.step_id for s in STEPS)
MAX_STEPS = 8
assert len(STEPS) <= MAX_STEPS

LOCK_CHOICES: tuple[LockKind, ...] = ("pin", "passphrase", "short_pin", "none")
LOCK_WORDS: dict[LockKind, str] = {
    "pin": N_("A PIN of 6 numbers or more"),
    "passphrase": N_("A few words"),
    "short_pin": N_("A PIN of 4 numbers"),
    "none": N_("No PIN"),
}


class SetupError(ValueError):
    """An answer cannot be used; `str(error)` is one kind sentence saying what to do instead."""


@dataclass
class SetupAnswers:
    """What was chosen so far; None (or empty) means "not answered" and keeps the default."""

    language: str | None = None
    text_scale: int | None = None
    speech_rate: int | None = None
    shared_pc: bool | None = None
    name: str | None = None
    lock: LockKind | None = None
    secret: str = field(default="", repr=False)  # never shown, printed or logged
    recovery_code: str | None = field(default=None, repr=False)
    region: str | None = None
    contacts: tuple[EmergencyContact, ...] = ()
    # True: `contacts` is the whole list to keep (the step showed what was kept, so an empty
    # list means every person was removed). False: not answered, or what was kept could not be
    # read, so the people typed are added and nobody kept is dropped.
    contacts_replace: bool = False
    reminder_time: time | None = None
    wants_first_session: bool = False


class SetupFlow:
    """Where the first run is, and what was answered; the UI calls these and shows `current`."""

    def __init__(self) -> None:
        self.steps: tuple[SetupStep, ...] = STEPS
        self.index = 0
        self.answers = SetupAnswers()
        self.later: set[str] = set()  # steps left for later with "Do this later"

    @property
    def current(self) -> SetupStep:
        return self.steps[min(self.index, len(self.steps) - 1)]

    @property
    def finished(self) -> bool:
        return self.index >= len(self.steps)

    def position(self) -> tuple[int, int]:
        """(step number from 1, number of steps), for "Step 3 of 8"."""
        return min(self.index, len(self.steps) - 1) + 1, len(self.steps)

    def next(self) -> None:
        self.later.discard(self.current.step_id)
        self.index = min(self.index + 1, len(self.steps))

    def back(self) -> None:
        self.index = max(0, self.index - 1)

    def do_later(self) -> None:
        """Leave this step as it is (its defaults stand) and move on."""
        self.later.add(self.current.step_id)
        self.index = min(self.index + 1, len(self.steps))

    # Answers ---------------------------------------------------------------------------
    def choose(self, step_id: str, value: Any) -> None:
        """A choice step's answer; raises SetupError for a value the step does not offer."""
        step = self.steps[STEP_IDS.index(step_id)]
        if step.kind not in ("choice", "scale") or step.setting is None:
            raise SetupError(f"{step_id} is not a choice step")
        if value not in [c.value for c in step.choices]:
            raise SetupError(f"{value!r} is not offered for {step_id}")
        setattr(self.answers, step.setting, value)
        if step_id == "who" and value and self.answers.lock in CAREGIVER_ONLY:
            self.answers.lock, self.answers.secret = None, ""  # not allowed on a shared PC

    def set_name(self, name: str) -> None:
        cleaned = " ".join(name.split())
        if not cleaned:
            raise SetupError(_("Please type a name, or just initials."))
        if len(cleaned) > MAX_NAME_LENGTH:
            raise SetupError(_("Please use a shorter name, up to 40 letters."))
        self.answers.name = cleaned

    def lock_choices(self) -> tuple[LockKind, ...]:
        """A 4-number PIN or no PIN only for one person at home (never on a shared PC)."""
        if self.answers.shared_pc:
            return tuple(k for k in LOCK_CHOICES if k not in CAREGIVER_ONLY)
        return LOCK_CHOICES

    def set_lock(
        self, kind: LockKind, secret: str, repeated: str, recovery_code: str | None
    ) -> None:
        """Check the PIN or passphrase (typed twice) before keeping it; SetupError if not usable."""
        if kind not in self.lock_choices():
            raise SetupError(_("On a shared computer, each person needs a PIN of 6 numbers."))
        if kind == "none":
            secret = repeated = ""
        try:
            check_new_secret(kind, secret)
        except SecurityError as exc:
            raise SetupError(str(exc)) from exc
        if secret != repeated:
            raise SetupError(_("The two do not match. Please type it again, slowly."))
        self.answers.lock, self.answers.secret = kind, secret
        self.answers.recovery_code = recovery_code

    def set_safety(
        self, region: str | None, contacts: list[tuple[str, str, str]], *, replace: bool = True
    ) -> None:
        """Region for crisis lines and up to three people: each needs a name and a number.
        `replace`: the list is all the people to keep (False: what was kept is unknown)."""
        people = []
        for name, phone, relation in contacts:
            name, phone, relation = name.strip(), phone.strip(), relation.strip()
            if not name and not phone:
                continue
            if not name or not phone:
                raise SetupError(
                    _(
                        "Please give both a name and a phone number for each person, "
                        "or leave both empty."
                    )
                )
            people.append(EmergencyContact(name, phone, relation))
        if len(people) > MAX_EMERGENCY_CONTACTS:
            raise SetupError(_("Please add at most three people."))
        self.answers.region = region
        self.answers.contacts = tuple(people)
        self.answers.contacts_replace = replace

    def set_extras(self, reminder_time: time | None, wants_first_session: bool) -> None:
        self.answers.reminder_time = reminder_time
        self.answers.wants_first_session = wants_first_session


def lock_sentence(kind: LockKind, *, no_keyring: bool = False) -> str:
    """What each way of locking means, in one sentence (the security module's own words).

    On a PC with no keyring, "no PIN" also says that a copied folder opens the notes."""
    if kind == "none" and no_keyring:
        from companion.security.exposure import no_pin_choice_sentence

        return no_pin_choice_sentence()
    return trade_off_sentence(kind)


# Applying it all ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SetupResult:
    """What the app should do after the first run: the session to use and what was left out."""

    session: PersonSession
    recovery_code: str | None
    problems: tuple[str, ...] = ()


SETTING_ANSWERS = ("language", "text_scale", "speech_rate", "shared_pc", "region")


def apply_settings(answers: SetupAnswers, settings: SettingsStore) -> None:
    """Keep every answered setting (a shared PC brings the idle auto-lock with it)."""
    for name in SETTING_ANSWERS:
        value = getattr(answers, name)
        if value is not None:
            settings.set(name, value)
    if answers.text_scale is not None:
        settings.set("follow_system_look", False)  # the person chose their own size
    # Starting with the computer comes with the answer to "Who will use this computer?": on for
    # one person at home, off in community-centre mode (the helper can change it in Settings >
    # Reminders). Left for later, nothing changes.
    if answers.shared_pc is not None:
        settings.set("start_with_computer", not answers.shared_pc)


def is_untouched(session: PersonSession, now: datetime) -> bool:
    """True when the person has nothing saved yet, so setting them up afresh loses nothing."""
    start, end = datetime(2000, 1, 1, tzinfo=now.tzinfo), now + timedelta(days=366)
    return (
        not session.checkins.checkins_between(start, end)
        and not session.appointments.all()
        and not session.contacts.contacts()
        and session.checkins.latest_draft() is None
    )


def apply_person(
    answers: SetupAnswers, people: People | None, session: PersonSession, now: datetime
) -> SetupResult:
    """Make the person's answers real: name, lock, recovery code, contacts, reminder.

    Slow (Argon2), so the UI runs it off its thread. The newcomer's "Me" is replaced by the
    named person when it has nothing saved yet; otherwise it is only renamed and relocked, so no
    one's notes are ever lost to a setup run twice.
    """
    problems: list[str] = []
    wants_person_change = answers.name is not None or answers.lock is not None
    if wants_person_change and people is not None and not session.is_guest:
        try:
            session = _set_up_person(answers, people, session, now)
        except SecurityError as exc:
            _log.warning("Setup could not change the person (%s)", type(exc).__name__)
            problems.append(str(exc))
    if answers.contacts_replace:  # every person removed is removed, not kept behind
        session.contacts.set_contacts(list(answers.contacts))
    elif answers.contacts:  # what was kept was never shown: add to it, drop nobody
        kept = session.contacts.contacts()
        added = [c for c in answers.contacts if c not in kept]
        if len(kept) + len(added) > MAX_EMERGENCY_CONTACTS:
            _log.warning("Setup kept the people to call already kept; some typed were not added")
        session.contacts.set_contacts([*kept, *added][:MAX_EMERGENCY_CONTACTS])
    if answers.reminder_time is not None:
        _save_reminder(session.preferences, answers.reminder_time)
    recovery = answers.recovery_code if answers.lock not in (None, "none") else None
    return SetupResult(session, recovery, tuple(problems))


def apply_setup(
    answers: SetupAnswers,
    settings: SettingsStore,
    people: People | None,
    session: PersonSession,
    now: datetime,
) -> SetupResult:
    """Settings, then the person, then "first run done" (for callers without a UI thread)."""
    apply_settings(answers, settings)
    result = apply_person(answers, people, session, now)
    settings.set("first_run_done", True)
    _log.info("First run finished")
    return result


def _set_up_person(
    answers: SetupAnswers, people: People, session: PersonSession, now: datetime
) -> PersonSession:
    person = people.get(session.person_id)
    name = answers.name or person.name
    lock: LockKind = answers.lock or person.lock
    by_caregiver = not answers.shared_pc
    fresh = person.lock == "none" and not person.has_recovery_code and is_untouched(session, now)
    if fresh and len(people.all()) == 1:
        session.close()
        people.delete(person.id)
        added = people.add(
            name, lock, answers.secret, answers.recovery_code, chosen_by_caregiver=by_caregiver
        )
        return people.unlock(added.id, answers.secret)
    if answers.name is not None and answers.name != person.name:
        people.rename(person.id, name)
    if answers.lock is not None and person.lock == "none":
        people.change_lock(person.id, "", lock, answers.secret, chosen_by_caregiver=by_caregiver)
    session.display_name = name
    return session


def _save_reminder(preferences: Preferences, at: time) -> None:
    from companion.checkin.schedule import load_schedule, save_schedule

    schedule = load_schedule(preferences)
    save_schedule(preferences, replace(schedule, reminder_time=at))


def should_offer_first_run(settings: SettingsStore, people: People) -> bool:
    """Show the first run until it is finished, and only on a PC nobody has set up yet."""
    if settings.get("first_run_done"):
        return False
    everyone = people.all()
    if len(everyone) > 1:
        return False
    return not everyone or (everyone[0].lock == "none" and not everyone[0].has_recovery_code)
