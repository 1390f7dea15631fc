"""Encrypted per-person storage: SQLCipher through SQLAlchemy, the tables, migrations, rows."""

from companion.storage.database import PersonDatabase, open_database
from companion.storage.engine import (
    DATA_KEY_BYTES,
    DATABASE_FILE_NAME,
    DatabaseKeyError,
    StorageError,
    is_plain_sqlite,
)

__all__ = [
    "DATABASE_FILE_NAME",
    "DATA_KEY_BYTES",
    "DatabaseKeyError",
    "PersonDatabase",
    "StorageError",
    "is_plain_sqlite",
    "open_database",
]
