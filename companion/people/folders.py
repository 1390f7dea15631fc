"""Each person's folder on disk: made under a temporary name and renamed into place only when
complete, and the unfinished ones a killed first start or restore left behind."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from companion.files import fsync_directory
from companion.storage import DATABASE_FILE_NAME, PersonDatabase, open_database

PEOPLE_FOLDER = "people"
# A person's folder is made under this name and renamed only when complete (first start,
# restore), so a kill never leaves a listed person with half their data.
UNFINISHED_PREFIX = ".new-"


def person_folder(data_dir: Path, person_id: str) -> Path:
    return data_dir / PEOPLE_FOLDER / person_id


def make_person_folder(
    data_dir: Path,
    person_id: str,
    data_key: bytes,
    fill: Callable[[PersonDatabase], None] | None,
) -> None:
    """Make the person's database (and `fill` it) under a temporary name, then rename it
    into place: only a complete folder ever carries the person's id."""
    people_folder = data_dir / PEOPLE_FOLDER
    people_folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # not left to the umask
    unfinished = people_folder / f"{UNFINISHED_PREFIX}{person_id}"
    unfinished.mkdir(mode=0o700)
    try:
        database = open_database(unfinished / DATABASE_FILE_NAME, data_key)
        try:
            if fill is not None:
                fill(database)
        finally:
            database.close()
        os.replace(unfinished, person_folder(data_dir, person_id))
    except BaseException:
        shutil.rmtree(unfinished, ignore_errors=True)
        raise
    fsync_directory(people_folder)


def remove_unfinished_folders(data_dir: Path) -> list[str]:
    """Remove the folders still named unfinished; the caller holds the people list's lock,
    which every addition holds from start to end. Returns their names."""
    people_folder = data_dir / PEOPLE_FOLDER
    if not people_folder.is_dir():
        return []
    removed = []
    for path in sorted(people_folder.glob(f"{UNFINISHED_PREFIX}*")):
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path.name)
    return removed
