"""At every start: remove what killed runs left behind (temporary files, unfinished folders).

A kill part-way through a save leaves a ".NAME.tmp-xxxx" file beside the real one; a kill
during a first start or a restore leaves an unfinished person folder (never listed, see
companion.people.profiles); a killed `--check` leaves ".encryption-check-xxxx". None holds
anything a person needs, and some hold data (a backup's temporary copy), so they go at the
next start.
Temporary files younger than LEFTOVER_AGE are left alone: they may belong to a save running now.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from companion.files import TEMP_MARK

_log = logging.getLogger(__name__)

LEFTOVER_AGE = timedelta(minutes=10)
# What `--check` makes and removes again (a killed check leaves them).
CHECK_PREFIXES: tuple[str, ...] = (".encryption-check-", ".check-")
# Files Companion saves outside its data folder (a backup in the home folder) leave
# temporary copies there too; only these are looked for outside the data folder.
OUTSIDE_SUFFIXES: tuple[str, ...] = (".companion-backup",)


def _is_temporary(path: Path, suffixes: tuple[str, ...] = ()) -> bool:
    name = path.name
    if not name.startswith(".") or TEMP_MARK not in name:
        return False
    return not suffixes or name.split(TEMP_MARK, 1)[0].endswith(suffixes)


def _old(path: Path, now: datetime) -> bool:
    try:
        changed = datetime.fromtimestamp(path.lstat().st_mtime, UTC)
    except OSError:
        return False
    return now - changed > LEFTOVER_AGE


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError as exc:
        _log.warning("A leftover file could not be removed (%s)", type(exc).__name__)
        return False
    return True


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def remove_leftovers(data_dir: Path, now: datetime, outside: Iterable[Path] = ()) -> list[str]:
    """Remove old temporary files and check folders; returns their names (never contents).

    Looks in the data folder, each person's folder, and the `outside` folders (for backups)."""
    folders = [data_dir]
    people = data_dir / "people"
    folders.extend(p for p in _entries(people) if p.is_dir() and not p.name.startswith("."))
    removed: list[str] = []
    for folder in folders:
        for path in _entries(folder):
            leftover = _is_temporary(path) or path.name.startswith(CHECK_PREFIXES)
            if leftover and _old(path, now) and _remove(path):
                removed.append(path.name)
    for folder in outside:
        for path in _entries(folder):
            if _is_temporary(path, OUTSIDE_SUFFIXES) and _old(path, now) and _remove(path):
                removed.append(path.name)
    if removed:
        _log.info("Removed %d leftover file(s) of an interrupted save", len(removed))
    return removed
