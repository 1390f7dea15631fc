"""Read a clinic's calendar invitation (.ics) into appointments, and write one appointment out.

`read_ics` is a public contract: anything malformed or hostile raises `IcsError` (a plain
sentence for the person), never another exception. Size, encoding and nesting are checked
before the parser sees the file, so a huge or binary file fails fast. Repeating sessions come
back as one appointment per session from `now` over `horizon` (see recurrence.py); without
`now`, from the series' first session.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from itertools import islice
from typing import Any

import icalendar

from companion.appointments.ics_export import build_calendar
from companion.appointments.ics_zones import UnknownTimeZoneError, resolve_tzid
from companion.appointments.invitation_text import (
    choose_meeting_link,
    choose_phone,
    dial_in_details,
)
from companion.appointments.model import Appointment
from companion.appointments.recurrence import (
    DEFAULT_HORIZON,
    MAX_OCCURRENCES,
    RecurrenceError,
    TooOftenError,
    TryBudget,
    iter_occurrences,
)
from companion.i18n import _
from companion.logs import log_cause, one_line_per_cause

_log = logging.getLogger(__name__)

MAX_ICS_BYTES = 2_000_000  # real invitations are 2-60 kB; a whole exported calendar fits
MAX_NESTING = 4  # VCALENDAR > VTIMEZONE > STANDARD (> one spare level)
MAX_COMPONENTS = 5_000
MAX_EVENTS = 1_000  # a clinic's whole exported calendar; 4,990 daily series cost a minute
MAX_SESSIONS = 2_000  # sessions one file may add, all series together
_FOLD = re.compile(r"(?:\r\n|\r|\n)[ \t]")  # RFC 5545 line folding: a break then one blank
DEFAULT_DURATION_MINUTES = 60  # an invitation with neither DTEND nor DURATION
_ESCAPED = re.compile(r"\\(.)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # controls, except tab and line ends
_LINK_PROPERTIES = (
    "X-GOOGLE-CONFERENCE",
    "CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "URL",
    "LOCATION",
    "DESCRIPTION",
)


class IcsError(ValueError):
    """The file cannot be read as an invitation; str(error) is one plain sentence for a person."""


def read_ics(
    data: bytes,
    *,
    now: datetime | None = None,
    horizon: timedelta = DEFAULT_HORIZON,
    trusted_domains: Iterable[str] = (),
) -> list[Appointment]:
    """The sessions in an invitation file, earliest first; raises IcsError for anything else."""
    try:
        text = _decode(data)
        _check_shape(text)
        with warnings.catch_warnings(record=True) as noticed, one_line_per_cause():
            warnings.simplefilter("always")
            calendar = icalendar.Calendar.from_ical(text)
            found = _Reader(calendar, now, horizon, tuple(trusted_domains)).appointments()
            for warning in noticed:  # icalendar's own guesses; our zone rules decide
                noted = f"icalendar noted {warning.category.__name__} while reading an invitation"
                log_cause(_log, logging.INFO, noted, "%s", noted)
    except IcsError:
        raise
    except Exception as exc:
        _log.warning("An invitation file could not be read", exc_info=True)
        raise IcsError(_("This file is not a calendar invitation Companion can read.")) from exc
    if not found:
        raise IcsError(_("There is no video session with a date and time in this file."))
    return sorted(found, key=lambda a: a.start)


def _decode(data: object) -> str:
    if not isinstance(data, bytes | bytearray):
        raise IcsError(_("This file is not a calendar invitation Companion can read."))
    if len(data) > MAX_ICS_BYTES:
        raise IcsError(_("This file is far too big to be a calendar invitation."))
    raw = bytes(data)
    is_utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not is_utf16 and b"\x00" in raw:  # pictures, documents, programs: not text at all
        raise IcsError(_("This file is not a calendar invitation Companion can read."))
    try:
        text = raw.decode("utf-16") if is_utf16 else raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IcsError(
            _("This file is not written in a way Companion can read. Ask for the invitation again.")
        ) from exc
    if _CONTROL.search(text) or "\ufffd" in text:
        raise IcsError(_("This file is not a calendar invitation Companion can read."))
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise IcsError(_("This file is not a calendar invitation."))
    return text


def _too_many() -> str:
    return _("This file holds too many sessions to add at once. Ask for just your own invitation.")


def _check_shape(text: str) -> None:
    """Refuse deeply nested or absurdly many components before the parser walks them.

    Lines are unfolded first, exactly as the parser will, so "B\\r\\n EGIN:" is counted too.
    """
    depth = components = events = 0
    for line in _FOLD.sub("", text).splitlines():
        keyword = line[:6].upper()
        if keyword == "BEGIN:":
            depth += 1
            components += 1
            if depth > MAX_NESTING or components > MAX_COMPONENTS:
                raise IcsError(
                    _("This file is built in a strange way, so Companion will not open it.")
                )
            events += line[6:].strip().upper() == "VEVENT"
            if events > MAX_EVENTS:
                raise IcsError(_too_many())
        elif keyword.startswith("END:"):
            depth -= 1


class _Reader:
    """One pass over a parsed calendar: zones first, then events, series and their exceptions."""

    def __init__(
        self,
        calendar: icalendar.Calendar,
        now: datetime | None,
        horizon: timedelta,
        trusted_domains: tuple[str, ...],
    ) -> None:
        self.calendar = calendar
        self.now = now
        self.horizon = horizon
        self.trusted_domains = trusted_domains
        self.zones = self._zones_defined_in_file()
        default = calendar.get("X-WR-TIMEZONE")
        self.default_zone = self._zone(str(default)) if default else None
        self.cancelled = 0
        self.budget = TryBudget()  # shared by every repeating rule in the file

    def appointments(self) -> list[Appointment]:
        events = [e for e in self.calendar.walk("VEVENT")]
        masters = [e for e in events if e.get("RECURRENCE-ID") is None]
        moved: dict[tuple[str, float], Any] = {}
        for event in events:
            if event.get("RECURRENCE-ID") is not None:
                original = self._moment(event, "RECURRENCE-ID")
                if isinstance(original, datetime):
                    moved[(str(event.get("UID", "")), original.timestamp())] = event
        found: list[Appointment] = []
        for event in masters:
            # Each series is walked only as far as the sessions still allowed (plus one, to
            # know the file is too much): never further.
            found.extend(self._from_event(event, moved, MAX_SESSIONS - len(found) + 1))
            if len(found) > MAX_SESSIONS:  # stop building as soon as the file is too much
                raise IcsError(_too_many())
        for event in moved.values():  # exceptions whose series is not in this file
            found.extend(self._from_event(event, {}))
        if not found and self.cancelled:
            raise IcsError(_("This invitation cancels a session, so there is nothing to add."))
        return found

    def _from_event(
        self, event: Any, moved: dict[tuple[str, float], Any], allowed: int = MAX_SESSIONS
    ) -> list[Appointment]:
        self._refuse_broken_times(event)
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            self.cancelled += 1
            return []
        start = self._moment(event, "DTSTART")
        if not isinstance(start, datetime):
            return []  # all-day events (birthdays, holidays) are not sessions
        duration = self._duration(event, start)
        rule = event.get("RRULE")
        if rule is None:
            return [self._appointment(event, start, duration, None)]
        if isinstance(rule, list):
            raise IcsError(_("This invitation repeats in a way Companion cannot follow."))
        rule_text = rule.to_ical().decode()
        excluded = self._excluded(event)
        try:
            walk = iter_occurrences(
                start,
                rule_text,
                window_start=self.now or start,
                horizon=self.horizon,
                duration=duration,
                excluded=excluded,
                budget=self.budget,
            )
            starts = list(islice(walk, min(allowed, MAX_OCCURRENCES)))
        except TooOftenError as exc:
            raise IcsError(
                _("This invitation repeats more than once a day, so Companion will not add it.")
            ) from exc
        except RecurrenceError as exc:
            raise IcsError(_("This invitation repeats in a way Companion cannot follow.")) from exc
        uid = str(event.get("UID", ""))
        template = self._appointment(event, start, duration, rule_text)  # read the texts once
        series = []
        for moment in starts:
            replacement = moved.pop((uid, moment.timestamp()), None)
            if replacement is None:
                series.append(replace(template, start=moment))
                continue
            self._refuse_broken_times(replacement)
            if str(replacement.get("STATUS", "")).upper() == "CANCELLED":
                continue
            new_start = self._moment(replacement, "DTSTART")
            if isinstance(new_start, datetime):
                new_length = self._duration(replacement, new_start)
                own = self._appointment(replacement, new_start, new_length, rule_text)
                usual = self._appointment(event, new_start, new_length, rule_text)
                series.append(_filled_from(own, usual, replacement))
        return series

    def _appointment(
        self, event: Any, start: datetime, duration: timedelta, rule: str | None
    ) -> Appointment:
        texts = [_text(value) for name in _LINK_PROPERTIES for value in _values(event, name)]
        description = _text(event.get("DESCRIPTION", ""))
        own_phone = event.get("X-COMPANION-PHONE")
        own_notes = event.get("X-COMPANION-NOTES")
        return Appointment(
            id=None,
            title=_text(event.get("SUMMARY", "")).strip()[:200] or _("Video session"),
            with_whom=self._with_whom(event),
            start=start,
            duration_minutes=max(1, min(24 * 60, round(duration.total_seconds() / 60))),
            link=choose_meeting_link(texts, self.trusted_domains),
            phone=_x_text(own_phone) if own_phone else choose_phone([description]),
            notes=_x_text(own_notes) if own_notes else "\n".join(dial_in_details([description])),
            recurrence=rule,
            uid=_text(event.get("UID", "")).strip() or None,
        )

    def _with_whom(self, event: Any) -> str:
        own = event.get("X-COMPANION-WITH-WHOM")
        if own:
            return _x_text(own)[:120]
        organizer = event.get("ORGANIZER")
        name = str(getattr(organizer, "params", {}).get("CN", "")) if organizer else ""
        return "" if "@" in name else name.strip().strip('"')[:120]

    def _moment(self, event: Any, name: str) -> datetime | date | None:
        prop = event.get(name)
        if prop is None:
            return None
        if isinstance(prop, list):
            raise IcsError(_("This invitation has a date or time Companion cannot read."))
        return self._resolve(prop.dt, prop.params)

    def _resolve(self, value: object, params: Any) -> datetime | date:
        if not isinstance(value, datetime):
            if isinstance(value, date):
                return value
            raise IcsError(_("This invitation has a date or time Companion cannot read."))
        tzid = params.get("TZID") if params else None
        if tzid:
            return value.replace(tzinfo=self._zone(str(tzid)))
        if value.tzinfo is not None:
            return value.astimezone(UTC)
        if self.default_zone is not None:
            return value.replace(tzinfo=self.default_zone)
        raise IcsError(_("This invitation does not say which time zone its time is in."))

    def _zone(self, tzid: str) -> tzinfo:
        try:
            return resolve_tzid(tzid, self.zones)
        except UnknownTimeZoneError as exc:
            shown = "".join(c for c in tzid if c.isprintable())[:60]
            raise IcsError(
                _("This invitation uses a time zone Companion does not know ({zone}).").format(
                    zone=shown
                )
            ) from exc

    def _duration(self, event: Any, start: datetime) -> timedelta:
        end = self._moment(event, "DTEND")
        if isinstance(end, datetime):
            length = end - start
        elif event.get("DURATION") is not None:
            length = event.get("DURATION").dt
        else:
            length = timedelta(minutes=DEFAULT_DURATION_MINUTES)
        if not isinstance(length, timedelta) or length <= timedelta(0):
            raise IcsError(_("This invitation ends before it starts."))
        return length

    def _excluded(self, event: Any) -> list[datetime]:
        excluded = []
        for exdate in _values(event, "EXDATE"):
            for item in getattr(exdate, "dts", []):
                moment = self._resolve(item.dt, exdate.params)
                if isinstance(moment, datetime):
                    excluded.append(moment)
        return excluded

    def _zones_defined_in_file(self) -> dict[str, tzinfo]:
        zones: dict[str, tzinfo] = {}
        for component in self.calendar.walk("VTIMEZONE"):
            if not isinstance(component, icalendar.Timezone):
                continue
            try:
                zones[str(component["TZID"])] = component.to_tz()
            except Exception as exc:  # counted by cause: one file must not flood the log
                cause = f"A time zone in an invitation could not be built ({type(exc).__name__})"
                log_cause(_log, logging.INFO, cause, "%s", cause)
        return zones

    @staticmethod
    def _refuse_broken_times(event: Any) -> None:
        timing = {"DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "RECURRENCE-ID"}
        if any(str(name).upper() in timing for name, _message in event.errors):
            raise IcsError(_("This invitation has a date or time Companion cannot read."))


def _filled_from(moved: Appointment, usual: Appointment, moved_event: Any) -> Appointment:
    """A moved session keeps the series' details its own invitation leaves out."""
    return replace(
        moved,
        title=moved.title if moved_event.get("SUMMARY") else usual.title,
        with_whom=moved.with_whom or usual.with_whom,
        link=moved.link or usual.link,
        phone=moved.phone or usual.phone,
        notes=moved.notes or usual.notes,
    )


def _values(event: Any, name: str) -> list[Any]:
    value = event.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _x_text(value: object) -> str:
    """An X- property's text: icalendar leaves those escaped ("\\n"), so unescape it here."""
    escapes = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}
    return _ESCAPED.sub(lambda m: escapes.get(m.group(1), m.group(1)), str(value))


def write_ics(appointment: Appointment, *, stamp: datetime | None = None) -> bytes:
    """One appointment as an .ics file another calendar (or Companion) can import.

    The start keeps its own zone when it has a named one, so a repeating rule stays right after
    daylight-saving changes; a UTC start is written without its repeating rule for that reason.
    """
    return bytes(build_calendar(appointment, stamp or appointment.start).to_ical())
