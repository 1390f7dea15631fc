"""A database made by the first schema is upgraded at open, keeping its rows."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import inspect, text

from companion.checkin.sql_store import SqlCheckInStore
from companion.storage import open_database
from companion.storage.engine import create_sqlcipher_engine
from companion.storage.migrations import runner


def test_first_schema_database_is_upgraded_at_open_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    key = os.urandom(32)
    engine = create_sqlcipher_engine(path, key)
    runner.upgrade(engine, "0001")
    assert runner.current_revision(engine) == "0001"
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO checkins (started_at, finished_at, mood, tags, note, is_draft) "
                "VALUES ('2025-01-02 09:00:00.000000', '2025-01-02 09:05:00.000000', 'good',"
                " '[\"sleep\"]', 'from the old days', 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO questionnaire_results "
                "(instrument_id, taken_at, answers, total, band, flags) "
                "VALUES ('gad2', '2025-01-02 09:06:00.000000', '[1, 2]', 3, 'positive', '[]')"
            )
        )
    old_indexes = {i["name"] for i in inspect(engine).get_indexes("questionnaire_results")}
    assert "ix_results_instrument_taken" not in old_indexes
    engine.dispose()

    db = open_database(path, key)
    assert runner.current_revision(db.engine) == runner.latest_revision() == "0004"
    new_indexes = {i["name"] for i in inspect(db.engine).get_indexes("questionnaire_results")}
    assert "ix_results_instrument_taken" in new_indexes
    store = SqlCheckInStore(db)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    [old] = store.checkins_between(start, start + timedelta(days=7))
    assert old.note == "from the old days"
    assert old.tags == frozenset({"sleep"})
    assert old.started_at == datetime(2025, 1, 2, 9, 0, tzinfo=UTC)
    [result] = store.results_between(start, start + timedelta(days=7))
    assert (result.instrument_id, result.answers, result.band) == ("gad2", (1, 2), "positive")
    assert result.difficulty is None  # migration 0004 adds the column empty
    assert db.integrity() == "ok"
    db.close()


def test_opening_twice_does_not_migrate_again(tmp_path: Path) -> None:
    key = os.urandom(32)
    open_database(tmp_path / "a.db", key).close()
    db = open_database(tmp_path / "a.db", key)
    assert runner.current_revision(db.engine) == runner.latest_revision()
    db.close()
