"""SqlContactsStore: up to three emergency contacts, in the order the person chose."""

from __future__ import annotations

from sqlalchemy import delete, select

from companion.safety.crisis import MAX_EMERGENCY_CONTACTS, EmergencyContact
from companion.storage.database import PersonDatabase
from companion.storage.models import EmergencyContactRow
from companion.storage.rows import new_row, value_of


class SqlContactsStore:
    """The ContactsStore protocol over SQLCipher; replacing the list is one transaction."""

    def __init__(self, database: PersonDatabase) -> None:
        self._database = database

    def contacts(self) -> list[EmergencyContact]:
        query = select(EmergencyContactRow).order_by(EmergencyContactRow.position)
        with self._database.unit_of_work() as session:
            return [value_of(EmergencyContact, row) for row in session.scalars(query)]

    def set_contacts(self, contacts: list[EmergencyContact]) -> None:
        if len(contacts) > MAX_EMERGENCY_CONTACTS:
            raise ValueError(f"At most {MAX_EMERGENCY_CONTACTS} emergency contacts are kept")
        with self._database.unit_of_work() as session:
            session.execute(delete(EmergencyContactRow))
            session.flush()
            session.add_all(contact_rows(contacts))


def contact_rows(contacts: list[EmergencyContact]) -> list[EmergencyContactRow]:
    """The rows that hold `contacts`, in the person's order (and in a restored backup)."""
    return [new_row(EmergencyContactRow, c, position=i) for i, c in enumerate(contacts)]
