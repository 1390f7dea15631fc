"""The safety route's rules as pure functions: repeated bad days, what a result offers next, what
a result says after a self-harm answer, and the unscored difficulty question kept with a result."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from companion.checkin.follow_up import FollowUp, follow_ups
from companion.checkin.instruments import score
from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.checkin.outcome import OutcomeKind
from companion.checkin.questionnaire_flow import QuestionnaireFlow
from companion.checkin.safety_rules import (
    SafetyReason,
    reasons_for_checkin,
    repeated_bad_days,
)
from companion.checkin.score_history import score_sentences
from companion.checkin.store import MemoryCheckInStore
from companion.checkin.wording import result_sentences
from companion.clock import FixedClock
from companion.i18n import set_language

WHEN = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
ALL_TIME = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
TAG_SETS = [frozenset(), frozenset({"loneliness"}), frozenset({"worry"}), frozenset({"sleep"})]


def _checkins(moods: list[str | None], hours_apart: int = 24) -> list[CheckIn]:
    """Finished check-ins one day apart (by default), oldest first, with assorted tags."""
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    return [
        CheckIn(
            index + 1,
            start + timedelta(hours=hours_apart * index),
            start + timedelta(hours=hours_apart * index, minutes=2),
            mood,
            TAG_SETS[index % len(TAG_SETS)],
            "",
            False,
        )
        for index, mood in enumerate(moods)
    ]


def _offered(moods: list[str | None], hours_apart: int = 24) -> bool:
    *earlier, current = _checkins(moods, hours_apart)
    return reasons_for_checkin(current, earlier, UTC) == (SafetyReason.REPEATED_BAD_DAYS,)


@pytest.mark.parametrize(
    ("moods", "offered"),
    [
        (["very_bad"], False),  # one bad day is a bad day
        (["very_bad", "very_bad"], True),  # two "Very bad" in a row, whatever the tags
        (["very_bad", "okay", "very_bad"], False),  # not in a row, and only two of five
        (["very_bad", None, "very_bad"], True),  # a check-in without a mood does not break a row
        (["not_good", "good", "not_good", "okay", "not_good"], True),  # three of the last five
        (["not_good", "good", "not_good", "okay", "good"], False),  # today was not a hard day
        (["not_good", "good", "good", "not_good", "okay", "not_good"], False),  # two of five
        (["good", "not_good", "very_bad", "not_good"], True),
        (["very_bad", "very_bad", "very_bad", "very_bad", "very_bad"], True),
    ],
)
def test_repeated_bad_days_whatever_the_tags(moods: list[str | None], offered: bool) -> None:
    assert _offered(moods) is offered


def test_five_very_bad_lonely_days_offer_help() -> None:
    """The hole in the old rule: loneliness, not worry, never offered anything."""
    days = _checkins(["very_bad"] * 5)
    days = [
        CheckIn(c.id, c.started_at, c.finished_at, c.mood, frozenset({"loneliness"}), "", False)
        for c in days
    ]
    *earlier, today = days
    assert reasons_for_checkin(today, earlier, UTC) == (SafetyReason.REPEATED_BAD_DAYS,)


def test_bad_days_older_than_two_weeks_do_not_count() -> None:
    assert not _offered(["very_bad", "very_bad"], hours_apart=24 * 15)
    assert _offered(["very_bad", "very_bad"], hours_apart=24 * 13)


def test_help_is_offered_at_most_once_a_day() -> None:
    # Three check-ins the same day, all "Very bad": offered at the second, not again at the third.
    assert _offered(["very_bad", "very_bad"], hours_apart=2)
    assert not _offered(["very_bad", "very_bad", "very_bad"], hours_apart=2)
    # The next day it may be offered again.
    moods = ["very_bad", "very_bad", "very_bad"]
    *earlier, current = _checkins(moods, hours_apart=2)
    next_day = CheckIn(
        9, current.started_at + timedelta(days=1), None, "very_bad", frozenset(), "", False
    )
    assert reasons_for_checkin(next_day, [*earlier, current], UTC) == (
        SafetyReason.REPEATED_BAD_DAYS,
    )


def test_the_rule_alone_ignores_the_day_limit() -> None:
    *earlier, current = _checkins(["very_bad", "very_bad", "very_bad"], hours_apart=2)
    assert repeated_bad_days(current, earlier)


@pytest.mark.parametrize(
    ("instrument_id", "answers", "expected"),
    [
        ("phq2", [2, 1], (FollowUp.START_PHQ9, FollowUp.HOME)),  # 3: positive
        ("phq2", [1, 1], (FollowUp.HOME,)),
        ("gad2", [0, 3], (FollowUp.START_GAD7, FollowUp.HOME)),
        ("gad2", [1, 0], (FollowUp.HOME,)),
        ("who5", [3, 3, 3, 2, 2], (FollowUp.HOME,)),  # 52 %
        ("who5", [3, 3, 3, 2, 1], (FollowUp.START_PHQ9, FollowUp.HOME)),  # 48 %
        ("who5", [1, 1, 1, 2, 2], (FollowUp.START_PHQ9, FollowUp.HOME)),  # 28 %
        ("phq9", [0] * 8 + [1], (FollowUp.HELP_NOW, FollowUp.TRUSTED_PEOPLE, FollowUp.HOME)),
        ("phq9", [3] * 8 + [0], (FollowUp.HOME,)),
    ],
)
def test_what_a_result_offers_next(
    instrument_id: str, answers: list[int], expected: tuple[FollowUp, ...]
) -> None:
    assert follow_ups(score(instrument_id, answers)) == expected


def test_who5_at_28_percent_or_less_says_plainly_a_doctor_is_a_good_idea() -> None:
    low = result_sentences(score("who5", [1, 1, 1, 2, 2]))  # 28 %
    assert "Talking to a doctor about this is a good idea." in low[1]
    poor = result_sentences(score("who5", [2, 2, 2, 2, 4]))  # 48 %
    assert "doctor" not in poor[1]
    assert "Questions about mood can tell more." in poor[1]


@pytest.mark.parametrize("answers", [[0] * 8 + [1], [3] * 8 + [3], [0, 0, 0, 0, 0, 0, 0, 1, 2]])
def test_after_a_self_harm_answer_the_result_never_reassures(answers: list[int]) -> None:
    sentences = " ".join(result_sentences(score("phq9", answers)))
    assert "matters more than your score" in sentences
    assert "few signs" not in sentences and "very few" not in sentences
    set_language("fr")
    try:
        french = " ".join(result_sentences(score("phq9", answers)))
        assert "compte plus que votre score" in french
        assert "peu de signes" not in french
    finally:
        set_language("en")


def _answer_all(flow: QuestionnaireFlow, answers: list[int]) -> None:
    for value in answers:
        flow.answer(value)


@pytest.mark.parametrize("instrument_id", ["phq9", "gad7"])
def test_the_difficulty_question_is_asked_after_the_last_item_and_kept(instrument_id: str) -> None:
    store = MemoryCheckInStore()
    flow = QuestionnaireFlow(instrument_id, store, FixedClock(WHEN))
    count = flow.item_count
    _answer_all(flow, [1] + [0] * (count - 1))
    assert flow.on_difficulty and flow.score is None
    assert flow.progress_text() == "One last question. It is not part of the score."
    outcome = flow.answer_difficulty(2)
    assert outcome.kind == OutcomeKind.FINISHED
    assert outcome.score is not None and outcome.score.total == 1  # not scored
    [saved] = store.results_between(*ALL_TIME)
    assert saved.difficulty == 2 and saved.total == 1


def test_the_difficulty_question_can_be_skipped_and_back_returns_to_the_last_item() -> None:
    store = MemoryCheckInStore()
    flow = QuestionnaireFlow("gad7", store, FixedClock(WHEN))
    _answer_all(flow, [2] * 7)
    flow.back()
    assert not flow.on_difficulty and flow.position == 7
    flow.answer(3)
    assert flow.on_difficulty
    assert flow.skip().kind == OutcomeKind.FINISHED
    [saved] = store.results_between(*ALL_TIME)
    assert saved.difficulty is None and saved.answers == (2, 2, 2, 2, 2, 2, 3)


def test_no_problem_checked_means_no_difficulty_question() -> None:
    store = MemoryCheckInStore()
    flow = QuestionnaireFlow("phq9", store, FixedClock(WHEN))
    _answer_all(flow, [0] * 9)
    assert not flow.on_difficulty and flow.score is not None


@pytest.mark.parametrize("instrument_id", ["phq2", "gad2", "who5"])
def test_only_the_phq9_and_gad7_ask_the_difficulty_question(instrument_id: str) -> None:
    flow = QuestionnaireFlow(instrument_id, MemoryCheckInStore(), FixedClock(WHEN))
    _answer_all(flow, [2] * flow.item_count)
    assert not flow.on_difficulty and flow.score is not None


def test_a_self_harm_answer_goes_to_help_with_nothing_in_between() -> None:
    store = MemoryCheckInStore()
    flow = QuestionnaireFlow("phq9", store, FixedClock(WHEN))
    _answer_all(flow, [1] * 8)
    outcome = flow.answer(1)
    assert outcome.kind == OutcomeKind.HELP_NOW
    assert not flow.on_difficulty
    [saved] = store.results_between(*ALL_TIME)
    assert "self_harm" in saved.flags and saved.difficulty is None


def test_a_difficulty_answer_outside_the_four_is_refused() -> None:
    flow = QuestionnaireFlow("phq9", MemoryCheckInStore(), FixedClock(WHEN))
    _answer_all(flow, [1] + [0] * 8)
    with pytest.raises(ValueError, match="difficulty must be one of"):
        flow.answer_difficulty(4)
    with pytest.raises(RuntimeError):
        flow.answer(1)


def test_without_wording_in_the_language_the_difficulty_question_is_not_asked() -> None:
    store = MemoryCheckInStore()
    flow = QuestionnaireFlow("gad7", store, FixedClock(WHEN), closing_question=False)
    _answer_all(flow, [2] * 7)
    assert not flow.on_difficulty and flow.score is not None


def _result(instrument_id: str, day: int, answers: list[int]) -> QuestionnaireResult:
    scored = score(instrument_id, answers)
    taken = datetime(2026, 3, day, 9, 0, tzinfo=UTC)
    return QuestionnaireResult(
        None, instrument_id, taken, tuple(answers), scored.total, scored.band, scored.flags
    )


def test_each_questionnaires_score_over_time_is_said_in_words() -> None:
    results = [
        _result("phq9", 1, [2, 2, 1, 1, 1, 1, 1, 1, 0]),  # 10
        _result("who5", 2, [1, 1, 1, 1, 1]),  # 20 %
        _result("phq9", 15, [1, 1, 1, 1, 1, 0, 0, 0, 0]),  # 5
        _result("who5", 16, [3, 3, 3, 3, 3]),  # 60 %
        _result("gad7", 16, [1, 0, 0, 0, 0, 0, 0]),
    ]
    sentences = score_sentences(results, UTC)
    assert sentences == [
        "Questions about low mood (PHQ-9): 10 on 1 March 2026, 5 on 15 March 2026. "
        "Fewer signs than at the start.",
        "Questions about worry (GAD-7): 1 on 16 March 2026.",
        "Questions about well-being (WHO-5): 20 out of 100 on 2 March 2026, "
        "60 out of 100 on 16 March 2026. Better well-being than at the start.",
    ]
    set_language("fr")
    try:
        french = score_sentences(results, UTC)
        assert french[0].startswith("Questions sur la déprime (PHQ-9) : 10 le 1 mars 2026")
        assert "Moins de signes qu’au début." in french[0]
    finally:
        set_language("en")


def test_only_the_last_four_scores_are_said_and_the_direction_is_from_the_first_said() -> None:
    results = [_result("gad2", day, [value, 0]) for day, value in enumerate([0, 3, 2, 2, 3], 1)]
    [sentence] = score_sentences(results, UTC)
    assert sentence.count(" on ") == 4 and "1 March" not in sentence
    assert sentence.endswith("About the same as at the start.")
