"""Per-person preferences (JSON values under keys): reading progress, favourites, small choices."""

from __future__ import annotations

import copy
from typing import Any, Protocol

from sqlalchemy import delete, select

from companion.storage.database import PersonDatabase
from companion.storage.models import PersonPreferenceRow


class PreferencesStore(Protocol):
    """Small per-person values that must follow the person, not the PC."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...

    def remove(self, key: str) -> None: ...

    def items(self) -> dict[str, Any]: ...


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


class MemoryPreferencesStore:
    """Preferences that live only in memory (a guest writes nothing to disk)."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def get(self, key: str, default: Any = None) -> Any:
        return copy.deepcopy(self._values.get(key, default))

    def set(self, key: str, value: Any) -> None:
        self._values[key] = copy.deepcopy(value)

    def remove(self, key: str) -> None:
        self._values.pop(key, None)

    def items(self) -> dict[str, Any]:
        return copy.deepcopy(self._values)
