"""A person's small preferences (JSON values under keys): the one protocol, and a store in memory.

The person's encrypted database backs it (companion.storage.preferences.SqlPreferencesStore);
`MemoryPreferences` serves a guest, whose choices go when they leave, and tests. Settings,
the library, the check-in schedule, setup and the safety-plan offer all read through it.
"""

from __future__ import annotations

import copy
from typing import Any, Protocol


class Preferences(Protocol):
    """Small per-person values that must follow the person, not the PC."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...

    def remove(self, key: str) -> None: ...

    def items(self) -> dict[str, Any]: ...


class MemoryPreferences:
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
