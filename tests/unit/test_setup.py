"""The first run as data and a state machine: steps, checks, skipping, applying, the page."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from companion.appearance import starting_look
from companion.checkin.models import CheckIn
from companion.checkin.schedule import load_schedule
from companion.clock import FixedClock
from companion.config import SettingsStore
from companion.people.profiles import People, ensure_default_person, open_people
from companion.safety.crisis import EmergencyContact
from companion.security import WrongSecretError, new_recovery_code
from companion.setup.flow import (
    MAX_STEPS,
    STEPS,
    SetupAnswers,
    SetupError,
    SetupFlow,
    apply_person,
    apply_settings,
    apply_setup,
    should_offer_first_run,
)
from companion.setup.progress import resumed_flow, save_progress
from companion.setup.summary import summary
from tests.fast_argon2 import FAST

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


@pytest.fixture
def people(tmp_path: Path) -> People:
    return open_people(tmp_path, FixedClock(NOW), keyring=None, argon2=FAST)


@pytest.fixture
def settings(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "settings.json", regions=("CA", "FR", "US"))


def newcomer(people: People):  # type: ignore[no-untyped-def]
    """What the launcher does on a fresh PC: "Me" with no PIN, opened."""
    me = ensure_default_person(people)
    assert me is not None
    return people.unlock(me.id, "")


def test_at_most_eight_steps_each_with_a_question_and_a_known_kind() -> None:
    assert len(STEPS) <= MAX_STEPS == 8
    assert [s.step_id for s in STEPS] == [
        "language",
        "text_size",
        "voice",
        "who",
        "name",
        "lock",
        "safety",
        "extras",
    ]
    for step in STEPS:
        assert step.question.endswith("?")
        assert step.kind in ("choice", "scale", "text", "lock", "safety", "extras")
        if step.kind == "choice":
            assert 2 <= len(step.choices) <= 5  # room for Back and "Do this later" (six at most)


def test_back_next_and_do_later_move_one_step_and_never_past_the_ends() -> None:
    flow = SetupFlow()
    flow.back()
    assert flow.position() == (1, 8)
    flow.next()
    flow.do_later()
    assert flow.position() == (3, 8) and flow.later == {"text_size"}
    flow.back()
    flow.next()  # answered after all: no longer "later"
    assert flow.later == set()
    for _ in range(20):
        flow.do_later()
    assert flow.finished and flow.position() == (8, 8)


def test_choices_only_accept_offered_values() -> None:
    flow = SetupFlow()
    flow.choose("text_size", 150)
    assert flow.answers.text_scale == 150
    with pytest.raises(SetupError):
        flow.choose("text_size", 130)
    with pytest.raises(SetupError):
        flow.choose("name", "Mary")


def test_a_shared_pc_never_offers_no_pin_or_a_short_pin() -> None:
    flow = SetupFlow()
    flow.set_lock("none", "", "", None)
    assert flow.lock_choices() == ("pin", "passphrase", "short_pin", "none")
    flow.choose("who", True)
    assert flow.answers.lock is None  # the home-only choice was dropped
    assert flow.lock_choices() == ("pin", "passphrase")
    with pytest.raises(SetupError, match="shared computer"):
        flow.set_lock("short_pin", "4826", "4826", None)


@pytest.mark.parametrize(
    ("kind", "secret", "again", "words"),
    [
        ("pin", "123456", "123456", "first ones people guess"),
        ("pin", "58392", "58392", "at least 6"),
        ("pin", "583920", "583921", "do not match"),
        ("passphrase", "blue", "blue", "at least 12"),
    ],
)
def test_a_lock_is_checked_and_typed_twice(kind: str, secret: str, again: str, words: str) -> None:
    flow = SetupFlow()
    with pytest.raises(SetupError, match=words):
        flow.set_lock(kind, secret, again, None)  # type: ignore[arg-type]
    assert flow.answers.lock is None and flow.answers.secret == ""


def test_names_and_contacts_are_checked_with_a_sentence() -> None:
    flow = SetupFlow()
    with pytest.raises(SetupError, match="type a name"):
        flow.set_name("   ")
    flow.set_name("  Mary   Brown ")
    assert flow.answers.name == "Mary Brown"
    with pytest.raises(SetupError, match="both a name and a phone"):
        flow.set_safety("CA", [("Ann", "", "")])
    flow.set_safety("CA", [("Ann", "555 0101", "daughter"), ("", "", ""), ("Bo", "555 0102", "")])
    assert [c.name for c in flow.answers.contacts] == ["Ann", "Bo"]


def test_skipping_every_step_still_gives_a_working_app(
    people: People, settings: SettingsStore
) -> None:
    session = newcomer(people)
    flow = SetupFlow()
    while not flow.finished:
        flow.do_later()
    before = settings.snapshot()
    result = apply_setup(flow.answers, settings, people, session, NOW)
    after = settings.snapshot()
    assert after.pop("first_run_done") is True
    before.pop("first_run_done")
    assert after == before
    assert result.session is session and result.recovery_code is None and not result.problems
    result.session.checkins.finish(CheckIn(None, NOW, NOW, "good", frozenset(), "", False))
    result.session.close()
    assert [p.lock for p in people.all()] == ["none"]
    assert not should_offer_first_run(settings, people)


def test_the_whole_first_run_sets_up_the_person_their_lock_and_their_helpers(
    people: People, settings: SettingsStore
) -> None:
    session = newcomer(people)
    assert should_offer_first_run(settings, people)
    flow = SetupFlow()
    flow.choose("language", "fr")
    flow.choose("text_size", 175)
    flow.choose("voice", 120)
    flow.choose("who", False)
    flow.set_name("Mary Brown")
    code = new_recovery_code()
    flow.set_lock("pin", "583920", "583920", code)
    flow.set_safety("FR", [("Ann", "555 0101", "daughter")])
    flow.set_extras(time(9, 30), wants_first_session=True)
    result = apply_setup(flow.answers, settings, people, session, NOW)

    assert settings.get("language") == "fr" and settings.get("text_scale") == 175
    assert settings.get("speech_rate") == 120 and settings.get("region") == "FR"
    assert settings.get("shared_pc") is False and settings.get("first_run_done") is True
    assert settings.get("follow_system_look") is False
    [mary] = people.all()
    assert (mary.name, mary.lock, mary.has_recovery_code) == ("Mary Brown", "pin", True)
    assert result.recovery_code == code
    assert result.session.display_name == "Mary Brown"
    assert [c.phone for c in result.session.contacts.contacts()] == ["555 0101"]
    assert load_schedule(result.session.preferences).reminder_time == time(9, 30)
    result.session.close()
    with pytest.raises(WrongSecretError):
        people.unlock(mary.id, "")
    reopened = people.unlock(mary.id, "583920")
    assert [c.name for c in reopened.contacts.contacts()] == ["Ann"]
    reopened.close()
    recovered = people.reset_lock_with_recovery_code(mary.id, code, "pin", "907364")
    recovered.close()


def test_running_setup_over_someone_with_notes_keeps_their_notes(
    people: People, settings: SettingsStore
) -> None:
    session = newcomer(people)
    session.checkins.finish(CheckIn(None, NOW, NOW, "good", frozenset(), "kept", False))
    flow = SetupFlow()
    flow.set_name("Sam")
    flow.set_lock("pin", "583920", "583920", None)
    result = apply_setup(flow.answers, settings, people, session, NOW)
    result.session.close()
    [sam] = people.all()
    assert (sam.name, sam.lock) == ("Sam", "pin")
    reopened = people.unlock(sam.id, "583920")
    assert [c.note for c in reopened.checkins.checkins_between(NOW, NOW.replace(hour=13))] == [
        "kept"
    ]
    reopened.close()


def test_the_printed_page_never_has_the_pin_nor_the_code() -> None:
    answers = SetupAnswers(name="Mary", lock="pin", secret="583920", recovery_code="K3F9-2XQM")
    page = " ".join(f"{line.label} {line.value}" for line in summary(answers, set(), "Canada"))
    assert "583920" not in page and "K3F9-2XQM" not in page  # the code opens the notes
    assert "Mary" in page and "Canada" in page and "Recovery code" in page
    answers.recovery_code = None
    page = " ".join(f"{line.label} {line.value}" for line in summary(answers, {"safety"}, "Canada"))
    assert "583920" not in page and "Recovery code" not in page
    assert "Who can help in a hard moment?" in page  # left for later, so it can be done later


def test_first_run_is_offered_only_on_a_pc_nobody_set_up(
    people: People, settings: SettingsStore
) -> None:
    assert should_offer_first_run(settings, people)
    people.add("Mary", "pin", "583920")
    assert not should_offer_first_run(settings, people)


@pytest.mark.parametrize(
    ("stored", "os_theme", "os_scale", "expected"),
    [
        ({}, "dark", 150, ("dark", 150)),
        ({}, "high_contrast", 130, ("high_contrast", 125)),
        ({}, None, None, ("standard", 100)),
        ({"theme": "dark", "text_scale": 175}, "high_contrast", 125, ("dark", 175)),
        ({"follow_system_look": False}, "dark", 200, ("standard", 100)),
        ({}, "sepia", 90, ("standard", 100)),
    ],
)
def test_the_starting_look_follows_the_os_unless_the_person_chose(
    stored: dict[str, object],
    os_theme: str | None,
    os_scale: int | None,
    expected: tuple[str, int],
) -> None:
    assert starting_look(stored, os_theme, os_scale) == expected


@pytest.mark.parametrize(("shared", "starts"), [(False, True), (True, False)])
def test_starting_with_the_computer_follows_who_uses_it(
    tmp_path: Path, shared: bool, starts: bool
) -> None:
    settings = SettingsStore(tmp_path / "settings.json")
    flow = SetupFlow()
    flow.choose("who", shared)
    apply_settings(flow.answers, settings)
    assert settings.get("start_with_computer") is starts
    lines = {line.label: line.value for line in summary(flow.answers, set(), "Canada")}
    assert lines["Starts when the computer starts"] == (
        "Yes, quietly, to remind you" if starts else "No"
    )


def test_removing_every_person_to_call_removes_them_and_an_unread_list_drops_nobody(
    people: People,
) -> None:
    """The step shows the people kept so far: removing them all leaves nobody kept (a wrong
    number must not stay behind on Get help now). When what was kept could not be read, the
    people typed are added and nobody kept is dropped."""
    session = newcomer(people)
    session.contacts.set_contacts([EmergencyContact("Louise", "514 555 0199", "my sister")])
    flow = SetupFlow()
    flow.set_safety("CA", [])  # shown Louise, removed her
    session = apply_person(flow.answers, None, session, NOW).session
    assert session.contacts.contacts() == []

    session.contacts.set_contacts([EmergencyContact("Louise", "514 555 0199", "my sister")])
    flow = SetupFlow()
    flow.set_safety("CA", [("Dr. Lee", "514 555 0142", "")], replace=False)  # Louise unread
    session = apply_person(flow.answers, None, session, NOW).session
    assert [c.name for c in session.contacts.contacts()] == ["Louise", "Dr. Lee"]

    untouched = SetupFlow()  # the step never answered: nothing kept changes
    session = apply_person(untouched.answers, None, session, NOW).session
    assert len(session.contacts.contacts()) == 2
    session.close()


def test_a_list_emptied_on_purpose_stays_emptied_after_a_restart(people: People) -> None:
    session = newcomer(people)
    flow = SetupFlow()
    flow.set_safety("CA", [])
    save_progress(flow, session.preferences)
    assert resumed_flow(session.preferences).answers.contacts_replace is True
    session.close()
