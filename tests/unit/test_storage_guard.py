"""The GUI-thread storage guard: the thread the UI names may not open a transaction."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.checkin.sql_store import SqlCheckInStore
from companion.storage import PersonDatabase, open_database
from companion.storage_guard import (
    GUARD_VARIABLE,
    GuardMode,
    StorageOnUiThreadError,
    forbid_storage_on_this_thread,
    lift_storage_guard,
    mode_from_environment,
    storage_allowed_here,
)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[PersonDatabase]:
    db = open_database(tmp_path / "person.db", os.urandom(32))
    yield db
    lift_storage_guard()
    db.close()


def test_in_debug_mode_a_transaction_on_the_ui_thread_raises(database: PersonDatabase) -> None:
    store = SqlCheckInStore(database)
    forbid_storage_on_this_thread(GuardMode.RAISE)
    with pytest.raises(StorageOnUiThreadError):
        store.latest_draft()
    with storage_allowed_here():  # a test arranging its data
        assert store.latest_draft() is None
    found: list[object] = []
    worker = threading.Thread(target=lambda: found.append(store.latest_draft()))
    worker.start()
    worker.join()
    assert found == [None]  # the runner's thread may


def test_in_production_it_is_logged_with_where_it_came_from_and_allowed(
    database: PersonDatabase, caplog: pytest.LogCaptureFixture
) -> None:
    forbid_storage_on_this_thread(GuardMode.LOG)
    with caplog.at_level(logging.WARNING, logger="companion.storage_guard"):
        assert SqlCheckInStore(database).latest_draft() is None
    [record] = [r for r in caplog.records if r.name == "companion.storage_guard"]
    assert record.stack_info and "test_storage_guard" in record.stack_info


def test_the_mode_comes_from_debug_or_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(GUARD_VARIABLE, raising=False)
    assert mode_from_environment(debug=False) is GuardMode.LOG
    assert mode_from_environment(debug=True) is GuardMode.RAISE
    monkeypatch.setenv(GUARD_VARIABLE, "off")
    assert mode_from_environment(debug=True) is GuardMode.OFF


def test_calls_inside_one_unit_of_work_are_one_transaction_and_fail_together(
    database: PersonDatabase,
) -> None:
    from datetime import UTC, datetime

    from companion.checkin.models import CheckIn
    from tests.transactions import counting_transactions

    store = SqlCheckInStore(database)
    when = datetime(2026, 3, 14, 9, tzinfo=UTC)
    draft = CheckIn(None, when, None, "good", frozenset(), "", True)
    with counting_transactions(database) as count:
        with database.unit_of_work():
            store.save_draft(draft)
            assert store.latest_draft() is not None
        assert count.take() == 1
        with pytest.raises(RuntimeError), database.unit_of_work():
            store.discard_draft()
            raise RuntimeError("the press failed half way")
    assert store.latest_draft() is not None  # nothing of the failed press was kept
