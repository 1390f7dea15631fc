"""The people on this PC: a small non-secret index, their locks, and opening their sessions.

Each person has a folder `people/<id>/` with their encrypted database; `people.json` holds
names, initials, colours, key wraps and, beside each wrap, the wrong-PIN count (never a PIN,
never a note).
A guest session keeps everything in memory and writes nothing at all.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from companion.appointments.store import AppointmentStore, MemoryAppointmentStore
from companion.checkin.store import CheckInStore, MemoryCheckInStore
from companion.clock import Clock, SystemClock
from companion.i18n import N_, _
from companion.safety import ContactsStore, MemoryContactsStore
from companion.safety_plan.plan import MemorySafetyPlanStore, SafetyPlanStore
from companion.security import person_keys
from companion.security.delay import WrongPinDelay
from companion.security.device_secret import DeviceSecretStore, KeyringBackend, system_keyring
from companion.security.errors import SecurityError, UnlockDelayedError, WrongSecretError
from companion.security.index_count import IndexCount, read_index, with_counts, write_index
from companion.security.kdf import DEFAULT_ARGON2, Argon2Params
from companion.security.person_keys import PersonKeys
from companion.security.pins import CAREGIVER_ONLY, LockKind
from companion.security.status import keyring_status, keyring_uses_fallback
from companion.storage import DATABASE_FILE_NAME, PersonDatabase, open_database
from companion.storage.appointment_store import SqlAppointmentStore
from companion.storage.checkin_store import SqlCheckInStore
from companion.storage.contacts_store import SqlContactsStore
from companion.storage.preferences import (
    MemoryPreferencesStore,
    PreferencesStore,
    SqlPreferencesStore,
)
from companion.storage.safety_plan_store import SqlSafetyPlanStore

_log = logging.getLogger(__name__)

INDEX_FILE_NAME = "people.json"
PEOPLE_FOLDER = "people"
MAX_NAME_LENGTH = 40
# Tile colours with white text at 4.5:1 or better, told apart by more than hue alone.
TILE_COLOURS: tuple[str, ...] = ("#1F5FA8", "#2E6B30", "#7B2F7B", "#A3461A", "#00695C", "#5D4037")
DEFAULT_PERSON_NAME = N_("Me")
GUEST_ID = "guest"


class ProfileError(SecurityError):
    """A change to the people list was refused; the message says what to do instead."""


@dataclass(frozen=True)
class Person:
    """One person on this PC as the picker shows them (nothing here is secret)."""

    id: str
    name: str
    initials: str
    colour: str
    keys: PersonKeys

    @property
    def lock(self) -> LockKind:
        return self.keys.lock

    @property
    def has_recovery_code(self) -> bool:
        return self.keys.recovery is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "colour": self.colour,
            "keys": self.keys.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Person:
        name = str(data["name"])
        return cls(
            id=str(data["id"]),
            name=name,
            initials=initials_of(name),
            colour=str(data["colour"]),
            keys=PersonKeys.from_json(data["keys"]),
        )


def initials_of(name: str) -> str:
    """Up to two letters for the name tile: "Mary Brown" -> "MB", "Sam" -> "S"."""
    words = [w for w in name.split() if w[:1].isalnum()]
    return "".join(w[0].upper() for w in words[:2]) or "?"


@dataclass
class PersonSession:
    """The unlocked person's stores; the UI only ever talks to these, then calls `close()`."""

    person_id: str
    display_name: str
    checkins: CheckInStore
    appointments: AppointmentStore
    contacts: ContactsStore
    preferences: PreferencesStore
    is_guest: bool
    database: PersonDatabase | None = field(default=None, repr=False)
    # How many digits the PIN that opened this session has (memory only, never stored), so
    # Settings can say how long guessing it would take; 0 when not known.
    secret_length: int = field(default=0, repr=False)
    # The person's safety plan: never shown to a guest or a helper (a guest's stays empty).
    safety_plan: SafetyPlanStore = field(default_factory=MemorySafetyPlanStore, repr=False)

    def close(self) -> None:
        """Let go of the database (a guest's memory is simply dropped)."""
        if self.database is not None:
            self.database.close()
            self.database = None


def guest_session() -> PersonSession:
    """A session held fully in memory: nothing of it ever touches the disk."""
    return PersonSession(
        person_id=GUEST_ID,
        display_name=_("Guest"),
        checkins=MemoryCheckInStore(),
        appointments=MemoryAppointmentStore(),
        contacts=MemoryContactsStore(),
        preferences=MemoryPreferencesStore(),
        is_guest=True,
    )


