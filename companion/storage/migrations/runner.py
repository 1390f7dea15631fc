"""Apply the packaged Alembic migrations to an open engine, configured in code (no alembic.ini)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from companion.storage.migrations.schema_version import HEAD
from companion.storage.models import Base

_log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent


def _script_directory() -> ScriptDirectory:
    return ScriptDirectory(
        str(MIGRATIONS_DIR), version_locations=[str(MIGRATIONS_DIR / "versions")]
    )


def latest_revision() -> str:
    """The newest schema revision this version of Companion knows."""
    head = _script_directory().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database (None for a brand-new file)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = HEAD) -> None:
    """Bring the schema up to `target` in one transaction; a new file gets every revision."""
    script = _script_directory()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))

    def run_upgrade(revision: Any, context: MigrationContext) -> Any:
        return script._upgrade_revs(target, revision)

    environment = EnvironmentContext(config, script, fn=run_upgrade, destination_rev=target)
    with environment as env, engine.begin() as connection:
        env.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            transactional_ddl=True,
        )
        before = env.get_context().get_current_revision()
        env.run_migrations()
        after = env.get_context().get_current_revision()
    if before != after:
        _log.info("Database schema upgraded from %s to %s", before, after)
