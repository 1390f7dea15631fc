"""Crisis lines load, are validated field by field, and age is reported by --check."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from companion.checkup import check_crisis_lines
from companion.paths import content_dir
from companion.safety.crisis import (
    BUILT_IN_FALLBACK,
    CrisisDataError,
    EmergencyContact,
    MemoryContactsStore,
    load_crisis_directory,
    parse_crisis_data,
)


def shipped() -> dict:  # type: ignore[type-arg]
    return json.loads((content_dir() / "crisis" / "regions.json").read_text(encoding="utf-8"))


def test_shipped_lines_match_what_the_issue_promises() -> None:
    directory, problem = load_crisis_directory(content_dir())
    assert problem is None
    ca, us, gb = directory.region("CA"), directory.region("US"), directory.region("GB")
    assert ca.emergency.number == "911" and ca.lines[0].number == "988"
    assert "text" in ca.lines[0].how["en"].lower()
    assert us.emergency.number == "911" and us.lines[0].number == "988"
    assert gb.emergency.number == "999" and gb.lines[0].number == "116 123"
    for region in directory.regions:
        assert region.name["fr"] and all(line.how["fr"] for line in region.lines)


def test_an_unknown_region_shows_somewhere_else_never_canada() -> None:
    directory, _ = load_crisis_directory(content_dir())
    elsewhere = directory.region("ZZ")
    assert elsewhere.code == "ELSEWHERE"
    assert elsewhere.emergency is None  # "call your local emergency number"
    assert [line.number for line in elsewhere.lines] == [None]
    assert "findahelpline.com" in elsewhere.lines[0].how["en"]


@pytest.mark.parametrize(
    ("damage", "names"),
    [
        (lambda d: d["regions"][0].pop("emergency"), "emergency"),
        (lambda d: d["regions"][0].update(emergency=None), "emergency"),
        (lambda d: d["regions"][0]["lines"][0].pop("confirmed"), "confirmed"),
        (lambda d: d["regions"][0]["emergency"].update(numbers=[]), "numbers"),
        (lambda d: d["regions"].pop(), "ELSEWHERE"),
        (lambda d: d["regions"][0]["lines"][0].update(source="http://988.ca"), "source"),
        (lambda d: d["regions"][0]["lines"][0].update(last_checked="last year"), "last_checked"),
        (lambda d: d["regions"][0]["lines"][0]["how"].pop("fr"), "how"),
        (lambda d: d["regions"].append(dict(d["regions"][0])), "twice"),
    ],
)
def test_broken_data_names_the_field(damage, names: str) -> None:  # type: ignore[no-untyped-def]
    data = shipped()
    damage(data)
    with pytest.raises(CrisisDataError, match=names):
        parse_crisis_data(data)


def test_broken_file_gives_fallback_and_a_reason_never_a_crash(tmp_path: Path) -> None:
    (tmp_path / "crisis").mkdir()
    (tmp_path / "crisis" / "regions.json").write_text("{oops", encoding="utf-8")
    directory, problem = load_crisis_directory(tmp_path)
    assert directory is BUILT_IN_FALLBACK
    assert problem


def test_check_warns_when_an_entry_is_over_a_year_old() -> None:
    old = check_crisis_lines(content_dir(), date(2028, 1, 1))
    assert old.ok and old.warning
    assert "988" in old.sentence and "over a year" in old.sentence


def test_at_most_three_emergency_contacts() -> None:
    store = MemoryContactsStore()
    people = [EmergencyContact(f"P{i}", "555-0100", "friend") for i in range(4)]
    store.set_contacts(people[:3])
    assert len(store.contacts()) == 3
    with pytest.raises(ValueError):
        store.set_contacts(people)
