"""A person's preferences in their encrypted database (the protocol is companion.preferences)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from companion.storage.database import PersonDatabase
from companion.storage.models import PersonPreferenceRow


class SqlPreferencesStore:
    """Preferences in the person's encrypted database; each set is one transaction."""

    def __init__(self, database: PersonDatabase) -> None:
        self._database = database

    def get(self, key: str, default: Any = None) -> Any:
        with self._database.unit_of_work() as session:
            row = session.get(PersonPreferenceRow, key)
            return default if row is None else row.value

    def set(self, key: str, value: Any) -> None:
        with self._database.unit_of_work() as session:
            session.merge(PersonPreferenceRow(key=key, value=value))

    def remove(self, key: str) -> None:
        with self._database.unit_of_work() as session:
            session.execute(delete(PersonPreferenceRow).where(PersonPreferenceRow.key == key))

    def items(self) -> dict[str, Any]:
        with self._database.unit_of_work() as session:
            rows = session.scalars(select(PersonPreferenceRow).order_by(PersonPreferenceRow.key))
            return {row.key: row.value for row in rows}
