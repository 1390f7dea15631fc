"""Reminders while Companion's window is closed: which fall due now, and the words of each
notification the operating system shows (no Qt; the caller passes `now` from its clock).

A session brings three: a day before, an hour before, and when Join turns on (15 minutes
before). The daily check-in reminder comes at its time, at most once a day. On a shared PC, and
for anyone whose data is locked, a notification only says "Companion has a reminder for Mary":
never a session's title, a counsellor's name or a link.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path

from companion.appointments.model import Appointment
from companion.appointments.schedule import (
    JOIN_OPENS_BEFORE,
    countdown_words,
    day_words,
    time_words,
)
from companion.i18n import _
from companion.reminders.times import (
    REMINDER_TIMES_FILE_NAME,
    ReminderTimes,
    load_times,
    remove_times,
    save_times,
)
from companion.when_words import one_period

_log = logging.getLogger(__name__)

LOCKED_TIMES_GO_STALE = timedelta(hours=1)  # a time-only reminder older than this is skipped
MISSED_LOOKS_BACK = timedelta(days=7)
AWAKE_FILE_NAME = "last-awake.txt"
AWAKE_WRITE_EVERY = timedelta(minutes=5)
NOT_TODAY_PREFERENCE = "checkin.not_today"  # the local date the person said "Not today"


class Kind(StrEnum):
    SESSION_DAY_BEFORE = "session_day_before"
    SESSION_HOUR_BEFORE = "session_hour_before"
    SESSION_JOIN = "session_join"
    CHECKIN = "checkin"
    LOCKED = "locked"  # only the time is known: the person's data is locked
    NOTE = "note"  # a word from Companion itself ("still here", "no more reminders today")


SESSION_OFFSETS: tuple[tuple[timedelta, Kind], ...] = (
    (timedelta(days=1), Kind.SESSION_DAY_BEFORE),
    (timedelta(hours=1), Kind.SESSION_HOUR_BEFORE),
    (JOIN_OPENS_BEFORE, Kind.SESSION_JOIN),
)


@dataclass(frozen=True)
class Planned:
    """One reminder time, and (when the data is open) what it is for."""

    at: datetime
    kind: Kind
    appointment: Appointment | None = None


@dataclass(frozen=True)
class Notification:
    """What the operating system shows (and Companion may say); the action opens `kind`'s
    screen: a session's Join screen, the check-in, or just Companion."""

    person_id: str
    title: str
    body: str
    kind: Kind
    appointment_id: int | None = None


@dataclass(frozen=True)
class OpenPerson:
    """The person whose data is open now: what their reminders are about."""

    person_id: str
    name: str
    appointments: tuple[Appointment, ...]
    checkin_time: time | None
    checked_in_today: bool = False
    not_today: bool = False  # they pressed "Not today" on today's check-in reminder


def plan(person: OpenPerson, now: datetime, zone: tzinfo) -> list[Planned]:
    """Every reminder from now to two days ahead, plus today's that may still be due."""
    found: list[Planned] = []
    for appointment in person.appointments:
        if appointment.start <= now or appointment.start > now + timedelta(days=3):
            continue
        for before, kind in SESSION_OFFSETS:
            found.append(Planned(appointment.start - before, kind, appointment))
    if person.checkin_time is not None:
        today = now.astimezone(zone).date()
        for day in (today, today + timedelta(days=1), today + timedelta(days=2)):
            local = datetime.combine(day, person.checkin_time, zone)
            found.append(Planned(local.astimezone(now.tzinfo), Kind.CHECKIN))
    return sorted(found, key=lambda p: p.at)


def pick_due(
    planned: Iterable[Planned],
    given: set[datetime],
    now: datetime,
    zone: tzinfo,
    person: OpenPerson,
) -> tuple[list[Planned], list[Planned]]:
    """(reminders to give now, reminders now past). For a session only the latest reminder
    whose time has come is given (starting 20 minutes before brings one, not three)."""
    latest: dict[object, Planned] = {}
    past: list[Planned] = []
    for p in planned:
        if p.at > now or p.at in given:
            continue
        past.append(p)
        if p.kind is Kind.CHECKIN:
            same_day = p.at.astimezone(zone).date() == now.astimezone(zone).date()
            if same_day and not person.checked_in_today and not person.not_today:
                latest[("checkin", p.at)] = p
        elif p.appointment is not None:
            key = (p.appointment.id, p.appointment.start)
            if key not in latest or latest[key].at < p.at:
                latest[key] = p
    return sorted(latest.values(), key=lambda p: p.at), past


def session_words(p: Planned, now: datetime, zone: tzinfo | None) -> str:
    """A one-person PC's words: when, never the title, the counsellor's name or the link."""
    if p.kind is Kind.CHECKIN:
        return _("Would you like to check in? It takes about a minute.")
    assert p.appointment is not None
    a = p.appointment
    if p.kind is Kind.SESSION_JOIN:
        return _("Your video session starts {countdown}. Open Companion to join.").format(
            countdown=countdown_words(a, now)
        )
    if p.kind is Kind.SESSION_HOUR_BEFORE:
        return _("Your video session starts {countdown}.").format(countdown=countdown_words(a, now))
    return one_period(
        _("You have a video session {day} at {time}.").format(
            day=day_words(a.start, now, zone), time=time_words(a.start, zone)
        )
    )


