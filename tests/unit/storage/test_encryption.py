"""What lands on disk is ciphertext: no note text and no SQLite header in any file we write."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from companion.checkin.models import CheckIn
from companion.checkin.sql_store import SqlCheckInStore
from companion.storage import DatabaseKeyError, is_plain_sqlite, open_database

SQLITE_HEADER = b"SQLite format 3"


def all_bytes_under(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_note_marker_and_sqlite_header_never_reach_the_disk(tmp_path: Path) -> None:
    marker = "MARKER-" + os.urandom(8).hex()
    db = open_database(tmp_path / "companion.db", os.urandom(32))
    store = SqlCheckInStore(db)
    now = datetime(2026, 3, 14, tzinfo=UTC)
    # A reader holding the file open keeps the WAL on disk, so it is looked at too.
    with db.engine.connect():
        store.save_draft(CheckIn(None, now, None, "okay", frozenset(), marker + " draft", True))
        for _ in range(20):
            store.finish(CheckIn(None, now, now, "okay", frozenset({"pain"}), marker, False))
        files_open = all_bytes_under(tmp_path)
    assert any(p.name.endswith("-wal") for p in files_open)
    db.close()
    files_closed = all_bytes_under(tmp_path)
    for files in (files_open, files_closed):
        assert files
        for path, data in files.items():
            assert marker.encode() not in data, path.name
            assert marker.encode("utf-16-le") not in data, path.name
            assert SQLITE_HEADER not in data, path.name
    assert not is_plain_sqlite(tmp_path / "companion.db")


def test_wrong_key_is_refused_and_leaves_the_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "companion.db"
    key = os.urandom(32)
    db = open_database(path, key)
    db.close()
    before = all_bytes_under(tmp_path)
    with pytest.raises(DatabaseKeyError):
        open_database(path, os.urandom(32))
    assert all_bytes_under(tmp_path) == before
    open_database(path, key).close()
