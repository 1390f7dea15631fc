"""Every questionnaire is scored by its published table, edge by edge, and bad input is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from companion.checkin.instrument_texts import (
    InstrumentContentError,
    load_all_instruments,
    load_instrument,
)
from companion.checkin.instruments import score
from companion.paths import content_dir

ITEM_COUNT = {"phq9": 9, "phq2": 2, "gad7": 7, "gad2": 2, "who5": 5}
HIGHEST_ANSWER = {"phq9": 3, "phq2": 3, "gad7": 3, "gad2": 3, "who5": 5}

# The published tables, written out again here on purpose (not read from the code under test).
# PHQ-9: Kroenke, Spitzer & Williams 2001. GAD-7: Spitzer et al. 2006. PHQ-2: Kroenke 2003,
# GAD-2: Kroenke 2007 (cut-off 3). WHO-5: Topp et al. 2015 (percent = raw x 4; <= 50 poor
# well-being, <= 28 likely depression).
PUBLISHED_EDGES: dict[str, list[tuple[int, str]]] = {
    "phq9": [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
    "gad7": [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
    "phq2": [(0, "negative"), (2, "negative"), (3, "positive"), (6, "positive")],
    "gad2": [(0, "negative"), (2, "negative"), (3, "positive"), (6, "positive")],
    "who5": [
        (0, "likely depression"),
        (7, "likely depression"),
        (8, "poor"),
        (12, "poor"),
        (13, "adequate"),
        (25, "adequate"),
    ],
}


def answers_totalling(instrument_id: str, total: int) -> list[int]:
    """Answers that add up to `total`, filling from the first item (PHQ-9 item 9 last)."""
    answers = []
    left = total
    for _ in range(ITEM_COUNT[instrument_id]):
        answer = min(left, HIGHEST_ANSWER[instrument_id])
        answers.append(answer)
        left -= answer
    assert left == 0
    return answers


@pytest.mark.parametrize(
    ("instrument_id", "total", "band"),
    [(i, total, band) for i, edges in PUBLISHED_EDGES.items() for total, band in edges],
)
def test_every_band_edge_matches_the_published_table(
    instrument_id: str, total: int, band: str
) -> None:
    result = score(instrument_id, answers_totalling(instrument_id, total))
    assert result.total == total
    assert result.band == band


@pytest.mark.parametrize("instrument_id", sorted(ITEM_COUNT))
def test_every_possible_total_falls_in_exactly_the_published_band(instrument_id: str) -> None:
    edges = PUBLISHED_EDGES[instrument_id]
    lows = [(total, band) for index, (total, band) in enumerate(edges) if index % 2 == 0]
    for total in range(ITEM_COUNT[instrument_id] * HIGHEST_ANSWER[instrument_id] + 1):
        expected = [band for low, band in lows if low <= total][-1]
        assert score(instrument_id, answers_totalling(instrument_id, total)).band == expected


def test_who5_reports_the_percentage_as_raw_times_four() -> None:
    assert score("who5", [5, 5, 5, 5, 5]).percent == 100
    assert score("who5", [3, 2, 2, 3, 3]).percent == 52
    assert score("who5", [0, 0, 0, 0, 0]).percent == 0
    assert score("phq9", [0] * 9).percent is None


def test_who5_answers_count_the_same_whichever_item_they_are_on() -> None:
    assert score("who5", [5, 0, 0, 0, 0]).total == score("who5", [0, 0, 0, 0, 5]).total == 5


@pytest.mark.parametrize("item_nine", [1, 2, 3])
def test_phq9_item_nine_above_zero_adds_the_self_harm_flag(item_nine: int) -> None:
    result = score("phq9", [0, 0, 0, 0, 0, 0, 0, 0, item_nine])
    assert result.flags == frozenset({"self_harm"})
    assert result.band == "minimal"


def test_phq9_without_item_nine_has_no_flag_even_when_severe() -> None:
    result = score("phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0])
    assert result.band == "severe"
    assert result.flags == frozenset()


@pytest.mark.parametrize("instrument_id", ["phq2", "gad7", "gad2", "who5"])
def test_other_instruments_never_raise_the_self_harm_flag(instrument_id: str) -> None:
    highest = [HIGHEST_ANSWER[instrument_id]] * ITEM_COUNT[instrument_id]
    assert score(instrument_id, highest).flags == frozenset()


def test_answers_may_be_a_tuple() -> None:
    assert score("gad2", (1, 2)).band == "positive"


@pytest.mark.parametrize("instrument_id", sorted(ITEM_COUNT))
@pytest.mark.parametrize("delta", [-1, 1])
def test_wrong_number_of_answers_is_refused_saying_how_many(instrument_id: str, delta: int) -> None:
    count = ITEM_COUNT[instrument_id] + delta
    with pytest.raises(ValueError, match=f"expected {ITEM_COUNT[instrument_id]} answers, got"):
        score(instrument_id, [0] * count)


def test_no_answers_at_all_is_refused() -> None:
    with pytest.raises(ValueError, match="expected 9 answers, got 0"):
        score("phq9", [])


@pytest.mark.parametrize("instrument_id", sorted(ITEM_COUNT))
@pytest.mark.parametrize("position", [0, -1])
def test_answer_above_the_highest_choice_is_refused_naming_the_item(
    instrument_id: str, position: int
) -> None:
    answers = [0] * ITEM_COUNT[instrument_id]
    answers[position] = HIGHEST_ANSWER[instrument_id] + 1
    item = 1 if position == 0 else ITEM_COUNT[instrument_id]
    with pytest.raises(ValueError, match=f"item {item} is {HIGHEST_ANSWER[instrument_id] + 1}"):
        score(instrument_id, answers)


@pytest.mark.parametrize("instrument_id", sorted(ITEM_COUNT))
def test_negative_answer_is_refused(instrument_id: str) -> None:
    answers = [0] * ITEM_COUNT[instrument_id]
    answers[1] = -1
    with pytest.raises(ValueError, match="item 2 is -1, outside 0 to"):
        score(instrument_id, answers)


@pytest.mark.parametrize("bad", [True, False, 1.0, 2.5, "1", None, [1]])
def test_answer_that_is_not_a_whole_number_is_refused(bad: Any) -> None:
    answers: list[Any] = [0, 0, 0, 0, 0, 0, 0, 0, 0]
    answers[3] = bad
    with pytest.raises(ValueError, match="item 4 must be a whole number"):
        score("phq9", answers)


@pytest.mark.parametrize("bad", ["00", None, 3, {0: 0, 1: 0}, {0, 1}])
def test_answers_that_are_not_a_list_are_refused(bad: Any) -> None:
    with pytest.raises(ValueError, match="answers must be a list"):
        score("phq2", bad)


@pytest.mark.parametrize("bad", ["PHQ9", "phq-9", "bdi", "", None])
def test_unknown_instrument_is_refused_naming_the_known_ones(bad: Any) -> None:
    with pytest.raises(ValueError, match="phq9, phq2, gad7, gad2, who5"):
        score(bad, [0, 0])


# ---- the wording files -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_shipped_questionnaire_loads_in_both_languages(language: str) -> None:
    texts = load_all_instruments(content_dir(), language)
    assert sorted(texts) == sorted(ITEM_COUNT)
    for instrument_id, text in texts.items():
        assert len(text.items) == ITEM_COUNT[instrument_id]
        assert sorted(c.value for c in text.choices) == list(
            range(HIGHEST_ANSWER[instrument_id] + 1)
        )
        assert "free" in text.terms_of_use.lower() or "no permission" in text.terms_of_use.lower()


def test_the_wording_is_the_published_wording() -> None:
    english = load_instrument(content_dir(), "phq9", "en")
    french = load_instrument(content_dir(), "phq9", "fr")
    assert english.items[8] == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert french.items[0] == "Peu d'intérêt ou de plaisir à faire les choses"
    assert [c.label for c in english.choices] == [
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    ]
    who5 = load_instrument(content_dir(), "who5", "en")
    assert who5.choices[0].label == "All of the time" and who5.choices[0].value == 5


def test_phq2_and_gad2_are_the_first_two_items_of_their_long_forms() -> None:
    for language in ("en", "fr"):
        phq9 = load_instrument(content_dir(), "phq9", language)
        gad7 = load_instrument(content_dir(), "gad7", language)
        assert load_instrument(content_dir(), "phq2", language).items == phq9.items[:2]
        assert load_instrument(content_dir(), "gad2", language).items == gad7.items[:2]


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    shutil.copytree(content_dir() / "instruments", tmp_path / "instruments")
    return tmp_path


def _edit(folder: Path, instrument_id: str, change: Any) -> None:
    path = folder / "instruments" / f"{instrument_id}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _set(data: dict[str, Any], path: list[Any], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (["id"], "gad7", "'id'"),
        (["title"], "not a table", "'title'"),
        (["stem", "fr"], "", "'stem.fr'"),
        (["items", 3, "fr"], None, r"'items\[3\].fr'"),
        (["choices", 1, "value"], 7, "'choices'"),
        (["choices", 2, "value"], True, r"'choices\[2\].value'"),
        (["choices", 0, "fr"], " ", r"'choices\[0\].fr'"),
        (["terms_of_use"], 3, "'terms_of_use'"),
    ],
)
def test_a_bad_field_is_reported_with_the_file_and_field_name(
    content_copy: Path, path: list[Any], value: Any, field: str
) -> None:
    _edit(content_copy, "phq9", lambda data: _set(data, path, value))
    with pytest.raises(InstrumentContentError, match=rf"phq9\.json: field {field}"):
        load_instrument(content_copy, "phq9", "fr")


def test_a_missing_item_is_reported(content_copy: Path) -> None:
    _edit(content_copy, "gad7", lambda data: data["items"].pop())
    with pytest.raises(InstrumentContentError, match=r"gad7\.json: field 'items': must list 7"):
        load_instrument(content_copy, "gad7", "en")


def test_a_broken_or_missing_file_is_reported_by_name(content_copy: Path) -> None:
    (content_copy / "instruments" / "who5.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(InstrumentContentError, match=r"who5\.json: field '\(file\)': is not valid"):
        load_instrument(content_copy, "who5", "en")
    (content_copy / "instruments" / "gad2.json").unlink()
    with pytest.raises(InstrumentContentError, match=r"gad2\.json: field '\(file\)': cannot be"):
        load_instrument(content_copy, "gad2", "en")


def test_gad7_items_one_and_seven_keep_their_published_commas() -> None:
    gad7 = load_instrument(content_dir(), "gad7", "en")
    assert gad7.items[0] == "Feeling nervous, anxious, or on edge"
    assert gad7.items[6] == "Feeling afraid, as if something awful might happen"
    assert load_instrument(content_dir(), "gad2", "en").items[0] == gad7.items[0]


def test_phq9_and_gad7_carry_their_closing_difficulty_question() -> None:
    for instrument_id in ("phq9", "gad7"):
        closing = load_instrument(content_dir(), instrument_id, "en").closing_question
        assert closing is not None
        assert closing.text.startswith("If you checked off any problems, how difficult")
        assert [c.label for c in closing.choices] == [
            "Not difficult at all",
            "Somewhat difficult",
            "Very difficult",
            "Extremely difficult",
        ]
    for instrument_id in ("phq2", "gad2", "who5"):
        assert load_instrument(content_dir(), instrument_id, "en").closing_question is None
    # No confirmed French wording of the GAD-7's closing question: it is not asked in French.
    assert load_instrument(content_dir(), "gad7", "fr").closing_question is None
    french = load_instrument(content_dir(), "phq9", "fr").closing_question
    assert french is not None and french.choices[0].label == "Pas du tout difficile(s)"


def test_a_regional_french_form_is_used_only_where_the_file_carries_one(tmp_path: Path) -> None:
    shutil.copytree(content_dir() / "instruments", tmp_path / "instruments")
    path = tmp_path / "instruments" / "who5.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"]["fr-CA"] = "Titre canadien (test)"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_instrument(tmp_path, "who5", "fr", "CA").title == "Titre canadien (test)"
    assert load_instrument(tmp_path, "who5", "fr", "FR").title != "Titre canadien (test)"
    assert (
        load_instrument(tmp_path, "who5", "fr").items
        == load_instrument(tmp_path, "who5", "fr", "CA").items
    )


def test_each_instrument_file_says_which_french_form_it_uses() -> None:
    for instrument_id in ("phq9", "phq2", "gad7", "gad2", "who5"):
        data = json.loads(
            (content_dir() / "instruments" / f"{instrument_id}.json").read_text(encoding="utf-8")
        )
        assert "French" in data["wording_notes"]["french"]
