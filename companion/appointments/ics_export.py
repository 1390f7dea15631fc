"""Build the iCalendar form of one appointment (the export half of ics.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from companion.appointments.model import Appointment

PRODUCT_ID = "-//Companion//Video sessions//EN"


def build_calendar(appointment: Appointment, stamp: datetime) -> icalendar.Calendar:
    """A VCALENDAR with `appointment` as one VEVENT; Companion's own fields go in X- lines."""
    a = appointment
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    event = icalendar.Event()
    event.add(
        "uid", a.uid or f"companion-{a.start.astimezone(UTC):%Y%m%dT%H%M%SZ}@companion.invalid"
    )
    event.add("dtstamp", stamp.astimezone(UTC))
    named_zone = isinstance(a.start.tzinfo, ZoneInfo) and a.start.tzinfo.key not in (
        "UTC",
        "Etc/UTC",
    )
    event.add("dtstart", a.start if named_zone else a.start.astimezone(UTC))
    event.add("duration", timedelta(minutes=a.duration_minutes))
    event.add("summary", a.title)
    if a.with_whom:
        event.add("x-companion-with-whom", icalendar.vText(a.with_whom))
    if a.link:
        event.add("url", a.link)
        event.add("location", a.link)
    if a.phone:
        event.add("x-companion-phone", icalendar.vText(a.phone))
    if a.notes:
        event.add("description", a.notes)
        event.add("x-companion-notes", icalendar.vText(a.notes))
    if a.recurrence and named_zone:
        event.add("rrule", icalendar.vRecur.from_ical(a.recurrence))
    calendar.add_component(event)
    if named_zone:
        calendar.add_missing_timezones()
    return calendar
