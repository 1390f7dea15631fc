"""The one thing Companion keeps outside a person's encrypted database: the times of their next
reminders (and which of those times were already given), so reminders still come while their
data is locked. Times only: never a title, a name, a link or what the reminder is about.

Kept only while the person has "Remind me when Companion is closed" on; removed when they turn
it off.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from companion.config import write_file_atomically

_log = logging.getLogger(__name__)

REMINDER_TIMES_FILE_NAME = "reminder-times.json"
KEEP_GIVEN_FOR = timedelta(days=3)  # older "already given" times are dropped


@dataclass(frozen=True)
class ReminderTimes:
    """When reminders fall due and which of them were already given (all UTC)."""

    times: tuple[datetime, ...] = ()
    given: tuple[datetime, ...] = ()

    def to_json(self, now: datetime) -> dict[str, object]:
        recent = [t for t in self.given if t >= now - KEEP_GIVEN_FOR]
        return {
            "version": 1,
            "times": sorted({_iso(t) for t in self.times}),
            "given": sorted({_iso(t) for t in recent}),
        }


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(text: object) -> datetime:
    if not isinstance(text, str):
        raise ValueError(f"{text!r} is not a time")
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return moment.astimezone(UTC)


def load_times(path: Path) -> ReminderTimes:
    """The file's times; empty when it is missing or unreadable (a reminder is then skipped,
    never invented)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ReminderTimes(
            tuple(_parse(t) for t in data.get("times", [])),
            tuple(_parse(t) for t in data.get("given", [])),
        )
    except FileNotFoundError:
        return ReminderTimes()
    except (OSError, ValueError, AttributeError, TypeError) as exc:
        _log.warning("Reminder times file %s unreadable (%s)", path.name, type(exc).__name__)
        return ReminderTimes()


def save_times(path: Path, times: ReminderTimes, now: datetime) -> None:
    """Write atomically, owner-only; only when something changed (no disk write each minute)."""
    data = json.dumps(times.to_json(now), indent=1).encode("utf-8")
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    write_file_atomically(path, data)


def remove_times(path: Path) -> None:
    path.unlink(missing_ok=True)
