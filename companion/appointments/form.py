"""The add/edit session form as data and rules: one field per step, each checked before going on.

The UI shows one widget per kind of step ("text", "when", "choice"); this module says which steps
there are, what each asks, what is wrong with an answer, and builds the appointments at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo

from companion.appointments.links import check_link
from companion.appointments.model import Appointment
from companion.appointments.recurrence import DEFAULT_HORIZON, occurrences
from companion.appointments.schedule import day_words, time_words
from companion.i18n import N_, _

LENGTH_CHOICES: tuple[int, ...] = (30, 45, 50, 60, 90)
REPEAT_RULES: dict[str, str | None] = {
    "none": None,
    "weekly": "FREQ=WEEKLY",
    "every_2_weeks": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
}
REPEAT_WORDS: dict[str, str] = {
    "none": N_("Only once"),
    "weekly": N_("Every week"),
    "every_2_weeks": N_("Every two weeks"),
    "monthly": N_("Every month"),
}
_PHONE_CHARACTERS = re.compile(r"^[0-9+()\-. ,#*]+$")


@dataclass(frozen=True)
class FormStep:
    """One question of the form; `kind` picks the widget that shows it."""

    field: str
    kind: str  # "text", "long_text", "when", "length", "repeat"
    question: str  # N_() text, translated when shown
    hint: str


STEPS: tuple[FormStep, ...] = (
    FormStep("with_whom", "text", N_("Who is the session with?"), N_("For example: Dr. Lee.")),
    FormStep("when", "when", N_("What day and time is it?"), N_("Use the time where you live.")),
    FormStep("length", "length", N_("How long is it?"), N_("Most sessions last 50 minutes.")),
    FormStep(
        "link",
        "text",
        N_("What is the link to join?"),
        N_("Copy it from the clinic's email. You can leave it empty and add it later."),
    ),
    FormStep(
        "phone",
        "text",
        N_("What number can you call if the video does not work?"),
        N_("You can leave it empty."),
    ),
    FormStep(
        "notes",
        "long_text",
        N_("Anything to remember for this session?"),
        N_("For example: Have your glasses and your pill list."),
    ),
    FormStep("repeat", "repeat", N_("Does it repeat?"), N_("Companion adds the coming months.")),
)


@dataclass
class SessionDraft:
    """The answers so far (changed step by step; frozen into Appointments at the end)."""

    with_whom: str = ""
    day: date | None = None
    start_time: time = time(14, 0)
    duration_minutes: int = 50
    link: str = ""
    phone: str = ""
    notes: str = ""
    repeat: str = "none"
    title: str = ""


class SessionForm:
    """The steps, their checks, and the appointments the answers make."""

    def __init__(
        self,
        zone: tzinfo,
        now: datetime,
        editing: Appointment | None = None,
        trusted_domains: tuple[str, ...] = (),
    ) -> None:
        self.zone, self.now, self.editing = zone, now, editing
        self.trusted_domains = trusted_domains
        self.draft = SessionDraft(day=(now.astimezone(zone) + timedelta(days=1)).date())
        if editing is not None:
            local = editing.start.astimezone(zone)
            self.draft = SessionDraft(
                with_whom=editing.with_whom,
                day=local.date(),
                start_time=local.time().replace(second=0, microsecond=0),
                duration_minutes=editing.duration_minutes,
                link=editing.link or "",
                phone=editing.phone or "",
                notes=editing.notes,
                title=editing.title,
            )
        # Repeating is chosen when adding; an edit changes one session of a series.
        self.steps = tuple(s for s in STEPS if not (editing and s.field == "repeat"))

    def start(self) -> datetime:
        day = self.draft.day or self.now.astimezone(self.zone).date()
        return datetime.combine(day, self.draft.start_time, tzinfo=self.zone)

    def problem(self, step: FormStep) -> str | None:
        """What is wrong with the answer to `step`, as a sentence; None when it is fine."""
        d = self.draft
        if step.field == "when" and self.editing is None and self.start() <= self.now:
            return _("That time has already passed. Choose a day and time still to come.")
        if step.field == "link" and d.link.strip():
            verdict = check_link(d.link.strip(), self.trusted_domains)
            return None if verdict.ok else verdict.reason
        if step.field == "phone" and d.phone.strip():
            digits = sum(char.isdigit() for char in d.phone)
            if not _PHONE_CHARACTERS.match(d.phone.strip()) or not 7 <= digits <= 20:
                return _("Type the phone number with digits, like 613-555-0100.")
        return None

    def appointments(self) -> list[Appointment]:
        """The sessions to save: one (or the edited one), or a series for the coming months."""
        d = self.draft
        link = d.link.strip()
        if link:
            verdict = check_link(link, self.trusted_domains)
            link = verdict.url if verdict.ok and verdict.url else ""
        base = Appointment(
            id=self.editing.id if self.editing else None,
            title=d.title.strip() or _("Video session"),
            with_whom=" ".join(d.with_whom.split())[:120],
            start=self.start(),
            duration_minutes=d.duration_minutes,
            link=link or None,
            phone=d.phone.strip() or None,
            notes=d.notes.strip(),
            recurrence=self.editing.recurrence if self.editing else None,
            uid=self.editing.uid if self.editing else None,
        )
        rule = REPEAT_RULES.get(d.repeat)
        if self.editing is not None or rule is None:
            return [base]
        uid = f"companion-{base.start.astimezone(self.zone):%Y%m%dT%H%M}-{d.repeat}"
        starts = occurrences(base.start, rule, window_start=self.now, horizon=DEFAULT_HORIZON)
        return [replace(base, start=s, recurrence=rule, uid=uid) for s in starts]

    def summary(self) -> list[str]:
        """The answers in sentences, for the last step before saving."""
        d = self.draft
        lines = [
            _("With: {person}").format(person=d.with_whom.strip() or _("not given")),
            _("When: {day} at {time}").format(
                day=day_words(self.start(), self.now, self.zone),
                time=time_words(self.start(), self.zone),
            ),
            _("Length: {minutes} minutes").format(minutes=d.duration_minutes),
            _("Link: {state}").format(state=_("added") if d.link.strip() else _("none yet")),
            _("Phone: {phone}").format(phone=d.phone.strip() or _("none")),
        ]
        if self.editing is None:
            lines.append(_("Repeats: {how}").format(how=_(REPEAT_WORDS[d.repeat])))
        return lines
