"""Storage benchmark: unlock, one save, ten years of daily check-ins, encrypted vs plain SQLite.

Run: .venv/bin/python benchmarks/storage.py   (targets: ten years < 200 ms, overhead < 2x)
"""

from __future__ import annotations

import logging
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from companion.checkin.models import CheckIn
from companion.checkin.sql_store import SqlCheckInStore
from companion.clock import FixedClock
from companion.people.profiles import open_people
from companion.storage.bulk import PersonData, write_all
from companion.storage.database import PersonDatabase, open_database
from companion.storage.engine import engine_from_creator
from companion.storage.migrations import runner

DAYS = 3653
START = datetime(2016, 3, 14, 9, 0, tzinfo=UTC)
NOTE = "Slept badly, but the walk with Ann helped. Called my sister in the evening. " * 2
REPEATS = 21


def median_ms(work: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def ten_years() -> PersonData:
    checkins = tuple(
        CheckIn(
            None,
            START + timedelta(days=d),
            START + timedelta(days=d, minutes=3),
            "good",
            frozenset({"sleep", "family"}),
            NOTE,
            False,
        )
        for d in range(DAYS)
    )
    return PersonData(checkins, None, (), (), (), {})


def plain_database(path: Path) -> PersonDatabase:
    """The same schema, pool and PRAGMAs on ordinary SQLite, for the comparison."""

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        return connection

    engine = engine_from_creator(connect, sqlite3)
    runner.upgrade(engine)
    return PersonDatabase(engine, path)


def workload(database: PersonDatabase) -> dict[str, float]:
    store = SqlCheckInStore(database)
    write_all(database, ten_years())
    one = CheckIn(None, START, START, "okay", frozenset(), NOTE, False)
    end = START + timedelta(days=DAYS + 1)
    loaded = store.checkins_between(START, end)
    assert len(loaded) == DAYS
    return {
        "save one check-in": median_ms(lambda: store.finish(one)),
        "load ten years (3653 check-ins)": median_ms(
            lambda: store.checkins_between(START, end), repeats=5
        ),
    }


def main() -> None:
    logging.getLogger("companion").setLevel(logging.ERROR)  # the keyring fallback notice
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        people = open_people(base / "data", FixedClock(), keyring=None)
        mary = people.add("Mary", "pin", "583920")
        unlock_ms = median_ms(lambda: people.unlock(mary.id, "583920").close())
        key = os.urandom(32)
        open_ms = median_ms(lambda: open_database(base / "open.db", key).close())

        encrypted = open_database(base / "enc.db", key)
        enc = workload(encrypted)
        encrypted.close()
        plain = plain_database(base / "plain.db")
        pla = workload(plain)
        plain.close()

    print(f"unlock with PIN (Argon2id + open + migrate check): {unlock_ms:8.1f} ms")
    print(f"open an encrypted database (raw key):               {open_ms:8.1f} ms")
    print(f"{'':40} {'SQLCipher':>10} {'SQLite':>10} {'ratio':>6}")
    for name, enc_ms in enc.items():
        print(f"{name:40} {enc_ms:8.1f}ms {pla[name]:8.1f}ms {enc_ms / pla[name]:6.2f}")


if __name__ == "__main__":
    main()
