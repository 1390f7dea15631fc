"""Each person's wrong-PIN count, kept inside people.json beside their wrapped key.

There, deleting a file does not reset the wait: a count missing from a current index, or one
changed into something Companion never writes, reads as the longest wait (see delay.py).
Companion before index version 2 kept the count in `people/<id>/unlock-delay.json`; that file
is read once, when the index moves to version 2 (or later), then removed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from companion.config import write_file_atomically
from companion.file_lock import locked
from companion.files import UnreadableFileError, read_json_capped
from companion.people.index import INDEX_VERSION, MAX_INDEX_BYTES, MAX_INDEX_DEPTH
from companion.security.delay import DELAY_FILE_NAME, MISSING, FileCount

WRONG_TRIES = "wrong_tries"
NO_WRONG_TRIES: dict[str, object] = {"failures": 0, "last_failure": None}


def read_index(path: Path) -> dict[str, Any]:
    """people.json as stored (an empty current index when there is none yet); read only when
    small and shallow enough to be harmless, with the list's own caps (people_index.py)."""
    try:
        stored = read_json_capped(path, MAX_INDEX_BYTES, MAX_INDEX_DEPTH)
    except FileNotFoundError:
        return {"version": INDEX_VERSION, "people": []}
    except UnreadableFileError as exc:  # too big, too deep, not JSON: as damaged as bad JSON
        raise ValueError(f"{path.name} cannot be read ({exc.reason})") from exc
    if not isinstance(stored, dict):
        raise ValueError(f"{path.name} is not a list of people")  # as damaged as bad JSON
    return stored


def stored_count(entry: dict[str, Any], version: object, folder: Path) -> object:
    """A person's count as stored; None (the longest wait) if it was removed by hand."""
    if WRONG_TRIES in entry:
        return entry[WRONG_TRIES]
    if version != 1:
        return None
    legacy = FileCount(folder / DELAY_FILE_NAME).read()
    return dict(NO_WRONG_TRIES) if legacy is MISSING else legacy


def with_counts(
    stored: dict[str, Any], entries: list[dict[str, Any]], folder_of: Callable[[str], Path]
) -> dict[str, Any]:
    """The index to write: `entries` keep their stored counts; a newcomer starts at 0."""
    before = {e.get("id"): e for e in stored.get("people", []) if isinstance(e, dict)}
    version = stored.get("version")
    for entry in entries:
        person_id = str(entry.get("id"))
        if WRONG_TRIES in entry:
            continue
        if person_id in before:
            entry[WRONG_TRIES] = stored_count(before[person_id], version, folder_of(person_id))
        else:
            entry[WRONG_TRIES] = dict(NO_WRONG_TRIES)
    return {"version": INDEX_VERSION, "people": entries}


def write_index(path: Path, data: dict[str, Any]) -> None:
    write_file_atomically(path, json.dumps(data, indent=2).encode("utf-8"))


class IndexCount:
    """One person's count in people.json, for WrongPinDelay; nothing stored means no count."""

    missing_is_fresh = False

    def __init__(self, index: Path, person_id: str, folder_of: Callable[[str], Path]) -> None:
        self._index = index
        self._person_id = person_id
        self._folder_of = folder_of

    def read(self) -> object:
        stored = read_index(self._index)
        for entry in stored.get("people", []):
            if isinstance(entry, dict) and entry.get("id") == self._person_id:
                return stored_count(entry, stored.get("version"), self._folder_of(self._person_id))
        return MISSING

    def write(self, record: dict[str, object]) -> None:
        with locked(self._index):  # the list's own lock: no other change of it is lost
            self._write(record)

    def _write(self, record: dict[str, object]) -> None:
        stored = read_index(self._index)
        entries = [dict(e) for e in stored.get("people", []) if isinstance(e, dict)]
        if not any(e.get("id") == self._person_id for e in entries):
            return
        for entry in entries:
            if entry.get("id") == self._person_id:
                entry[WRONG_TRIES] = record
        write_index(self._index, with_counts(stored, entries, self._folder_of))
        (self._folder_of(self._person_id) / DELAY_FILE_NAME).unlink(missing_ok=True)
