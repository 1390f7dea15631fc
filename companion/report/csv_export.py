"""The report as CSV: one row per mood day, score, tag and (only if included) note."""

from __future__ import annotations

import csv
import io

from companion.checkin.wording import mood_word, tag_word
from companion.report.data import ClinicianReport, score_text

CSV_COLUMNS = ("kind", "date", "time", "item", "value", "detail")
_SPREADSHEET_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Keep a spreadsheet from running typed text as a formula when the CSV is opened."""
    return "'" + text if text.startswith(_SPREADSHEET_FORMULA_STARTS) else text


def report_csv(report: ClinicianReport) -> str:
    """The report as CSV (one row per mood day, score, tag and, only if included, note)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for point in report.mood_points:
        local = point.at.astimezone(report.made_at.tzinfo)
        writer.writerow(
            (
                "mood",
                point.day.isoformat(),
                local.strftime("%H:%M"),
                point.mood,
                point.value,
                mood_word(point.mood),
            )
        )
    for score in report.scores:
        writer.writerow(
            (
                "questionnaire",
                score.taken_at.date().isoformat(),
                score.taken_at.strftime("%H:%M"),
                score.instrument_name,
                score_text(score),
                score.band + ("; self_harm item above 0" if "self_harm" in score.flags else ""),
            )
        )
    for tag, count in report.tag_counts:
        writer.writerow(("tag", "", "", tag, count, tag_word(tag)))
    for note in report.notes:
        writer.writerow(
            (
                "note",
                note.written_at.date().isoformat(),
                note.written_at.strftime("%H:%M"),
                "",
                "",
                _cell(note.text),
            )
        )
    return buffer.getvalue()
