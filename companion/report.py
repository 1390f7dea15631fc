"""The data of a clinician report for a date range, and its CSV export (the UI renders the PDF).

The person chooses the dates and whether their notes go in; nothing is sent anywhere. Notes are
only read when `include_notes` is True, so they cannot slip into a report by accident.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from companion.checkin.instruments import RULES
from companion.checkin.models import TAGS
from companion.checkin.store import CheckInStore
from companion.checkin.trends import MoodPoint, mood_points
from companion.checkin.wording import INSTRUMENT_NAMES, band_word, mood_word, tag_word
from companion.i18n import _

CSV_COLUMNS = ("kind", "date", "time", "item", "value", "detail")
_SPREADSHEET_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ReportScore:
    """One questionnaire result as the clinician sees it."""

    taken_at: datetime
    instrument_id: str
    instrument_name: str
    total: int
    highest_total: int
    percent: int | None
    band: str
    flags: frozenset[str]


@dataclass(frozen=True)
class ReportNote:
    written_at: datetime
    text: str


@dataclass(frozen=True)
class ClinicianReport:
    """Everything one report shows, in plain values (times are aware, in the person's zone)."""

    person_name: str
    first_day: date
    last_day: date
    made_at: datetime
    checkin_count: int
    mood_points: tuple[MoodPoint, ...]
    scores: tuple[ReportScore, ...]
    tag_counts: tuple[tuple[str, int], ...]
    include_notes: bool
    notes: tuple[ReportNote, ...]

    def title(self) -> str:
        return _("Check-in report, {first} to {last}").format(
            first=self.first_day.isoformat(), last=self.last_day.isoformat()
        )


def build_report(
    store: CheckInStore,
    first_day: date,
    last_day: date,
    zone: tzinfo,
    *,
    now: datetime,
    include_notes: bool = False,
    person_name: str = "",
) -> ClinicianReport:
    """Gather the check-ins and questionnaire results from `first_day` to `last_day` inclusive."""
    if last_day < first_day:
        raise ValueError("The last day must be on or after the first day")
    start = datetime.combine(first_day, datetime.min.time(), zone)
    end = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), zone)
    checkins = store.checkins_between(start, end)
    tag_counter = Counter(tag for c in checkins for tag in c.tags)
    tag_counts = tuple(
        (tag, tag_counter[tag])
        for tag in sorted(
            tag_counter, key=lambda t: (-tag_counter[t], TAGS.index(t) if t in TAGS else 99)
        )
    )
    scores = []
    for result in store.results_between(start, end):
        rules = RULES.get(result.instrument_id)
        factor = rules.percent_factor if rules else None
        scores.append(
            ReportScore(
                taken_at=result.taken_at.astimezone(zone),
                instrument_id=result.instrument_id,
                instrument_name=INSTRUMENT_NAMES.get(result.instrument_id, result.instrument_id),
                total=result.total,
                highest_total=rules.highest_total if rules else result.total,
                percent=result.total * factor if factor else None,
                band=result.band,
                flags=result.flags,
            )
        )
    notes: tuple[ReportNote, ...] = ()
    if include_notes:
        notes = tuple(
            ReportNote(c.started_at.astimezone(zone), c.note) for c in checkins if c.note.strip()
        )
    return ClinicianReport(
        person_name=person_name,
        first_day=first_day,
        last_day=last_day,
        made_at=now.astimezone(zone),
        checkin_count=len(checkins),
        mood_points=mood_points(checkins, zone),
        scores=tuple(scores),
        tag_counts=tag_counts,
        include_notes=include_notes,
        notes=notes,
    )


def _cell(text: str) -> str:
    """Keep a spreadsheet from running typed text as a formula when the CSV is opened."""
    return "'" + text if text.startswith(_SPREADSHEET_FORMULA_STARTS) else text


def score_text(score: ReportScore) -> str:
    if score.percent is not None:
        return f"{score.percent}/100"
    return f"{score.total}/{score.highest_total}"


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


def band_label(score: ReportScore) -> str:
    """The band as the clinician reads it (published name) with the plain word beside it."""
    return f"{score.band} ({band_word(score.band)})"
