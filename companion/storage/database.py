"""One person's open database: keyed engine, schema brought up to date, unit-of-work sessions."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from companion.storage.engine import create_sqlcipher_engine, integrity_check
from companion.storage.migrations.schema_version import HEAD, is_current
from companion.storage_guard import check_storage_thread

_log = logging.getLogger(__name__)


class PersonDatabase:
    """The open, up-to-date database of one person; `unit_of_work()` is one transaction."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._open = threading.local()  # this thread's unit of work, while one is open

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose changes commit together when the block ends, or not at all.

        Inside another unit of work on the same thread it joins that one, so a user action
        that calls several stores (inside `unit_of_work()`) is still one transaction.
        """
        joined: Session | None = getattr(self._open, "session", None)
        if joined is not None:
            yield joined
            return
        check_storage_thread()
        with self._sessions.begin() as session:
            self._open.session = session
            try:
                yield session
            finally:
                self._open.session = None

    def integrity(self) -> str:
        return integrity_check(self.engine)

    def close(self) -> None:
        """Checkpoint the WAL into the main file and let go of the file."""
        self.engine.dispose()


def open_database(path: Path, key: bytes, *, migrate_to: str = HEAD) -> PersonDatabase:
    """Open (or create) the database at `path` with its raw key and apply pending migrations.

    Raises DatabaseKeyError before anything is written when the key is wrong.
    """
    engine = create_sqlcipher_engine(path, key)
    try:
        if not is_current(engine, migrate_to):  # Alembic loads only when there is work
            from companion.storage.migrations import runner

            runner.upgrade(engine, migrate_to)
    except BaseException:
        engine.dispose()
        raise
    return PersonDatabase(engine, path)
