"""The caregiver PIN: guards how the app works (Settings, schedules, trusted sites, content packs).

It is stored only as an Argon2id verifier (never the PIN) and it wraps no key: nothing a caregiver
knows or holds opens a person's check-ins or notes, which stay under the person's own PIN. Wrong
tries slow down like a person's PIN does (a growing wait, never a lock-out). See
docs/decisions/0008-caregiver-pin-has-no-key.md.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from companion.clock import Clock
from companion.config import write_file_atomically
from companion.files import UnreadableFileError, read_json_capped
from companion.security.delay import WrongPinDelay
from companion.security.errors import UnlockDelayedError, WrongSecretError
from companion.security.kdf import DEFAULT_ARGON2, Argon2Params, normalise_secret
from companion.security.pins import check_new_secret

_log = logging.getLogger(__name__)

CAREGIVER_FILE_NAME = "caregiver.json"
CAREGIVER_DELAY_FILE_NAME = "caregiver-delay.json"
# After the right PIN, the caregiver can move between guarded screens for this long.
OPEN_MINUTES = 10

ProtectedArea = Literal["settings", "schedules", "trusted_domains", "content_packs"]
PROTECTED_AREAS: tuple[ProtectedArea, ...] = (
    "settings",
    "schedules",
    "trusted_domains",
    "content_packs",
)


def secret_kind(secret: str) -> Literal["pin", "passphrase"]:
    """Numbers only make a PIN (6 or more); anything else is a passphrase (12 letters or more)."""
    return "pin" if secret.isascii() and secret.isdigit() else "passphrase"


@dataclass(frozen=True)
class CaregiverRecord:
    """What is kept on disk: the Argon2id verifier string (salt and cost inside), nothing else."""

    verifier: str

    def to_json(self) -> dict[str, object]:
        return {"version": 1, "verifier": self.verifier}


class CaregiverLock:
    """Sets, checks and forgets the caregiver PIN of one data folder; opens guarded areas."""

    def __init__(self, data_dir: Path, clock: Clock, argon2: Argon2Params = DEFAULT_ARGON2) -> None:
        self._path = data_dir / CAREGIVER_FILE_NAME
        self._clock = clock
        self._hasher = PasswordHasher(
            time_cost=argon2.time_cost,
            memory_cost=argon2.memory_kib,
            parallelism=argon2.parallelism,
        )
        self._delay = WrongPinDelay(data_dir / CAREGIVER_DELAY_FILE_NAME, clock)
        self._open_until: datetime | None = None

    # What is stored ------------------------------------------------------------------------
    def _record(self) -> CaregiverRecord | None:
        try:
            stored = read_json_capped(self._path)
        except FileNotFoundError:
            return None
        except (OSError, UnreadableFileError) as exc:
            # Fail closed: a damaged file still guards (and the right PIN cannot match it);
            # deleting the file from the OS account is the documented way back in.
            _log.error("Caregiver file unreadable (%s)", type(exc).__name__)
            return CaregiverRecord("")
        verifier = stored.get("verifier") if isinstance(stored, dict) else None
        return CaregiverRecord(verifier if isinstance(verifier, str) else "")

    def is_set(self) -> bool:
        return self._record() is not None

    def set_pin(self, new_pin: str, current_pin: str | None = None) -> None:
        """Choose (or change, with the current PIN) the caregiver PIN or passphrase.

        Raises PinRejectedError for one that is too easy, WrongSecretError/UnlockDelayedError
        when the current one is wrong."""
        if self.is_set():
            self.check(current_pin or "")
        check_new_secret(secret_kind(new_pin), new_pin)
        record = CaregiverRecord(self._hasher.hash(normalise_secret(new_pin)))
        write_file_atomically(self._path, json.dumps(record.to_json()).encode("utf-8"))
        self._open_until = None
        _log.info("Caregiver PIN set")

    def remove(self, current_pin: str) -> None:
        """Stop guarding (the current PIN is needed)."""
        self.check(current_pin)
        self._path.unlink(missing_ok=True)
        self._open_until = None
        _log.info("Caregiver PIN removed")

    # Checking --------------------------------------------------------------------------------
    def seconds_to_wait(self) -> int:
        return self._delay.seconds_to_wait()

    def check(self, pin: str) -> None:
        """Open the guarded areas for OPEN_MINUTES. Raises UnlockDelayedError while a wait runs,
        WrongSecretError for a wrong PIN (and the wait grows)."""
        record = self._record()
        if record is None:
            return
        wait = self._delay.seconds_to_wait()
        if wait:
            raise UnlockDelayedError(wait)
        if not self._verify(record, pin):
            self._delay.record_failure()
            _log.info("Wrong caregiver PIN")
            raise WrongSecretError()
        self._delay.record_success()
        self._open_until = self._clock.now() + timedelta(minutes=OPEN_MINUTES)

    def _verify(self, record: CaregiverRecord, pin: str) -> bool:
        try:
            return bool(self._hasher.verify(record.verifier, normalise_secret(pin)))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def is_open(self) -> bool:
        """True when no caregiver PIN is set, or it was given in the last OPEN_MINUTES."""
        if not self.is_set():
            return True
        return self._open_until is not None and self._clock.now() < self._open_until

    def close(self) -> None:
        """Guard again now (on Home, on lock, when a guest starts)."""
        self._open_until = None

    def guards(self, area: ProtectedArea) -> bool:
        """True when opening `area` needs the caregiver PIN now."""
        return area in PROTECTED_AREAS and not self.is_open()
