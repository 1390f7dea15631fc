"""The clinician report: mood, scores with bands and dates, tags counted, notes only if asked."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest

from companion.checkin.instruments import score
from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.checkin.store import MemoryCheckInStore
from companion.i18n import set_language
from companion.report import build_report, report_csv
from companion.report.document import Alert, Heading, Paragraph, ScoreSection, Table
from companion.report.document import report_document as document_of
from companion.report.words import date_words, paper_for_region
from tests.report_data import FIRST_DAY, twelve_weeks
from tests.report_data import NOW as TWELVE_WEEKS_NOW

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
    assert report.title() == "Check-in report, Sunday 1 March 2026 to Saturday 14 March 2026"


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


def _twelve_weeks(**kwargs):  # type: ignore[no-untyped-def]
    return build_report(
        twelve_weeks(**kwargs),
        FIRST_DAY,
        TWELVE_WEEKS_NOW.date(),
        UTC,
        now=TWELVE_WEEKS_NOW,
        person_name="Ann Lee",
    )


def test_the_first_blocks_say_who_when_not_a_diagnosis_then_item_9_then_the_scores() -> None:
    blocks = document_of(_twelve_weeks()).blocks
    assert blocks[0] == Heading("Check-in report", level=1)
    assert blocks[1] == Paragraph("Ann Lee", "lead")
    assert blocks[2] == Paragraph("Thursday 27 August 2026 to Wednesday 18 November 2026")
    assert "own record" in blocks[3].text and "not a diagnosis" in blocks[3].text  # type: ignore[union-attr]
    alert = blocks[4]
    assert isinstance(alert, Alert)
    assert alert.lines[:2] == (
        "Sunday 30 August 2026: answered \u201cSeveral days\u201d (1\u00a0of 3).",
        "Sunday 8 November 2026: answered \u201cMore than half the days\u201d (2\u00a0of 3).",
    )
    assert blocks[5] == Heading("Questionnaires")
    summary = blocks[6]
    assert isinstance(summary, Table)
    assert summary.rows == (
        ("PHQ-9", "4", "15/27 on 30\u00a0August", "8/27 on 8\u00a0November", "down 7", "Mild"),
        ("GAD-7", "3", "11/21 on 30\u00a0August", "4/21 on 8\u00a0November", "down 7", "Minimal"),
        (
            "WHO-5",
            "3",
            "36/100 on 27\u00a0September",
            "60/100 on 15\u00a0November",
            "up 24",
            "Adequate well-being",
        ),
    )
    sections = [b for b in blocks if isinstance(b, ScoreSection)]
    assert [s.chart.y_high for s in sections] == [27, 21, 100]  # each on its own scale
    assert sections[0].change == (
        "Change since the first score: down 7 (from 15 on Sunday 30 August 2026)."
    )


def test_no_item_9_block_when_it_was_always_0_and_no_notes_unless_chosen() -> None:
    document = document_of(_twelve_weeks(item9=False))
    assert not any(isinstance(b, Alert) for b in document.blocks)
    assert "My notes" not in document.plain_text()
    assert "hospital" not in document.plain_text()


def test_days_checked_in_tags_counted_and_instruments_credited() -> None:
    text = document_of(_twelve_weeks()).plain_text()
    assert "Days with a check-in: 67 of 84." in text
    assert "Loneliness | 13" in text
    assert "Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke" in text
    assert "educational grant from Pfizer Inc." in text
    assert "Psychiatric Research Unit, WHO Collaborating Centre" in text


def test_dates_in_words_in_english_and_french() -> None:
    assert date_words(date(2026, 11, 18)) == "Wednesday 18 November 2026"
    set_language("fr")
    try:
        assert date_words(date(2026, 11, 18)) == "mercredi 18 novembre 2026"
        text = document_of(_twelve_weeks()).plain_text()
        assert "du jeudi 27 août 2026 au mercredi 18 novembre 2026" in text
        assert "Modérément sévère" in text and "en baisse de 7" in text
        assert "Pfizer Inc." in text and "Spitzer" in text
    finally:
        set_language("en")


@pytest.mark.parametrize(
    "region,paper", [("CA", "letter"), ("US", "letter"), ("GB", "a4"), ("FR", "a4"), ("AU", "a4")]
)
def test_letter_in_canada_and_the_us_a4_elsewhere(region: str, paper: str) -> None:
    assert paper_for_region(region) == paper


def test_french_writes_the_first_of_the_month_1er() -> None:
    from companion.report.words import short_date

    set_language("fr")
    try:
        assert date_words(date(2026, 10, 1)) == "jeudi 1er octobre 2026"
        assert short_date(date(2026, 10, 1)) == "1er\u00a0octobre"
        assert short_date(date(2026, 10, 2)) == "2\u00a0octobre"
    finally:
        set_language("en")
    assert date_words(date(2026, 10, 1)) == "Thursday 1 October 2026"


def test_the_closing_difficulty_answer_is_in_the_report_in_words() -> None:
    sections = {
        b.heading.split(":")[0]: b.table
        for b in document_of(_twelve_weeks()).blocks
        if isinstance(b, ScoreSection)
    }
    for name in ("PHQ-9", "GAD-7"):
        assert sections[name].headers[-1] == "Difficulty in daily life"
        said = [row[-1] for row in sections[name].rows]
        assert said[0] == "Very difficult" and said[-1] == "Somewhat difficult"
    assert "Difficulty in daily life" not in sections["WHO-5"].headers  # not asked there
