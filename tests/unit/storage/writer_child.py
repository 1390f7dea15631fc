"""Child process for the crash test: writes finished check-ins one transaction at a time.

Reads the database key (hex) and the first note number from stdin, then prints each note
number right after its commit returned, until it is killed.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from companion.checkin.models import CheckIn
from companion.checkin.sql_store import SqlCheckInStore
from companion.storage import open_database


def main() -> None:
    key_hex, first = sys.stdin.readline().split()
    db = open_database(Path(sys.argv[1]), bytes.fromhex(key_hex))
    store = SqlCheckInStore(db)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    number = int(first)
    print("ready", flush=True)
    while True:
        when = start + timedelta(minutes=number)
        note = f"row {number} " + "x" * (number % 500)
        store.finish(CheckIn(None, when, when, "okay", frozenset({"sleep"}), note, False))
        print(number, flush=True)
        number += 1


if __name__ == "__main__":
    main()
