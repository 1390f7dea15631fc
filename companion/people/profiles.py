"""The people on this PC: a small non-secret index, their locks, and opening their sessions.

Each person has a folder `people/<id>/` with their encrypted database; `people.json` holds
names, initials, colours, key wraps and, beside each wrap, the wrong-PIN count and the text size
the person chose for the picker (never a PIN, never a note).
A guest session keeps everything in memory and writes nothing at all.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from companion.clock import Clock, SystemClock
from companion.i18n import N_, _
from companion.people.folders import (
    make_person_folder,
    person_folder,
    remove_unfinished_folders,
)
from companion.people.index import INDEX_FILE_NAME, PeopleIndex
from companion.people.person import (
    GUEST_ID,
    Person,
    PersonSession,
    guest_session,
    initials_of,
    session_for,
    text_scale_of,
)
from companion.security import person_keys
from companion.security.delay import WrongPinDelay
from companion.security.device_secret import DeviceSecretStore, KeyringBackend, system_keyring
from companion.security.errors import SecurityError, UnlockDelayedError, WrongSecretError
from companion.security.index_count import WRONG_TRIES, IndexCount, read_index, with_counts
from companion.security.kdf import DEFAULT_ARGON2, Argon2Params
from companion.security.pins import CAREGIVER_ONLY, LockKind
from companion.security.status import keyring_status, keyring_uses_fallback
from companion.storage import DATABASE_FILE_NAME, PersonDatabase, StorageError, open_database

_log = logging.getLogger(__name__)

__all__ = [
    "GUEST_ID",
    "INDEX_FILE_NAME",
    "NotesMissingError",
    "People",
    "Person",
    "PersonSession",
    "ProfileError",
    "ensure_default_person",
    "guest_session",
    "initials_of",
    "open_people",
    "session_for",
]

MAX_NAME_LENGTH = 40
# Tile colours with white text at 4.5:1 or better, told apart by more than hue alone.
TILE_COLOURS: tuple[str, ...] = ("#1F5FA8", "#2E6B30", "#7B2F7B", "#A3461A", "#00695C", "#5D4037")
DEFAULT_PERSON_NAME = N_("Me")


class ProfileError(SecurityError):
    """A change to the people list was refused; the message says what to do instead."""


class NotesMissingError(StorageError):
    """A listed person's database file is gone: it is never replaced by an empty one."""

    def __init__(self, name: str) -> None:
        super().__init__(
            _(
                'The notes saved for "{name}" are missing from this computer. If you have a '
                "backup, you can bring them back: Settings, then My data."
            ).format(name=name)
        )


