"""The clinician report: mood, scores with bands and dates, tags counted, notes only if asked."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest

from companion.checkin.instruments import score
from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.checkin.store import MemoryCheckInStore
from companion.report import build_report, report_csv

NOW = datetime(2026, 3, 14, 18, 0, tzinfo=UTC)
SECRET_NOTE = "My neighbour Paul upset me"


def _store() -> MemoryCheckInStore:
    store = MemoryCheckInStore()
    for days_ago, mood, tags, note in [
        (20, "good", {"family"}, "outside the range"),
        (5, "not_good", {"sleep", "worry"}, SECRET_NOTE),
        (3, "okay", {"sleep"}, ""),
        (1, "good", {"sleep", "family"}, '=HYPERLINK("http://x")'),
    ]:
        at = NOW - timedelta(days=days_ago)
        store.finish(CheckIn(None, at, at, mood, frozenset(tags), note, False))
    for days_ago, instrument, answers in [
        (4, "phq9", [1, 1, 2, 1, 1, 1, 1, 2, 0]),
        (2, "who5", [3, 3, 2, 2, 3]),
    ]:
        result = score(instrument, answers)
        store.save_result(
            QuestionnaireResult(
                None,
                instrument,
                NOW - timedelta(days=days_ago),
                tuple(answers),
                result.total,
                result.band,
                result.flags,
            )
        )
    return store


def test_the_report_has_mood_scores_with_bands_and_dates_and_tags_counted() -> None:
    report = build_report(_store(), date(2026, 3, 1), date(2026, 3, 14), UTC, now=NOW)
    assert report.checkin_count == 3
    assert [p.mood for p in report.mood_points] == ["not_good", "okay", "good"]
    assert [(s.instrument_name, s.total, s.band, s.taken_at.date()) for s in report.scores] == [
        ("PHQ-9", 10, "moderate", date(2026, 3, 10)),
        ("WHO-5", 13, "adequate", date(2026, 3, 12)),
    ]
    assert report.scores[1].percent == 52
    assert report.tag_counts == (("sleep", 3), ("family", 1), ("worry", 1))
    assert report.title() == "Check-in report, 2026-03-01 to 2026-03-14"


def test_notes_are_left_out_unless_the_person_includes_them() -> None:
    without = build_report(_store(), date(2026, 3, 1), date(2026, 3, 14), UTC, now=NOW)
    assert without.notes == ()
    assert SECRET_NOTE not in report_csv(without)
    with_notes = build_report(
        _store(), date(2026, 3, 1), date(2026, 3, 14), UTC, now=NOW, include_notes=True
    )
    assert with_notes.notes[0].text == SECRET_NOTE
    assert SECRET_NOTE in report_csv(with_notes)


def test_csv_has_one_row_per_mood_day_score_tag_and_included_note() -> None:
    report = build_report(
        _store(), date(2026, 3, 1), date(2026, 3, 14), UTC, now=NOW, include_notes=True
    )
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    kinds = [row["kind"] for row in rows]
    assert kinds.count("mood") == 3
    assert kinds.count("questionnaire") == 2
    assert kinds.count("tag") == 3
    assert kinds.count("note") == 2
    phq9 = next(row for row in rows if row["item"] == "PHQ-9")
    assert (phq9["date"], phq9["value"], phq9["detail"]) == ("2026-03-10", "10/27", "moderate")
    who5 = next(row for row in rows if row["item"] == "WHO-5")
    assert who5["value"] == "52/100"


def test_a_note_that_looks_like_a_formula_cannot_run_in_a_spreadsheet() -> None:
    report = build_report(
        _store(), date(2026, 3, 1), date(2026, 3, 14), UTC, now=NOW, include_notes=True
    )
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    notes = [row["detail"] for row in rows if row["kind"] == "note"]
    assert notes[1].startswith("'=HYPERLINK")


def test_the_self_harm_answer_is_marked_for_the_clinician() -> None:
    store = MemoryCheckInStore()
    result = score("phq9", [0] * 8 + [1])
    store.save_result(
        QuestionnaireResult(None, "phq9", NOW, (0,) * 8 + (1,), 1, result.band, result.flags)
    )
    report = build_report(store, date(2026, 3, 14), date(2026, 3, 14), UTC, now=NOW)
    assert "self_harm" in report_csv(report)


def test_the_last_day_cannot_come_before_the_first() -> None:
    with pytest.raises(ValueError, match="last day"):
        build_report(MemoryCheckInStore(), date(2026, 3, 14), date(2026, 3, 1), UTC, now=NOW)
