"""My data: the person's finished check-ins as a CSV file for a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from companion.checkin.store import CheckInStore
from companion.config import write_file_atomically
from companion.storage.bulk import EVER_END, EVER_START

CSV_COLUMNS = ("started_at", "finished_at", "mood", "tags", "note")


def checkins_csv(store: CheckInStore) -> bytes:
    """Finished check-ins as CSV (UTF-8 with BOM, so spreadsheet programs read accents)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for c in store.checkins_between(EVER_START, EVER_END):
        writer.writerow(
            [
                _iso(c.started_at),
                _iso(c.finished_at),
                c.mood or "",
                " ".join(sorted(c.tags)),
                _cell(c.note),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_checkins_csv(store: CheckInStore, path: Path) -> None:
    """Write the CSV to a place the person chose (it is readable by anyone who opens it)."""
    write_file_atomically(path, checkins_csv(store))


def _iso(value: datetime | None) -> str:
    return "" if value is None else value.isoformat()


def _cell(text: str) -> str:
    """A note that starts like a formula is kept as text, so a spreadsheet never runs it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