def _parse_people(table: dict[str, Any]) -> list[Person]:
    entries = table.get("people", [])
    if not isinstance(entries, list):
        raise TypeError("people is not a list")
    return [Person.from_json(entry) for entry in entries]


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
        self._index = PeopleIndex(data_dir, _parse_people)

    # The index ---------------------------------------------------------------------------

    def all(self) -> list[Person]:
        """Everyone on this PC, in the order they were added (PeopleListDamagedError when the
        list and its previous copy are both damaged)."""
        return self._index.read()

    @contextmanager
    def changing(self) -> Iterator[None]:
        """Hold the people list's lock (all processes) around a check-then-change."""
        with self._index.lock():
            yield

    @property
    def problem(self) -> str | None:
        """One sentence for the start when the list was damaged and its previous copy used."""
        if not self._index.fell_back:
            return None
        return _(
            "The list of people on this computer was damaged, so Companion used its saved "
            "copy. The last change to the list may be missing."
        )

    def get(self, person_id: str) -> Person:
        for person in self.all():
            if person.id == person_id:
                return person
        raise ProfileError(_("That person is no longer on this computer."))

    def _save(self, people: list[Person], *, forget_previous: bool = False) -> None:
        """Write the list (under `changing()`); each person's wrong-PIN count stays as stored,
        0 for a newcomer."""
        entries = [p.to_json() for p in people]
        try:
            stored = read_index(self._index.path)
        except (OSError, ValueError):  # damaged: every count restarts at the longest wait
            stored = {"people": []}
            for entry in entries:
                entry[WRONG_TRIES] = None
        table = with_counts(stored, entries, self.folder)
        self._index.write(table["people"], forget_previous=forget_previous)

    def _replace(self, updated: Person) -> None:
        with self.changing():
            self._save([updated if p.id == updated.id else p for p in self.all()])

    def folder(self, person_id: str) -> Path:
        return person_folder(self.data_dir, person_id)

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
        fill: Callable[[PersonDatabase], None] | None = None,
    ) -> Person:
        """Add a person with a new encrypted database. A 4-digit PIN or no PIN needs the
        caregiver's explicit choice. Raises ProfileError or PinRejectedError with a sentence.

        `fill` writes into the new database before the person is listed (a restore): if it
        fails, or the process is killed, nobody is added."""
        if lock in CAREGIVER_ONLY and not chosen_by_caregiver:
            raise ProfileError(_("Only a helper setting up one person at home can choose that."))
        with self.changing():
            cleaned = self._clean_name(name)
            person_id = uuid.uuid4().hex[:12]
            device_secret = self._device.secret_or_create()
            data_key, keys = person_keys.protect_new_person(
                person_id, lock, secret, device_secret, recovery_code, self._argon2
            )
            existing = self.all()
            colour = TILE_COLOURS[len(existing) % len(TILE_COLOURS)]
            person = Person(person_id, cleaned, initials_of(cleaned), colour, keys)
            make_person_folder(self.data_dir, person_id, data_key, fill)
            self._save([*existing, person])
        _log.info("Added a person (%s lock)", lock)
        return person

    def remove_unfinished(self) -> list[str]:
        """Remove folders of additions and restores that were killed before they finished.

        Runs under the list's lock, which every addition holds from start to end, so a folder
        still named unfinished then belongs to no running Companion. Returns their names."""
        with self.changing():
            removed = remove_unfinished_folders(self.data_dir)
        if removed:
            _log.info("Removed %d unfinished person folder(s)", len(removed))
        return removed

    def rename(self, person_id: str, name: str) -> Person:
        with self.changing():
            person = self.get(person_id)
            cleaned = self._clean_name(name, ignore_id=person_id)
            renamed = replace(person, name=cleaned, initials=initials_of(cleaned))
            self._replace(renamed)
        return renamed

    def set_text_scale(self, person_id: str, text_scale: int | None) -> Person:
        """Keep the text size `person_id` chose beside their entry (None: the PC's size), so
        their name button and PIN pad are big before their data opens. Only the size: their
        language and everything else stay in their locked database. Writes nothing when
        unchanged; ValueError for a size the Text size setting does not offer."""
        text_scale_of(text_scale)
        with self.changing():
            person = self.get(person_id)
            if person.text_scale == text_scale:
                return person
            resized = replace(person, text_scale=text_scale)
            self._replace(resized)
        return resized

    def delete(self, person_id: str) -> None:
        """Remove a person and all their files, without ever opening them (the fresh start)."""
        with self.changing():
            person = self.get(person_id)
            folder = self.folder(person.id)
            if folder.exists():
                shutil.rmtree(folder)
            remaining = [p for p in self.all() if p.id != person.id]
            self._save(remaining, forget_previous=True)
            if not remaining:
                self._device.forget()
        _log.info("Removed a person and their files")

    # Unlocking ---------------------------------------------------------------------------

    def _delay(self, person_id: str) -> WrongPinDelay:
        return WrongPinDelay(IndexCount(self._index.path, person_id, self.folder), self._clock)

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
        return session_for(person, self._open_existing(person, data_key), secret)

    def _open_existing(self, person: Person, data_key: bytes) -> PersonDatabase:
        """The person's database; NotesMissingError rather than a new empty one if it is gone."""
        path = self.folder(person.id) / DATABASE_FILE_NAME
        if not path.is_file():
            _log.error("A listed person's database file is missing")
            raise NotesMissingError(person.name)
        return open_database(path, data_key)

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
        return session_for(updated, self._open_existing(updated, data_key), new_secret)

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
    with people.changing():  # two first starts at once must add one "Me", not two
        if people.all():
            return None
        return people.add(_(DEFAULT_PERSON_NAME), "none", "", chosen_by_caregiver=True)
