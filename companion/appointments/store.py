"""Where appointments are kept: the protocol storage implements, and an in-memory store."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from companion.appointments.model import Appointment


class AppointmentStore(Protocol):
    """A person's appointments; the SQL store and the memory store both honour this."""

    def save(self, a: Appointment) -> Appointment:
        """Insert (id None) or replace (id set) `a`; returns it with its id."""
        ...

    def delete(self, appointment_id: int) -> None:
        """Remove one appointment; deleting an unknown id does nothing."""
        ...

    def all(self) -> list[Appointment]:
        """Every appointment, earliest start first."""
        ...


class MemoryAppointmentStore:
    """Keeps appointments in memory only: guest sessions (nothing on disk) and tests."""

    def __init__(self) -> None:
        self._rows: dict[int, Appointment] = {}
        self._next_id = 1

    def save(self, a: Appointment) -> Appointment:
        if a.id is None:
            a = replace(a, id=self._next_id)
        assert a.id is not None
        self._next_id = max(self._next_id, a.id + 1)
        self._rows[a.id] = a
        return a

    def delete(self, appointment_id: int) -> None:
        self._rows.pop(appointment_id, None)

    def all(self) -> list[Appointment]:
        return sorted(self._rows.values(), key=lambda a: (a.start, a.id or 0))
