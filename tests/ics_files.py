"""Invitation (.ics) files built for the hostile-file tests and benchmarks/ics_import.py, so the
test and the benchmark measure the very same files."""

from __future__ import annotations

from companion.appointments.ics import MAX_ICS_BYTES


def event(uid: int, *lines: str) -> list[str]:
    """One 30-minute session on 2 March 2026, with `lines` (an RRULE, say) added."""
    return [
        "BEGIN:VEVENT",
        f"UID:attack-{uid}",
        "DTSTAMP:20260301T000000Z",
        "SUMMARY:Session",
        "DTSTART:20260302T100000Z",
        "DURATION:PT30M",
        *lines,
        "END:VEVENT",
    ]


def calendar(events: list[list[str]]) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Attack//EN"]
    for one in events:
        lines.extend(one)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def near_the_limit(rules: list[str], padding: int) -> bytes:
    """A file just under MAX_ICS_BYTES: events repeating by `rules` in turn, each with a
    description of `padding` letters (0: many small series; 1,900: fewer, larger ones)."""
    events: list[list[str]] = []
    size = 0
    while size < MAX_ICS_BYTES - 3_000:
        one = event(len(events), f"RRULE:{rules[len(events) % len(rules)]}")
        one.insert(-1, "DESCRIPTION:" + "x" * padding)
        events.append(one)
        size += sum(len(line) + 2 for line in one)
    return calendar(events)
