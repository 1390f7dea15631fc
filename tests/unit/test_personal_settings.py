"""Each person's own look and voice follow them; the PC's settings stay the helper's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from companion.config import SettingsStore
from companion.preferences import MemoryPreferences


def pc_file(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def test_a_persons_own_settings_apply_when_their_data_opens_and_go_when_it_closes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    heard: list[tuple[str, Any]] = []
    store.subscribe(lambda name, value: heard.append((name, value)))
    mary = MemoryPreferences()
    mary.set("settings", {"text_scale": 200, "language": "fr", "shared_pc": True})
    store.use_person(mary)
    assert store.get("text_scale") == 200 and store.get("language") == "fr"
    assert store.get("shared_pc") is False  # a PC setting is never a person's
    assert sorted(heard) == [("language", "fr"), ("text_scale", 200)]
    heard.clear()
    store.use_person(None)
    assert store.get("text_scale") == 100 and store.get("language") == "en"
    assert sorted(heard) == [("language", "en"), ("text_scale", 100)]


def test_on_a_shared_pc_a_persons_change_is_theirs_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    mary, joe = MemoryPreferences(), MemoryPreferences()
    store.use_person(mary)
    store.set("text_scale", 200)
    store.set("speech_rate", 110)
    store.set("autolock_minutes", 5)  # the PC's: goes to the PC file
    assert mary.get("settings") == {"text_scale": 200, "speech_rate": 110}
    assert pc_file(path)["text_scale"] == 100 and pc_file(path)["autolock_minutes"] == 5
    store.use_person(joe)
    assert store.get("text_scale") == 100 and store.get("speech_rate") == 150
    store.use_person(mary)
    assert store.get("text_scale") == 200 and store.get("speech_rate") == 110


def test_on_a_home_pc_a_persons_change_also_becomes_the_pcs(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    me = MemoryPreferences()
    store.use_person(me, mirror_to_pc=True)
    store.set("text_scale", 175)
    assert me.get("settings") == {"text_scale": 175}
    assert pc_file(path)["text_scale"] == 175  # the PIN pad and the next start open big
    assert SettingsStore(path).get("text_scale") == 175


def test_a_guests_changes_stay_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    store.use_person(MemoryPreferences())
    store.set("theme", "dark")
    assert not path.exists()
    store.use_person(None)
    assert store.get("theme") == "standard"


def test_a_damaged_stored_value_is_ignored_not_fatal(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    person = MemoryPreferences()
    person.set("settings", {"text_scale": 999, "theme": "dark", "nonsense": 1})
    store.use_person(person)
    assert store.get("text_scale") == 100 and store.get("theme") == "dark"
    person.set("settings", "not a table")
    store.use_person(person)
    assert store.get("theme") == "standard"


def test_nudge_moves_from_the_persons_own_value(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    person = MemoryPreferences()
    person.set("settings", {"speech_rate": 200})
    store.use_person(person)
    assert store.nudge("speech_rate", 1) == 220
