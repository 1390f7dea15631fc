"""My safety plan in the core: the seven-step flow, its encrypted store, the gentle offer."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.export.checkins_csv import export_safety_plan_csv
from companion.i18n import set_language
from companion.people.profiles import People, open_people
from companion.preferences import MemoryPreferences
from companion.safety_plan.flow import PLAN_STEPS, SafetyPlanFlow, StepKind
from companion.safety_plan.offer import offer_is_due, record_offer, repeated_bad_days
from companion.safety_plan.plan import (
    MAX_ENTRIES_PER_PART,
    MemorySafetyPlanStore,
    Part,
    PlanEntry,
    SafetyPlan,
)
from companion.safety_plan.reading import plan_outline, plan_sentences
from companion.security import Argon2Params

FAST = Argon2Params(1, 8, 1)
NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def _pc(folder: Path) -> People:
    return open_people(folder, FixedClock(), keyring=None, argon2=FAST)


# ---- the flow ---------------------------------------------------------------------------------


def test_seven_steps_in_stanley_and_brown_order_with_two_kinds() -> None:
    assert [s.part for s in PLAN_STEPS] == list(Part)
    assert len(PLAN_STEPS) == 7
    assert {s.kind for s in PLAN_STEPS} == {StepKind.WORDS, StepKind.PEOPLE}
    assert PLAN_STEPS[3].kind == StepKind.PEOPLE  # people I can ask have phone numbers


def test_every_step_can_be_skipped_and_the_plan_finishes_empty() -> None:
    store = MemorySafetyPlanStore()
    flow = SafetyPlanFlow(store)
    finished = [flow.skip() for _ in PLAN_STEPS]
    assert finished == [False] * 6 + [True]
    assert flow.finished and store.plan().is_empty


def test_each_change_is_saved_at_once_and_back_returns_to_change_it() -> None:
    store = MemorySafetyPlanStore()
    flow = SafetyPlanFlow(store)
    flow.toggle(flow.choices()[0])  # a suggested warning sign
    assert flow.add("  I  stop answering the phone ")
    assert not flow.add("i stop answering the phone")  # the same words twice are kept once
    assert not flow.add("   ")
    assert [e.text for e in store.plan().entries(Part.WARNING_SIGNS)] == [
        "I avoid people",
        "I stop answering the phone",
    ]
    flow.next()
    flow.next()
    flow.next()
    assert flow.step.part == Part.PEOPLE_TO_ASK
    flow.add("Ann", "555-0101")
    flow.back()
    flow.back()
    flow.back()
    assert flow.step.part == Part.WARNING_SIGNS
    flow.toggle(PlanEntry("I avoid people"))  # chosen again: taken out
    assert [e.text for e in store.plan().entries(Part.WARNING_SIGNS)] == [
        "I stop answering the phone"
    ]
    assert store.plan().entries(Part.PEOPLE_TO_ASK) == (PlanEntry("Ann", "555-0101"),)


def test_the_persons_own_lines_come_first_then_suggestions_not_yet_chosen() -> None:
    contacts = (PlanEntry("Ann", "555-0101"), PlanEntry("Dr Lee", "555-0199"))
    flow = SafetyPlanFlow(
        MemorySafetyPlanStore(), {Part.PEOPLE_TO_ASK: contacts}, start=Part.PEOPLE_TO_ASK
    )
    assert flow.choices() == contacts
    flow.toggle(contacts[1])
    assert flow.choices() == (contacts[1], contacts[0])
    assert flow.is_chosen(contacts[1]) and not flow.is_chosen(contacts[0])


def test_suggestions_are_in_the_persons_language() -> None:
    set_language("fr")
    try:
        flow = SafetyPlanFlow(MemorySafetyPlanStore(), start=Part.SAFER_HOME)
        assert flow.choices()[0].text == "Quelqu’un garde mes médicaments"
    finally:
        set_language("en")


def test_a_part_keeps_a_bounded_number_of_lines() -> None:
    flow = SafetyPlanFlow(MemorySafetyPlanStore(), start=Part.REASONS)
    for n in range(MAX_ENTRIES_PER_PART):
        assert flow.add(f"Reason {n}")
    assert flow.is_full()
    assert not flow.add("One more")


def test_opening_at_a_step_to_change_it_and_the_outline_reads_start_to_end() -> None:
    store = MemorySafetyPlanStore(
        SafetyPlan({Part.REASONS: (PlanEntry("My garden"),), Part.PROFESSIONALS: ()})
    )
    flow = SafetyPlanFlow(store, start=Part.REASONS)
    assert flow.position == 7
    sentences = plan_sentences(store.plan())
    assert sentences[0] == "My safety plan."
    assert sentences[-2:] == ["Part 7: What matters most to me.", "My garden."]
    assert sentences.count("Nothing here yet.") == 6
    assert [title for title, _lines in plan_outline(store.plan())][3] == (
        "People I can ask for help"
    )


def test_people_to_call_puts_the_people_to_ask_first() -> None:
    plan = SafetyPlan(
        {
            Part.PROFESSIONALS: (PlanEntry("Crisis line", "988"),),
            Part.PEOPLE_TO_ASK: (PlanEntry("Ann", "555-0101"), PlanEntry("A neighbour")),
        }
    )
    assert [e.text for e in plan.people_to_call()] == ["Ann", "Crisis line"]


# ---- stored encrypted, backed up, exported, deleted ---------------------------------------------


def test_the_plan_is_kept_encrypted_and_never_in_plain_text_or_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    marker = "PLANMARKER-" + os.urandom(6).hex()
    pc = _pc(tmp_path)
    mary = pc.add("Mary", "pin", "583920")
    session = pc.unlock(mary.id, "583920")
    flow = SafetyPlanFlow(session.safety_plan)
    flow.add(marker + " sign")
    for _ in range(3):
        flow.next()
    flow.add(marker + " Ann", "555-0101")
    session.close()

    reopened = pc.unlock(mary.id, "583920")
    assert [e.text for e in reopened.safety_plan.plan().entries(Part.WARNING_SIGNS)] == [
        marker + " sign"
    ]
    reopened.close()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert marker.encode() not in data, path.name
            assert marker.encode("utf-16-le") not in data, path.name
    assert marker not in caplog.text


def test_csv_export_writes_the_plan_beside_the_check_ins(tmp_path: Path) -> None:
    store = MemorySafetyPlanStore()
    assert export_safety_plan_csv(store, tmp_path / "mine.csv") is None
    store.save(SafetyPlan({Part.PEOPLE_TO_ASK: (PlanEntry("=Ann", "555-0101"),)}))
    path = export_safety_plan_csv(store, tmp_path / "mine.csv")
    assert path == tmp_path / "mine-safety-plan.csv"
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines() == ["part,position,words,phone", "people_to_ask,1,'=Ann,555-0101"]


def test_delete_all_my_data_removes_the_plan(tmp_path: Path) -> None:
    marker = "PLANMARKER-" + os.urandom(6).hex()
    pc = _pc(tmp_path)
    mary = pc.add("Mary", "pin", "583920")
    session = pc.unlock(mary.id, "583920")
    session.safety_plan.save(SafetyPlan({Part.REASONS: (PlanEntry(marker),)}))
    session.close()
    pc.delete(mary.id)
    left = [p for p in tmp_path.rglob("*") if p.is_file()]
    # Only the list of people (and its kept copy) and the empty lock files stay, and none of
    # them holds the plan or Mary.
    assert {p.name for p in left} <= {
        "people.json",
        "people.json.previous",
        ".people.json.lock",
        ".device.json.lock",
    }
    for file in left:
        assert marker.encode() not in file.read_bytes() and b"Mary" not in file.read_bytes()


def test_deleting_the_plan_alone_keeps_everything_else(tmp_path: Path) -> None:
    pc = _pc(tmp_path)
    mary = pc.add("Mary", "none", "", chosen_by_caregiver=True)
    session = pc.unlock(mary.id, "")
    session.preferences.set("kept", 1)
    session.safety_plan.save(SafetyPlan({Part.REASONS: (PlanEntry("My cat"),)}))
    session.safety_plan.delete()
    assert session.safety_plan.plan().is_empty
    assert session.preferences.get("kept") == 1
    session.close()


# ---- the gentle offer --------------------------------------------------------------------------


def _day(days_ago: int, mood: str) -> CheckIn:
    when = NOW - timedelta(days=days_ago)
    return CheckIn(days_ago + 1, when, when, mood, frozenset(), "", False)


def test_repeated_bad_days_means_three_low_days_of_the_last_four() -> None:
    today = _day(0, "not_good")
    assert repeated_bad_days(today, [_day(3, "very_bad"), _day(1, "not_good")])
    assert not repeated_bad_days(today, [_day(3, "good"), _day(1, "not_good")])
    assert not repeated_bad_days(_day(0, "okay"), [_day(2, "very_bad"), _day(1, "very_bad")])
    assert not repeated_bad_days(today, [_day(20, "very_bad"), _day(19, "very_bad")])


def test_the_offer_comes_at_most_once_a_week_and_never_with_a_plan() -> None:
    prefs = MemoryPreferences()
    assert offer_is_due(prefs, NOW, has_plan=False)
    assert not offer_is_due(prefs, NOW, has_plan=True)
    record_offer(prefs, NOW)
    assert not offer_is_due(prefs, NOW + timedelta(days=6, hours=23), has_plan=False)
    assert offer_is_due(prefs, NOW + timedelta(days=7), has_plan=False)


def test_a_flow_waiting_for_its_plan_changes_nothing_until_it_is_filled() -> None:
    """The UI reads the plan off its thread: a change asked before the plan is read would save
    over the person's plan with an empty one, so it is refused until `fill`."""
    kept = SafetyPlan({Part.WARNING_SIGNS: (PlanEntry("I stop eating"),)})
    store = MemorySafetyPlanStore(kept)
    flow = SafetyPlanFlow(store, read=False)
    with pytest.raises(RuntimeError):
        flow.toggled(PlanEntry("I cannot sleep"))
    flow.fill(store.plan())
    changed = flow.toggled(PlanEntry("I cannot sleep"))
    assert store.plan() == kept  # computed, not saved
    flow.save(changed)
    flow.kept(changed)
    assert [e.text for e in store.plan().entries(Part.WARNING_SIGNS)] == [
        "I stop eating",
        "I cannot sleep",
    ]


def test_the_store_knows_whether_there_is_a_plan_from_its_last_read_or_write(
    tmp_path: Path,
) -> None:
    """Get help now asks without touching storage: unknown until read, then what was last
    read or written (a save, a delete), and a new opening starts unknown again."""
    pc = _pc(tmp_path)
    mary = pc.add("Mary", "none", "", chosen_by_caregiver=True)
    session = pc.unlock(mary.id, "")
    store = session.safety_plan
    assert store.known_to_have_plan() is None
    assert store.plan().is_empty
    assert store.known_to_have_plan() is False
    store.save(SafetyPlan({Part.REASONS: (PlanEntry("My grandson"),)}))
    assert store.known_to_have_plan() is True
    session.close()
    reopened = pc.unlock(mary.id, "")
    assert reopened.safety_plan.known_to_have_plan() is None
    assert not reopened.safety_plan.plan().is_empty
    assert reopened.safety_plan.known_to_have_plan() is True
    reopened.safety_plan.delete()
    assert reopened.safety_plan.known_to_have_plan() is False
    reopened.close()
    memory = MemorySafetyPlanStore()
    assert memory.known_to_have_plan() is False
