"""Questionnaires one item at a time: scored and saved at the end; PHQ-9 item 9 goes to help."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from companion.checkin.instruments import score
from companion.checkin.outcome import OutcomeKind
from companion.checkin.questionnaire_flow import QuestionnaireFlow
from companion.checkin.safety_rules import SafetyReason, reasons_for_score
from companion.checkin.store import MemoryCheckInStore
from companion.checkin.wording import result_sentences
from companion.clock import FixedClock
from companion.i18n import set_language

WHEN = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
ALL_TIME = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


def test_phq9_answered_item_by_item_is_scored_and_saved_with_its_date() -> None:
    store = MemoryCheckInStore()
    flow = QuestionnaireFlow("phq9", store, FixedClock(WHEN))
    outcomes = []
    for number, value in enumerate([1, 2, 1, 1, 0, 1, 2, 1, 0], start=1):
        assert flow.progress_text() == f"Question {number} of 9"
        outcomes.append(flow.answer(value))
    assert [o.kind for o in outcomes] == [OutcomeKind.SHOW_STEP] * 9
    assert flow.on_difficulty  # the published closing question, not scored
    outcomes.append(flow.answer_difficulty(1))
    assert outcomes[-1].kind == OutcomeKind.FINISHED
    assert outcomes[-1].score is not None and outcomes[-1].score.band == "mild"
    [saved] = store.results_between(*ALL_TIME)
    assert saved.instrument_id == "phq9"
    assert saved.total == 9 and saved.band == "mild" and saved.taken_at == WHEN
    assert saved.answers == (1, 2, 1, 1, 0, 1, 2, 1, 0)


@pytest.mark.parametrize("value", [1, 2, 3])
def test_phq9_item_nine_above_zero_goes_straight_to_help_with_the_result_saved(value: int) -> None:
    store = MemoryCheckInStore()
    flow = QuestionnaireFlow("phq9", store, FixedClock(WHEN))
    for _ in range(8):
        flow.answer(0)
    outcome = flow.answer(value)
    assert outcome.kind == OutcomeKind.HELP_NOW
    assert outcome.reasons == (SafetyReason.SELF_HARM_ANSWER,)
    [saved] = store.results_between(*ALL_TIME)
    assert "self_harm" in saved.flags
    assert flow.current_outcome().kind == OutcomeKind.FINISHED


def test_item_nine_goes_to_help_even_when_other_items_were_skipped() -> None:
    store = MemoryCheckInStore()
    flow = QuestionnaireFlow("phq9", store, FixedClock(WHEN))
    for _ in range(8):
        flow.skip()
    outcome = flow.answer(2)
    assert outcome.kind == OutcomeKind.HELP_NOW
    assert store.results_between(*ALL_TIME) == []
    after_help = flow.current_outcome()
    assert after_help.kind == OutcomeKind.INCOMPLETE
    assert after_help.unanswered == (1, 2, 3, 4, 5, 6, 7, 8)


def test_item_nine_at_zero_does_not_open_help() -> None:
    flow = QuestionnaireFlow("phq9", MemoryCheckInStore(), FixedClock(WHEN))
    outcomes = [flow.answer(3) for _ in range(8)] + [flow.answer(0)]
    assert OutcomeKind.HELP_NOW not in [o.kind for o in outcomes]


def test_help_pressed_in_a_questionnaire_goes_to_help() -> None:
    flow = QuestionnaireFlow("gad7", MemoryCheckInStore(), FixedClock(WHEN))
    flow.answer(1)
    outcome = flow.need_help()
    assert outcome.kind == OutcomeKind.HELP_NOW
    assert outcome.reasons == (SafetyReason.HELP_PRESSED,)
    assert flow.position == 2


def test_skipped_items_leave_it_unscored_and_say_which_then_can_be_answered() -> None:
    store = MemoryCheckInStore()
    flow = QuestionnaireFlow("who5", store, FixedClock(WHEN))
    flow.answer(5)
    flow.skip()
    flow.answer(3)
    flow.answer(3)
    outcome = flow.answer(4)
    assert outcome.kind == OutcomeKind.INCOMPLETE
    assert outcome.unanswered == (2,)
    assert store.results_between(*ALL_TIME) == []
    flow.go_to(2)
    flow.answer(0)
    flow.go_to(5)
    final = flow.answer(4)
    assert final.kind == OutcomeKind.FINISHED
    assert final.score is not None and final.score.percent == 60


def test_back_changes_an_answer() -> None:
    flow = QuestionnaireFlow("gad2", MemoryCheckInStore(), FixedClock(WHEN))
    flow.answer(3)
    flow.back()
    assert flow.current_answer == 3
    flow.answer(0)
    outcome = flow.answer(1)
    assert outcome.score is not None and outcome.score.total == 1
    assert outcome.score.band == "negative"


@pytest.mark.parametrize("bad", [-1, 4, True])
def test_an_answer_outside_the_choices_is_refused(bad: int) -> None:
    flow = QuestionnaireFlow("phq2", MemoryCheckInStore(), FixedClock(WHEN))
    with pytest.raises(ValueError, match="answer must be 0 to 3"):
        flow.answer(bad)


def test_reasons_for_score_follow_the_self_harm_flag() -> None:
    assert reasons_for_score(score("phq9", [0] * 8 + [1])) == (SafetyReason.SELF_HARM_ANSWER,)
    assert reasons_for_score(score("phq9", [3] * 8 + [0])) == ()


def test_results_are_explained_in_plain_words_not_a_diagnosis_and_to_share() -> None:
    sentences = result_sentences(score("phq9", [1, 1, 1, 1, 1, 1, 1, 0, 0]))
    assert sentences[0] == "Your PHQ-9 score is 7."
    assert "some signs of low mood" in sentences[1]
    assert "not a diagnosis" in sentences[2]
    assert "clinician" in sentences[3]
    who5 = result_sentences(score("who5", [2, 2, 2, 2, 2]))
    assert who5[0] == "Your WHO-5 score is 40 out of 100."
    assert "low well-being" in who5[1]


def test_results_are_explained_in_french() -> None:
    set_language("fr")
    try:
        sentences = result_sentences(score("gad7", [3] * 7))
    finally:
        set_language("en")
    assert sentences[0] == "Votre résultat au GAD-7 est de 21."
    assert "diagnostic" in sentences[2]
