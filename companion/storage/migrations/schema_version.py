"""Which schema revision a database holds, read without loading Alembic.

Alembic (with Mako) costs about 0.1 s and several MB to import; almost every start finds the
schema already current, so the check is a plain query and Alembic loads only to upgrade.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

HEAD = "head"
# The newest revision in versions/; a test keeps this in step with Alembic's own answer.
NEWEST_REVISION = "0004"


def recorded_revision(engine: Engine) -> str | None:
    """The revision stored in the database (None for a brand-new file)."""
    with engine.connect() as connection:
        has_table = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if has_table is None:
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def is_current(engine: Engine, target: str) -> bool:
    """True when upgrading to `target` would change nothing."""
    return target in (HEAD, NEWEST_REVISION) and recorded_revision(engine) == NEWEST_REVISION
