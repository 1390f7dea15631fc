"""Settings are declared once, validated, kept across restarts, and announced when they change."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from companion.config import SETTINGS, SettingsStore


def test_defaults_are_valid_for_their_own_declaration() -> None:
    for setting in SETTINGS:
        assert setting.validate(setting.default) == setting.default


def test_a_change_is_kept_after_restart_and_file_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = SettingsStore(path)
    store.set("text_scale", 175)
    store.set("theme", "high_contrast")
    again = SettingsStore(path)
    assert again.get("text_scale") == 175
    assert again.get("theme") == "high_contrast"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_listeners_hear_each_real_change_once(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "s.json")
    heard: list[tuple[str, object]] = []
    store.subscribe(lambda name, value: heard.append((name, value)))
    store.set("language", "fr")
    store.set("language", "fr")  # no change, no news
    assert heard == [("language", "fr")]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("text_scale", 300),
        ("text_scale", "big"),
        ("theme", "pink"),
        ("language", "de"),
        ("less_motion", 1),
        ("speech_rate", 10),
        ("scan_interval_ms", 99999),
    ],
)
def test_out_of_range_values_are_refused(tmp_path: Path, name: str, value: object) -> None:
    store = SettingsStore(tmp_path / "s.json")
    with pytest.raises(ValueError):
        store.set(name, value)


def test_region_must_be_one_we_have_lines_for(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "s.json", regions=("CA", "US"))
    store.set("region", "US")
    with pytest.raises(ValueError):
        store.set("region", "ZZ")


def test_a_damaged_file_falls_back_to_defaults_without_crashing(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text("{not json", encoding="utf-8")
    assert SettingsStore(path).get("text_scale") == 100
    path.write_text(json.dumps({"text_scale": 999, "theme": "dark", "nonsense": 1}))
    store = SettingsStore(path)
    assert store.get("text_scale") == 100  # the bad value is dropped
    assert store.get("theme") == "dark"  # the good one is kept


def test_nudging_moves_by_the_declared_step_and_stops_at_the_limits(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "s.json")
    assert store.nudge("speech_rate", -1) == 130
    for _ in range(20):
        store.nudge("speech_rate", +1)
    assert store.get("speech_rate") == 260
    assert store.nudge("scan_interval_ms", -100) == 500
    with pytest.raises(ValueError):
        store.nudge("theme", 1)
