"""The quick check-in walks mood, tags, note; saves a draft on every change; finishes in one call.

Every test runs against the in-memory store and the real SQLCipher store, so the flow is proved on
the storage a person's data really lives in.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from companion.checkin.flow import CheckInFlow, StepKind
from companion.checkin.models import CheckIn
from companion.checkin.outcome import OutcomeKind
from companion.checkin.safety_rules import SafetyReason
from companion.checkin.store import CheckInStore, MemoryCheckInStore
from companion.clock import FixedClock
from companion.i18n import set_language

FAR_PAST = datetime(2000, 1, 1, tzinfo=UTC)
FAR_FUTURE = datetime(2100, 1, 1, tzinfo=UTC)


@pytest.fixture(params=["memory", "sql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CheckInStore]:
    if request.param == "memory":
        yield MemoryCheckInStore()
        return
    from companion.checkin.sql_store import SqlCheckInStore
    from companion.storage import open_database

    database = open_database(tmp_path / "person.db", os.urandom(32))
    yield SqlCheckInStore(database)
    database.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 3, 14, 9, 0, tzinfo=UTC))


def finished(store: CheckInStore) -> list[CheckIn]:
    return store.checkins_between(FAR_PAST, FAR_FUTURE)


def test_a_full_check_in_goes_mood_tags_note_and_is_saved_once_finished(
    store: CheckInStore, clock: FixedClock
) -> None:
    flow = CheckInFlow.resume_or_start(store, clock)
    assert [s.kind for s in flow.steps] == [StepKind.MOOD, StepKind.TAGS, StepKind.NOTE]
    assert flow.progress_text() == "Question 1 of 3"
    flow.choose_mood("good")
    assert flow.next().kind == OutcomeKind.SHOW_STEP
    assert flow.progress_text() == "Question 2 of 3"
    flow.toggle_tag("sleep")
    flow.toggle_tag("family")
    flow.next()
    flow.set_note("Walked to the market.  Saw Anne!\n")
    clock.advance(minutes=1)
    outcome = flow.next()

    assert outcome.kind == OutcomeKind.FINISHED
    [saved] = finished(store)
    assert saved.mood == "good"
    assert saved.tags == frozenset({"sleep", "family"})
    assert saved.note == "Walked to the market.  Saw Anne!\n"
    assert saved.finished_at == clock.now()
    assert not saved.is_draft
    assert store.latest_draft() is None


def test_every_change_is_saved_as_a_draft_before_finishing(
    store: CheckInStore, clock: FixedClock
) -> None:
    flow = CheckInFlow.resume_or_start(store, clock)
    flow.choose_mood("not_good")
    draft = store.latest_draft()
    assert draft is not None and draft.mood == "not_good" and draft.is_draft
    flow.next()
    flow.toggle_tag("pain")
    draft = store.latest_draft()
    assert draft is not None and draft.tags == frozenset({"pain"})
    flow.next()
    flow.set_note("knee")
    draft = store.latest_draft()
    assert draft is not None and draft.note == "knee"
    assert finished(store) == []


def test_an_interrupted_check_in_is_offered_again_at_the_same_answers(
    store: CheckInStore, clock: FixedClock
) -> None:
    first = CheckInFlow.resume_or_start(store, clock)
    first.choose_mood("okay")
    first.next()
    first.toggle_tag("money")
    del first  # the window closed

    again = CheckInFlow.resume_or_start(store, clock)
    assert again.resumed
    assert again.step.kind == StepKind.TAGS  # where they were
    assert again.checkin.mood == "okay"
    assert again.checkin.tags == frozenset({"money"})
    again.next()
    assert again.next().kind == OutcomeKind.FINISHED
    [saved] = finished(store)
    assert saved.mood == "okay" and saved.tags == frozenset({"money"})


def test_starting_again_discards_the_old_draft(store: CheckInStore, clock: FixedClock) -> None:
    CheckInFlow.resume_or_start(store, clock).choose_mood("very_good")
    fresh = CheckInFlow.start_again(store, clock)
    assert not fresh.resumed
    assert fresh.checkin.mood is None
    assert store.latest_draft() is None


def test_back_lets_an_answer_be_changed(store: CheckInStore, clock: FixedClock) -> None:
    flow = CheckInFlow.resume_or_start(store, clock)
    assert not flow.can_go_back
    flow.choose_mood("very_bad")
    flow.next()
    flow.back()
    assert flow.step.kind == StepKind.MOOD
    assert flow.checkin.mood == "very_bad"
    flow.choose_mood("okay")
    flow.next()
    flow.next()
    flow.next()
    [saved] = finished(store)
    assert saved.mood == "okay"


def test_a_tag_pressed_twice_is_unchosen(store: CheckInStore, clock: FixedClock) -> None:
    flow = CheckInFlow.resume_or_start(store, clock)
    flow.next()
    flow.toggle_tag("worry")
    flow.toggle_tag("health")
    flow.toggle_tag("worry")
    assert flow.checkin.tags == frozenset({"health"})


def test_skip_is_always_allowed_and_an_empty_check_in_is_still_kept(
    store: CheckInStore, clock: FixedClock
) -> None:
    flow = CheckInFlow.resume_or_start(store, clock)
    assert flow.skip().kind == OutcomeKind.SHOW_STEP
    assert flow.skip().kind == OutcomeKind.SHOW_STEP
    assert flow.skip().kind == OutcomeKind.FINISHED
    [saved] = finished(store)
    assert saved.mood is None and saved.tags == frozenset() and saved.note == ""


def test_skip_keeps_an_answer_given_before(store: CheckInStore, clock: FixedClock) -> None:
    flow = CheckInFlow.resume_or_start(store, clock)
    flow.choose_mood("good")
    flow.skip()
    assert flow.checkin.mood == "good"


@pytest.mark.parametrize("steps_before", [0, 1, 2])
def test_i_need_help_now_at_any_step_goes_to_help_with_the_check_in_saved(
    store: CheckInStore, clock: FixedClock, steps_before: int
) -> None:
    flow = CheckInFlow.resume_or_start(store, clock)
    flow.choose_mood("very_bad")
    for _ in range(steps_before):
        flow.next()
    outcome = flow.need_help()
    assert outcome.kind == OutcomeKind.HELP_NOW
    assert outcome.reasons == (SafetyReason.HELP_PRESSED,)
    draft = store.latest_draft()
    assert draft is not None and draft.mood == "very_bad"
    # After help, the person can carry on from the same step.
    assert flow.position == steps_before + 1


def test_a_second_very_bad_day_offers_help_kindly_when_it_is_finished(
    store: CheckInStore, clock: FixedClock
) -> None:
    earlier = CheckInFlow.resume_or_start(store, clock)
    earlier.choose_mood("very_bad")
    earlier.toggle_tag("loneliness")
    assert earlier.next().kind == OutcomeKind.SHOW_STEP
    assert earlier.next().kind == OutcomeKind.SHOW_STEP
    first = earlier.next()
    assert (first.kind, first.reasons) == (OutcomeKind.FINISHED, ())  # one bad day is a bad day

    clock.advance(days=1)
    today = CheckInFlow.resume_or_start(store, clock)
    today.choose_mood("very_bad")
    # Nothing opens on its own in the middle of the check-in.
    assert today.next().kind == OutcomeKind.SHOW_STEP
    assert today.next().kind == OutcomeKind.SHOW_STEP
    outcome = today.next()
    assert outcome.kind == OutcomeKind.FINISHED
    assert outcome.reasons == (SafetyReason.REPEATED_BAD_DAYS,)
    assert today.help_offer == (SafetyReason.REPEATED_BAD_DAYS,)
    assert len(finished(store)) == 2


def test_unknown_mood_or_tag_is_refused(store: CheckInStore, clock: FixedClock) -> None:
    flow = CheckInFlow.resume_or_start(store, clock)
    with pytest.raises(ValueError, match="Unknown mood"):
        flow.choose_mood("great")
    with pytest.raises(ValueError, match="Unknown tag"):
        flow.toggle_tag("weather")


def test_a_finished_check_in_cannot_be_changed(store: CheckInStore, clock: FixedClock) -> None:
    flow = CheckInFlow.resume_or_start(store, clock)
    flow.skip()
    flow.skip()
    flow.skip()
    with pytest.raises(RuntimeError):
        flow.choose_mood("good")


def test_progress_is_said_in_french_too(store: CheckInStore, clock: FixedClock) -> None:
    flow = CheckInFlow.resume_or_start(store, clock)
    set_language("fr")
    try:
        assert flow.progress_text() == "Question 1 sur 3"
    finally:
        set_language("en")


def test_the_time_a_check_in_started_is_kept(store: CheckInStore, clock: FixedClock) -> None:
    flow = CheckInFlow.resume_or_start(store, clock)
    started = clock.now()
    flow.choose_mood("good")
    clock.advance(minutes=5)
    flow.skip()
    flow.skip()
    flow.skip()
    [saved] = finished(store)
    assert saved.started_at == started
    assert saved.finished_at == started + timedelta(minutes=5)


def test_each_press_is_one_transaction_and_a_press_that_changes_nothing_writes_nothing(
    tmp_path: Path, clock: FixedClock
) -> None:
    """A mood face is one press: the mood and the move to the next step are one write, and
    finishing keeps the check-in and reads what the safety rules need in one transaction."""
    from companion.checkin.sql_store import SqlCheckInStore
    from companion.storage import open_database
    from tests.transactions import counting_transactions

    database = open_database(tmp_path / "person.db", os.urandom(32))
    store = SqlCheckInStore(database)
    with counting_transactions(database) as count:
        flow = CheckInFlow(store, clock)
        flow.choose_mood("good", save=False)
        flow.next()
        assert count.take() == 1  # a mood face pressed
        flow.toggle_tag("sleep")
        assert count.take() == 1  # a tag pressed
        flow.back()
        assert count.take() == 0  # Back changes nothing stored
        flow.choose_mood("good", save=False)
        flow.next()
        assert count.take() == 0  # the same face again: nothing changed, nothing written
        flow.next()
        assert count.take() == 0  # Next on the tags, already saved
        flow.set_note("A walk.", save=False)
        assert flow.next().kind == OutcomeKind.FINISHED
        assert count.take() == 1  # Finish: kept, and the last 30 days read, together
    [saved] = finished(store)
    assert (saved.mood, saved.tags, saved.note) == ("good", frozenset({"sleep"}), "A walk.")
    database.close()
