"""Open one person's SQLCipher database through SQLAlchemy with a raw 256-bit key."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.pool import QueuePool

from companion.i18n import _
from companion.storage_guard import check_storage_thread

_log = logging.getLogger(__name__)

DATA_KEY_BYTES = 32
DATABASE_FILE_NAME = "companion.db"


class StorageError(Exception):
    """The database could not be opened or used; the message is safe to show a person."""


class DatabaseKeyError(StorageError):
    """The key does not open this database (or the file is damaged); the file is left untouched."""


def _connect(path: Path, key: bytes) -> Any:
    """One keyed connection: the key must be the very first statement SQLCipher sees."""
    connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("PRAGMA cipher_log_level = NONE")
        # The first real read proves the key before anything can write to the file.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def engine_from_creator(creator: Callable[[], Any], module: Any = sqlcipher3) -> Engine:
    """An engine over ready-made DB-API connections, with explicit transactions.

    A small pool keeps one connection open between user actions: closing the last connection
    checkpoints the WAL, which (measured) doubled the cost of every save under NullPool.
    """
    engine = create_engine(
        "sqlite://",
        module=module,
        creator=creator,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=2,
        # SQLAlchemy's error messages otherwise carry the statement's values, and a logged
        # traceback would put a person's note in plain text beside the encrypted database.
        hide_parameters=True,
    )
    _use_explicit_transactions(engine)
    return engine


def create_sqlcipher_engine(path: Path, key: bytes) -> Engine:
    """An engine whose every connection is keyed with `key`.

    Raises DatabaseKeyError when the key does not open an existing file.
    """
    if len(key) != DATA_KEY_BYTES:
        raise ValueError("The data key must be 32 bytes")
    check_storage_thread()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)

    def creator() -> Any:
        return _connect(path, key)

    engine = engine_from_creator(creator)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DatabaseError as exc:
        engine.dispose()
        _log.info("Database %s did not open with the key given", path.name)
        raise DatabaseKeyError(
            _("This person's data could not be opened. Nothing was changed. Ask your helper.")
        ) from exc
    _restrict_permissions(path)
    return engine


def _use_explicit_transactions(engine: Engine) -> None:
    """Let SQLAlchemy issue BEGIN itself, so each unit of work is one real SQLite transaction."""

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _restrict_permissions(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if candidate.exists():
            candidate.chmod(0o600)


def integrity_check(engine: Engine) -> str:
    """SQLite's own full check of the file: 'ok' when sound."""
    check_storage_thread()
    with engine.connect() as connection:
        rows = connection.execute(text("PRAGMA integrity_check")).fetchall()
    return "; ".join(str(row[0]) for row in rows)


def is_plain_sqlite(path: Path) -> bool:
    """True when `path` starts with the plaintext SQLite header (it must never, for our files)."""
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


__all__ = [
    "DATABASE_FILE_NAME",
    "DATA_KEY_BYTES",
    "DatabaseKeyError",
    "StorageError",
    "create_sqlcipher_engine",
    "integrity_check",
    "is_plain_sqlite",
]
