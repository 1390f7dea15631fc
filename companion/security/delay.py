"""The growing wait after wrong PINs, kept on disk so a restart does not reset it.

Never a lock-out and never a wipe: the wait stops growing at a few minutes.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path

from companion.clock import Clock
from companion.config import write_file_atomically

_log = logging.getLogger(__name__)

DELAY_FILE_NAME = "unlock-delay.json"
FREE_TRIES = 3
# Seconds to wait after the 4th, 5th, ... wrong try in a row; the last value repeats for ever.
DELAY_STEPS: tuple[int, ...] = (15, 30, 60, 120, 300)


def delay_after(failures: int) -> int:
    """Seconds of wait that `failures` wrong tries in a row earn."""
    if failures < FREE_TRIES:
        return 0
    return DELAY_STEPS[min(failures - FREE_TRIES, len(DELAY_STEPS) - 1)]


class WrongPinDelay:
    """Counts wrong tries for one person and says how long to wait before the next."""

    def __init__(self, path: Path, clock: Clock) -> None:
        self._path = path
        self._clock = clock
        self.failures = 0
        self._last_failure: datetime | None = None
        self._load()

    def _load(self) -> None:
        try:
            stored = json.loads(self._path.read_text(encoding="utf-8"))
            self.failures = int(stored["failures"])
            self._last_failure = datetime.fromisoformat(stored["last_failure"])
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # A damaged counter must not stop the person: start the count again, and say so.
            _log.warning("Wrong-PIN counter unreadable (%s); starting again", type(exc).__name__)

    def seconds_to_wait(self) -> int:
        """0 when a try is allowed now; a clock set backwards never makes the wait longer."""
        wait = delay_after(self.failures)
        if wait == 0 or self._last_failure is None:
            return 0
        elapsed = max(0.0, (self._clock.now() - self._last_failure).total_seconds())
        return max(0, int(wait - elapsed + 0.999))

    def record_failure(self) -> int:
        """Count one wrong try; returns the seconds to wait before the next one."""
        self.failures += 1
        self._last_failure = self._clock.now()
        data = {"failures": self.failures, "last_failure": self._last_failure.isoformat()}
        write_file_atomically(self._path, json.dumps(data).encode("utf-8"))
        return self.seconds_to_wait()

    def record_success(self) -> None:
        self.failures = 0
        self._last_failure = None
        self._path.unlink(missing_ok=True)