def session_for(person: Person, database: PersonDatabase, secret: str = "") -> PersonSession:
    return PersonSession(
        person_id=person.id,
        display_name=person.name,
        checkins=SqlCheckInStore(database),
        appointments=SqlAppointmentStore(database),
        contacts=SqlContactsStore(database),
        preferences=SqlPreferencesStore(database),
        is_guest=False,
        database=database,
        secret_length=len("".join(secret.split())),
        safety_plan=SqlSafetyPlanStore(database),
    )


class People:
    """The people on this PC: list, add, rename, delete, unlock (one data folder)."""

    def __init__(
        self,
        data_dir: Path,
        keyring: KeyringBackend | None,
        clock: Clock,
        argon2: Argon2Params = DEFAULT_ARGON2,
    ) -> None:
        self.data_dir = data_dir
        self._keyring = keyring
        self._device = DeviceSecretStore(data_dir, keyring)
        self._clock = clock
        self._argon2 = argon2
        self._index_path = data_dir / INDEX_FILE_NAME

    # The index ---------------------------------------------------------------------------

    def _read_index(self) -> dict[str, Any]:
        return read_index(self._index_path)

    def all(self) -> list[Person]:
        """Everyone on this PC, in the order they were added."""
        return [Person.from_json(entry) for entry in self._read_index().get("people", [])]

    def get(self, person_id: str) -> Person:
        for person in self.all():
            if person.id == person_id:
                return person
        raise ProfileError(_("That person is no longer on this computer."))

    def _save(self, people: list[Person]) -> None:
        """Write the list; each person's wrong-PIN count stays as stored (0 for a newcomer)."""
        entries = [p.to_json() for p in people]
        write_index(self._index_path, with_counts(self._read_index(), entries, self.folder))

    def _replace(self, updated: Person) -> None:
        self._save([updated if p.id == updated.id else p for p in self.all()])

    def folder(self, person_id: str) -> Path:
        return self.data_dir / PEOPLE_FOLDER / person_id

    def _clean_name(self, name: str, ignore_id: str | None = None) -> str:
        cleaned = " ".join(name.split())
        if not cleaned:
            raise ProfileError(_("Please type a name, or just initials."))
        if len(cleaned) > MAX_NAME_LENGTH:
            raise ProfileError(_("Please use a shorter name, up to 40 letters."))
        taken = {p.name.casefold() for p in self.all() if p.id != ignore_id}
        if cleaned.casefold() in taken:
            raise ProfileError(_("Someone here already has that name. Please add a letter."))
        return cleaned

    # Changes -----------------------------------------------------------------------------

    def add(
        self,
        name: str,
        lock: LockKind,
        secret: str,
        recovery_code: str | None = None,
        *,
        chosen_by_caregiver: bool = False,
    ) -> Person:
        """Add a person with a new encrypted database. A 4-digit PIN or no PIN needs the
        caregiver's explicit choice. Raises ProfileError or PinRejectedError with a sentence."""
        cleaned = self._clean_name(name)
        if lock in CAREGIVER_ONLY and not chosen_by_caregiver:
            raise ProfileError(_("Only a helper setting up one person at home can choose that."))
        person_id = uuid.uuid4().hex[:12]
        device_secret = self._device.secret_or_create()
        data_key, keys = person_keys.protect_new_person(
            person_id, lock, secret, device_secret, recovery_code, self._argon2
        )
        existing = self.all()
        colour = TILE_COLOURS[len(existing) % len(TILE_COLOURS)]
        person = Person(person_id, cleaned, initials_of(cleaned), colour, keys)
        folder = self.folder(person_id)
        folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # not left to the umask
        folder.mkdir(mode=0o700)
        open_database(folder / DATABASE_FILE_NAME, data_key).close()
        self._save([*existing, person])
        _log.info("Added a person (%s lock)", lock)
        return person

    def rename(self, person_id: str, name: str) -> Person:
        person = self.get(person_id)
        cleaned = self._clean_name(name, ignore_id=person_id)
        renamed = replace(person, name=cleaned, initials=initials_of(cleaned))
        self._replace(renamed)
        return renamed

    def delete(self, person_id: str) -> None:
        """Remove a person and all their files, without ever opening them (the fresh start)."""
        person = self.get(person_id)
        folder = self.folder(person.id)
        if folder.exists():
            shutil.rmtree(folder)
        remaining = [p for p in self.all() if p.id != person.id]
        self._save(remaining)
        if not remaining:
            self._device.forget()
        _log.info("Removed a person and their files")

    # Unlocking ---------------------------------------------------------------------------

    def _delay(self, person_id: str) -> WrongPinDelay:
        return WrongPinDelay(IndexCount(self._index_path, person_id, self.folder), self._clock)

    def seconds_to_wait(self, person_id: str) -> int:
        """How long before the next PIN try is allowed (0: now)."""
        return self._delay(person_id).seconds_to_wait()

    def wrong_tries(self, person_id: str) -> int:
        return self._delay(person_id).failures

    def _data_key(self, person: Person, secret: str) -> tuple[bytes, bytes]:
        """(data key, device secret) for `secret`, counting a wrong one toward the wait."""
        delay = self._delay(person.id)
        wait = delay.seconds_to_wait()
        if wait:
            raise UnlockDelayedError(wait)
        device_secret = self._device.secret()
        try:
            data_key = person_keys.unlock(person.keys, person.id, secret, device_secret)
        except WrongSecretError:
            delay.record_failure()
            raise
        delay.record_success()
        return data_key, device_secret

    def unlock(self, person_id: str, secret: str) -> PersonSession:
        """Open a person's session with their PIN or passphrase ("" when they have none).

        Raises UnlockDelayedError while a wait runs, WrongSecretError (the wait grows),
        DeviceSecretMissingError / DeviceSecretMismatchError; the database stays untouched."""
        person = self.get(person_id)
        data_key, _device_secret = self._data_key(person, secret)
        return session_for(
            person, open_database(self.folder(person.id) / DATABASE_FILE_NAME, data_key), secret
        )

    def check_secret(self, person_id: str, secret: str) -> None:
        """Check the current PIN before a change; a wrong one grows the wait as unlocking does.

        Raises the same errors as `unlock`; nothing is opened or changed."""
        self._data_key(self.get(person_id), secret)

    def change_lock(
        self,
        person_id: str,
        current_secret: str,
        lock: LockKind,
        new_secret: str,
        *,
        chosen_by_caregiver: bool = False,
    ) -> Person:
        """A new PIN (or passphrase, or lock kind): only the wrap changes, never the database.

        A wrong `current_secret` grows the wait, as at unlock."""
        if lock in CAREGIVER_ONLY and not chosen_by_caregiver:
            raise ProfileError(_("Only a helper setting up one person at home can choose that."))
        person = self.get(person_id)
        data_key, device_secret = self._data_key(person, current_secret)
        keys = person_keys.rewrap(
            person.keys, person.id, data_key, lock, new_secret, device_secret, self._argon2
        )
        updated = replace(person, keys=keys)
        self._replace(updated)
        return updated

    def reset_lock_with_recovery_code(
        self,
        person_id: str,
        code: str,
        lock: LockKind,
        new_secret: str,
        *,
        chosen_by_caregiver: bool = False,
    ) -> PersonSession:
        """The forgotten-PIN route: the recovery code opens the data and sets a new PIN.

        Also heals a lost keyring: the new wrap uses this PC's current device secret."""
        if lock in CAREGIVER_ONLY and not chosen_by_caregiver:
            raise ProfileError(_("Only a helper setting up one person at home can choose that."))
        person = self.get(person_id)
        data_key = person_keys.unlock_with_recovery(person.keys, person.id, code)
        device_secret = self._device.secret_or_create()
        keys = person_keys.rewrap(
            person.keys, person.id, data_key, lock, new_secret, device_secret, self._argon2
        )
        updated = replace(person, keys=keys)
        self._replace(updated)
        self._delay(person_id).record_success()
        database = open_database(self.folder(person.id) / DATABASE_FILE_NAME, data_key)
        return session_for(updated, database, new_secret)

    def keyring_status(self) -> tuple[bool, str]:
        """For Settings: is the device secret in the OS keyring, or in the fallback file?"""
        return keyring_status(self.data_dir, self._keyring)

    def uses_fallback_file(self) -> bool:
        """True when the safe key sits in the private file beside the data, not a keyring."""
        return keyring_uses_fallback(self.data_dir, self._keyring)


def open_people(
    data_dir: Path,
    clock: Clock | None = None,
    keyring: KeyringBackend | Literal["system"] | None = "system",
    argon2: Argon2Params = DEFAULT_ARGON2,
) -> People:
    """The factory the launcher calls: `keyring="system"` picks the OS keyring (or none)."""
    chosen = system_keyring() if keyring == "system" else keyring
    return People(data_dir, chosen, clock or SystemClock(), argon2)


def ensure_default_person(people: People) -> Person | None:
    """A newcomer can look around at once: with nobody set up yet, add "Me" with no PIN.

    Returns the new person, or None when people already exist. The data key is then wrapped
    by the device secret only; Settings offers a PIN later."""
    if people.all():
        return None
    return people.add(_(DEFAULT_PERSON_NAME), "none", "", chosen_by_caregiver=True)
