"""The report a person can share with their doctor or counsellor: what goes in it, in plain values.

`data` gathers it from the check-in store, `words` says it in the person's language (dates in
words, band names, credits), `document` turns it into blocks a page composer can lay out, and
`csv_export` writes it as a spreadsheet. Nothing here knows about Qt or paper devices.
"""

from __future__ import annotations

from companion.report.csv_export import report_csv
from companion.report.data import (
    ClinicianReport,
    InstrumentSeries,
    ReportNote,
    ReportScore,
    build_report,
    score_text,
)

__all__ = [
    "ClinicianReport",
    "InstrumentSeries",
    "ReportNote",
    "ReportScore",
    "build_report",
    "report_csv",
    "score_text",
]
