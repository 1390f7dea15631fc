"""One person as the picker shows them, and an open session of their stores (or a guest's).

Split from companion.people.profiles, which lists, adds and unlocks people; both are imported from
there by the rest of the app.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from companion.appointments.sql_store import SqlAppointmentStore
from companion.appointments.store import AppointmentStore, MemoryAppointmentStore
from companion.checkin.sql_store import SqlCheckInStore
from companion.checkin.store import CheckInStore, MemoryCheckInStore
from companion.config import TEXT_SCALES, read_personal_settings
from companion.i18n import _
from companion.preferences import MemoryPreferences, Preferences
from companion.safety.contacts_store import SqlContactsStore
from companion.safety.crisis import ContactsStore, MemoryContactsStore
from companion.safety_plan.plan import MemorySafetyPlanStore, SafetyPlanStore
from companion.safety_plan.sql_store import SqlSafetyPlanStore
from companion.security.person_keys import PersonKeys
from companion.security.pins import LockKind
from companion.storage import PersonDatabase
from companion.storage.preferences import (
    SqlPreferencesStore,
)

GUEST_ID = "guest"


@dataclass(frozen=True)
class Person:
    """One person on this PC as the picker shows them (nothing here is secret).

    `text_scale` is the text size the person chose, copied out of their locked settings so
    their name button and PIN pad can be big before their data opens; None: the PC's size.
    """

    id: str
    name: str
    initials: str
    colour: str
    keys: PersonKeys
    text_scale: int | None = None

    @property
    def lock(self) -> LockKind:
        return self.keys.lock

    @property
    def has_recovery_code(self) -> bool:
        return self.keys.recovery is not None

    def to_json(self) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "colour": self.colour,
            "keys": self.keys.to_json(),
        }
        if self.text_scale is not None:
            entry["text_scale"] = self.text_scale
        return entry

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Person:
        name = str(data["name"])
        return cls(
            id=str(data["id"]),
            name=name,
            initials=initials_of(name),
            colour=str(data["colour"]),
            keys=PersonKeys.from_json(data["keys"]),
            text_scale=text_scale_of(data.get("text_scale")),
        )


def text_scale_of(value: object) -> int | None:
    """A stored text size, checked like the Text size setting; ValueError for anything else
    (the list is then as damaged as if a name were missing)."""
    if value is None:
        return None
    if type(value) is not int or value not in TEXT_SCALES:
        raise ValueError(f"text_scale must be one of {TEXT_SCALES}, not {value!r}")
    return value


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
    preferences: Preferences
    is_guest: bool
    database: PersonDatabase | None = field(default=None, repr=False)
    # How many digits the PIN that opened this session has (memory only, never stored), so
    # Settings can say how long guessing it would take; 0 when not known.
    secret_length: int = field(default=0, repr=False)
    # The person's safety plan: never shown to a guest or a helper (a guest's stays empty).
    safety_plan: SafetyPlanStore = field(default_factory=MemorySafetyPlanStore, repr=False)
    # What the person's data held of their own settings when it opened (read with it, off the
    # UI thread), so the window shows them in their own look from the first screen; taken once.
    own_settings: Any = field(default=None, repr=False)

    def take_own_settings(self) -> Any:
        """Their own settings as read when the session opened, once (None after: by then the
        window holds newer ones)."""
        found, self.own_settings = self.own_settings, None
        return found

    def one_transaction(self) -> AbstractContextManager[object]:
        """Every store call inside the block is one transaction (one user action); a guest's
        memory needs none."""
        if self.database is None:
            return nullcontext()
        return self.database.unit_of_work()

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
        preferences=MemoryPreferences(),
        is_guest=True,
    )


def session_for(person: Person, database: PersonDatabase, secret: str = "") -> PersonSession:
    preferences = SqlPreferencesStore(database)
    return PersonSession(
        person_id=person.id,
        display_name=person.name,
        checkins=SqlCheckInStore(database),
        appointments=SqlAppointmentStore(database),
        contacts=SqlContactsStore(database),
        preferences=preferences,
        is_guest=False,
        database=database,
        secret_length=len("".join(secret.split())),
        safety_plan=SqlSafetyPlanStore(database),
        own_settings=read_personal_settings(preferences),
    )
