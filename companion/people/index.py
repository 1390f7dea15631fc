"""people.json, the list of who is on this PC and of their key wraps: locked, capped, kept twice.

It is the only copy of every person's wrapped data key, so it is guarded three ways: every
read-modify-write runs under a lock shared by all processes (two Companions started at once
cannot each add a "Me"); it is read only when small and shallow enough to be harmless; and
before each change the current file, once it has been read back and understood, is kept as
people.json.previous. A damaged list is set aside (people.json.bad-DATE) and the previous copy
is used, with one sentence saying the last change may be missing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from companion.file_lock import locked
from companion.files import UnreadableFileError, read_json_capped, set_aside, write_file_atomically
from companion.security.errors import SecurityError

_log = logging.getLogger(__name__)

INDEX_FILE_NAME = "people.json"
PREVIOUS_SUFFIX = ".previous"
# A person's entry is about 1 KB; a community centre has tens of people, not thousands.
MAX_INDEX_BYTES = 2 * 1024 * 1024
MAX_INDEX_DEPTH = 8
# 2: each person's wrong-PIN count is inside (security.index_count); 3: an entry may carry the
# text size the person chose, for the picker (person.text_scale_of checks it).
INDEX_VERSION = 3

T = TypeVar("T")
# What a damaged entry raises while being understood (a missing field, a wrong type...).
_NOT_UNDERSTOOD = (UnreadableFileError, ValueError, KeyError, TypeError, AttributeError)


class PeopleListDamagedError(SecurityError):
    """people.json and its previous copy are both damaged; nothing was changed or replaced."""

    def __init__(self) -> None:
        from companion.i18n import _

        super().__init__(
            _(
                "The list of people on this computer is damaged, so nobody's data was opened. "
                "Nothing was deleted. Ask your helper."
            )
        )


class PeopleIndex(Generic[T]):
    """Reads and writes people.json of one data folder; `parse` turns its table into people."""

    def __init__(self, data_dir: Path, parse: Callable[[dict[str, Any]], T]) -> None:
        self.path = data_dir / INDEX_FILE_NAME
        self.previous_path = data_dir / (INDEX_FILE_NAME + PREVIOUS_SUFFIX)
        self._parse = parse
        self.fell_back = False  # the previous copy had to be used (said once at start)

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the list's lock (every process) around a read-modify-write."""
        with locked(self.path):
            yield

    def _understood(self, path: Path) -> T:
        table = read_json_capped(path, MAX_INDEX_BYTES, MAX_INDEX_DEPTH)
        if not isinstance(table, dict):
            raise UnreadableFileError("not a table")
        return self._parse(table)

    def read(self) -> T:
        """Everyone listed; the previous copy when the list is damaged (or gone while the copy
        is not). Raises PeopleListDamagedError when neither can be understood."""
        try:
            return self._understood(self.path)
        except FileNotFoundError:
            if not self.previous_path.exists():
                return self._parse({"version": INDEX_VERSION, "people": []})
            _log.error("people.json is missing but its previous copy is not")
        except _NOT_UNDERSTOOD as exc:
            _log.error("people.json is damaged (%s)", type(exc).__name__)
        return self._fall_back()

    def _fall_back(self) -> T:
        with self.lock():
            try:  # another process may have mended it while we waited
                return self._understood(self.path)
            except (FileNotFoundError, *_NOT_UNDERSTOOD):
                pass
            try:
                people = self._understood(self.previous_path)
                data = self.previous_path.read_bytes()
            except (OSError, *_NOT_UNDERSTOOD) as exc:
                _log.error("The previous copy of people.json is unusable too")
                raise PeopleListDamagedError() from exc
            if self.path.exists():
                set_aside(self.path, date.fromtimestamp(self.path.stat().st_mtime))
            write_file_atomically(self.path, data)
        self.fell_back = True
        _log.warning("people.json was damaged; its previous copy is used")
        return people

    def write(self, entries: list[dict[str, Any]], *, forget_previous: bool = False) -> None:
        """Replace the list (call under `lock()`); the current file, if understood, is kept
        as the previous copy first. `forget_previous` (a person deleted) makes the previous
        copy the new list too, so nothing of a deleted person stays in it."""
        data = json.dumps({"version": INDEX_VERSION, "people": entries}, indent=2).encode()
        try:
            self._understood(self.path)
            kept = data if forget_previous else self.path.read_bytes()
            write_file_atomically(self.previous_path, kept)
        except (FileNotFoundError, *_NOT_UNDERSTOOD):
            if forget_previous:  # never keep a copy that still names the deleted person
                self.previous_path.unlink(missing_ok=True)
        write_file_atomically(self.path, data)
