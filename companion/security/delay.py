"""The growing wait after wrong PINs, kept on disk so a restart does not reset it.

Never a lock-out and never a wipe: the wait stops growing at a few minutes. The count is kept
where deleting it does not help (a person's count sits in people.json next to their wrapped
key): a count that is missing where one must be, or that does not read as a count, earns the
longest wait, never a fresh start.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Protocol

from companion.clock import Clock
from companion.config import write_file_atomically
from companion.files import UnreadableFileError, read_json_capped

_log = logging.getLogger(__name__)

DELAY_FILE_NAME = "unlock-delay.json"  # read once from older data folders, then no longer
FREE_TRIES = 3
# Seconds to wait after the 4th, 5th, ... wrong try in a row; the last value repeats for ever.
DELAY_STEPS: tuple[int, ...] = (15, 30, 60, 120, 300)
# A count that cannot be read is treated as this many wrong tries: the longest wait.
WORST_COUNT = FREE_TRIES + len(DELAY_STEPS) - 1
MAX_COUNT = 1_000_000  # anything above is not a count Companion wrote


class Missing:
    """What a CountStore reads when nothing is stored at all."""


MISSING = Missing()


class CountStore(Protocol):
    """Where one wrong-PIN count lives; `missing_is_fresh` says whether "nothing" means 0."""

    missing_is_fresh: bool

    def read(self) -> object: ...

    def write(self, record: dict[str, object]) -> None: ...


class FileCount:
    """A count in its own small file (the caregiver's PIN)."""

    missing_is_fresh = True

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> object:
        try:
            return read_json_capped(self.path)
        except FileNotFoundError:
            return MISSING
        except (OSError, UnreadableFileError) as exc:  # too big, too deep, not JSON
            return exc

    def write(self, record: dict[str, object]) -> None:
        write_file_atomically(self.path, json.dumps(record).encode("utf-8"))


def delay_after(failures: int) -> int:
    """Seconds of wait that `failures` wrong tries in a row earn."""
    if failures < FREE_TRIES:
        return 0
    return DELAY_STEPS[min(failures - FREE_TRIES, len(DELAY_STEPS) - 1)]


def read_count(stored: object) -> tuple[int, datetime | None] | None:
    """(failures, last failure) from a stored record, or None if it is not one Companion wrote."""
    if not isinstance(stored, dict) or set(stored) != {"failures", "last_failure"}:
        return None
    failures, last = stored["failures"], stored["last_failure"]
    if type(failures) is not int or not 0 <= failures <= MAX_COUNT:
        return None
    if last is None:
        return (0, None) if failures == 0 else None
    if not isinstance(last, str):
        return None
    try:
        when = datetime.fromisoformat(last)
    except ValueError:
        return None
    return (failures, when) if when.tzinfo is not None else None


class WrongPinDelay:
    """Counts wrong tries for one person and says how long to wait before the next."""

    def __init__(self, store: Path | CountStore, clock: Clock) -> None:
        self._store: CountStore = FileCount(store) if isinstance(store, Path) else store
        self._clock = clock
        self.failures = 0
        self._last_failure: datetime | None = None
        self._load()

    def _load(self) -> None:
        stored = self._store.read()
        if stored is MISSING and self._store.missing_is_fresh:
            return
        count = read_count(stored)
        if count is not None:
            self.failures, self._last_failure = count
            return
        # Missing where a count must be, or changed by hand: the longest wait, from now, kept
        # so that it runs out; never a fresh start, which is what deleting it would buy.
        _log.warning("Wrong-PIN count missing or unreadable; the longest wait applies")
        self.failures = max(self.failures, WORST_COUNT)
        self._last_failure = self._clock.now()
        self._save()

    def _save(self) -> None:
        last = None if self._last_failure is None else self._last_failure.isoformat()
        self._store.write({"failures": self.failures, "last_failure": last})

    def seconds_to_wait(self) -> int:
        """0 when a try is allowed now; a clock set backwards never makes the wait longer."""
        wait = delay_after(self.failures)
        if wait == 0 or self._last_failure is None:
            return 0
        elapsed = max(0.0, (self._clock.now() - self._last_failure).total_seconds())
        return max(0, int(wait - elapsed + 0.999))

    def record_failure(self) -> int:
        """Count one wrong try; returns the seconds to wait before the next one."""
        self.failures = min(self.failures + 1, MAX_COUNT)
        self._last_failure = self._clock.now()
        self._save()
        return self.seconds_to_wait()

    def record_success(self) -> None:
        if self.failures == 0 and self._last_failure is None and self._store.read() is not MISSING:
            return  # nothing to clear: no write on every ordinary unlock
        self.failures = 0
        self._last_failure = None
        self._save()
