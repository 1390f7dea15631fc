"""My data: the person's finished check-ins as a CSV file for a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from companion.checkin.store import CheckInStore
from companion.config import write_file_atomically
from companion.safety_plan.plan import PARTS, SafetyPlanStore
from companion.storage.bulk import EVER_END, EVER_START

CSV_COLUMNS = ("started_at", "finished_at", "mood", "tags", "note")
PLAN_CSV_COLUMNS = ("part", "position", "words", "phone")
PLAN_CSV_SUFFIX = "-safety-plan"


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


def safety_plan_csv(store: SafetyPlanStore) -> bytes:
    """The safety plan, one line of it per row, in plan order (UTF-8 with BOM)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(PLAN_CSV_COLUMNS)
    plan = store.plan()
    for part in PARTS:
        for position, entry in enumerate(plan.entries(part), start=1):
            writer.writerow([part.value, position, _cell(entry.text), _cell(entry.phone)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_safety_plan_csv(store: SafetyPlanStore, checkins_path: Path) -> Path | None:
    """Write the plan beside the check-ins file (`<name>-safety-plan.csv`); None with no plan."""
    if store.plan().is_empty:
        return None
    path = checkins_path.with_name(checkins_path.stem + PLAN_CSV_SUFFIX + ".csv")
    write_file_atomically(path, safety_plan_csv(store))
    return path


def _iso(value: datetime | None) -> str:
    return "" if value is None else value.isoformat()


def _cell(text: str) -> str:
    """A note that starts like a formula is kept as text, so a spreadsheet never runs it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