def shared_words(name: str) -> str:
    """The only words a shared screen (or a locked person's reminder) ever shows."""
    return _("Companion has a reminder for {name}. Open Companion to see it.").format(name=name)


def missed_sessions(
    appointments: Iterable[Appointment], last_awake: datetime | None, now: datetime
) -> list[Appointment]:
    """Sessions that began and ended while Companion was not running (computer off)."""
    if last_awake is None:
        return []
    return [
        a
        for a in appointments
        if last_awake < a.start and a.end <= now and a.start >= now - MISSED_LOOKS_BACK
    ]


def missed_sentence(appointment: Appointment, now: datetime, zone: tzinfo | None) -> str:
    """Said gently, once: what was missed and what one can do, never a reproach."""
    return one_period(
        _(
            "You had a video session {day} at {time}. If you like, you can add the next one in "
            "My video sessions."
        ).format(
            day=day_words(appointment.start, now, zone), time=time_words(appointment.start, zone)
        )
    )


def quiet_until_tomorrow(now: datetime, zone: tzinfo) -> datetime:
    """The next local midnight ("Stop reminders until tomorrow")."""
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0, 0), zone).astimezone(now.tzinfo)


def read_last_awake(data_dir: Path) -> datetime | None:
    try:
        return datetime.fromisoformat((data_dir / AWAKE_FILE_NAME).read_text().strip())
    except (OSError, ValueError):
        return None


@dataclass
class BackgroundReminders:
    """Gives each reminder once, for the open person and (time only) for locked people.

    `folder_of(person_id)` is that person's data folder, where their times file lives."""

    data_dir: Path
    folder_of: Callable[[str], Path]
    previous_awake: datetime | None = None
    quiet_until: datetime | None = None
    _given: dict[str, set[datetime]] = field(default_factory=dict)
    _awake_written: datetime | None = None

    def __post_init__(self) -> None:
        self.previous_awake = read_last_awake(self.data_dir)

    def times_path(self, person_id: str) -> Path:
        return self.folder_of(person_id) / REMINDER_TIMES_FILE_NAME

    def check(
        self,
        now: datetime,
        zone: tzinfo,
        everyone: Sequence[tuple[str, str]],
        open_person: OpenPerson | None,
        *,
        shared_pc: bool,
        keep_times: bool,
    ) -> list[Notification]:
        """Notifications due now (each once). `everyone` is (person id, name) for this PC."""
        self._note_awake(now)
        found: list[Notification] = []
        for person_id, name in everyone:
            if open_person is not None and open_person.person_id == person_id:
                found += self._check_open(now, zone, open_person, shared_pc, keep_times)
            elif keep_times:
                found += self._check_locked(now, person_id, name)
        if self.quiet_until is not None and now < self.quiet_until:
            return []  # marked as given all the same: tomorrow does not bring a heap of them
        return found

    def _check_open(
        self, now: datetime, zone: tzinfo, person: OpenPerson, shared_pc: bool, keep: bool
    ) -> list[Notification]:
        path = self.times_path(person.person_id)
        stored = load_times(path) if keep else ReminderTimes()
        given = self._given.setdefault(person.person_id, set()) | set(stored.given)
        planned = plan(person, now, zone)
        to_give, past = pick_due(planned, given, now, zone, person)
        given |= {p.at for p in past}
        self._given[person.person_id] = given
        if keep:
            times = tuple(p.at for p in planned if p.at > now)
            save_times(path, ReminderTimes(times, tuple(given)), now)
        else:
            remove_times(path)
        return [
            Notification(
                person.person_id,
                _("Companion"),
                shared_words(person.name) if shared_pc else session_words(p, now, zone),
                p.kind,
                p.appointment.id if p.appointment is not None else None,
            )
            for p in to_give
        ]

    def _check_locked(self, now: datetime, person_id: str, name: str) -> list[Notification]:
        path = self.times_path(person_id)
        stored = load_times(path)
        given = set(stored.given)
        due = [t for t in stored.times if t <= now and t not in given]
        if not due:
            return []
        save_times(path, ReminderTimes(stored.times, tuple(given | set(due))), now)
        if max(due) < now - LOCKED_TIMES_GO_STALE:
            return []
        return [Notification(person_id, _("Companion"), shared_words(name), Kind.LOCKED)]

    def forget_person_times(self, person_id: str) -> None:
        """Background reminders turned off: the times file goes."""
        remove_times(self.times_path(person_id))

    def _note_awake(self, now: datetime) -> None:
        """Remember roughly when Companion last ran, for "missed while the computer was off"."""
        if self._awake_written is not None and now - self._awake_written < AWAKE_WRITE_EVERY:
            return
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            (self.data_dir / AWAKE_FILE_NAME).write_text(now.isoformat())
            self._awake_written = now
        except OSError:
            _log.exception("Could not note the time Companion last ran")
