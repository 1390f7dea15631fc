"""An unfinished first run resumes where it was left; the PIN is never written down for it."""

from __future__ import annotations

import json
from datetime import time

from companion.preferences import MemoryPreferences
from companion.safety.crisis import EmergencyContact
from companion.setup.flow import STEP_IDS, SetupFlow
from companion.setup.progress import forget_progress, resumed_flow, save_progress


def test_a_fresh_pc_starts_at_step_one() -> None:
    assert resumed_flow(MemoryPreferences()).index == 0


def test_answers_and_the_step_come_back() -> None:
    preferences = MemoryPreferences()
    flow = SetupFlow()
    flow.choose("language", "fr")
    flow.set_name("Mary")
    flow.answers.contacts = (EmergencyContact("Ann", "555 0101", "daughter"),)
    flow.answers.reminder_time = time(10, 0)
    flow.index = STEP_IDS.index("safety")
    save_progress(flow, preferences)
    again = resumed_flow(preferences)
    assert again.index == STEP_IDS.index("safety")
    assert again.answers.language == "fr" and again.answers.name == "Mary"
    assert again.answers.contacts == (EmergencyContact("Ann", "555 0101", "daughter"),)
    assert again.answers.reminder_time == time(10, 0)


def test_the_pin_is_never_kept_and_is_asked_again() -> None:
    preferences = MemoryPreferences()
    flow = SetupFlow()
    flow.set_lock("pin", "583920", "583920", None)
    flow.index = STEP_IDS.index("extras")
    save_progress(flow, preferences)
    assert "583920" not in json.dumps(preferences.items())
    again = resumed_flow(preferences)
    assert again.index == STEP_IDS.index("lock") and again.answers.secret == ""


def test_something_unreadable_starts_again_rather_than_failing() -> None:
    preferences = MemoryPreferences()
    preferences.set("setup_progress", {"step": "name", "answers": {"contacts": [["only one"]]}})
    assert resumed_flow(preferences).index == 0
    preferences.set("setup_progress", "garbage")
    assert resumed_flow(preferences).index == 0


def test_finishing_forgets_the_place() -> None:
    preferences = MemoryPreferences()
    flow = SetupFlow()
    flow.index = 3
    save_progress(flow, preferences)
    forget_progress(preferences)
    assert resumed_flow(preferences).index == 0
