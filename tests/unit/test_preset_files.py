"""Settings presets: export on one PC, import on the next; only how the app works travels."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.config import SETTINGS_BY_NAME, SettingsStore
from companion.people.profiles import open_people
from companion.preset.files import (
    PRESET_SETTINGS,
    export_preset,
    import_preset,
)
from companion.preset.reading import apply_system_preset, load_system_preset
from companion.preset.table import PresetFileError
from companion.safety.crisis import EmergencyContact
from companion.security.caregiver import CaregiverLock
from tests.fast_argon2 import FAST

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
REGIONS = ("CA", "FR", "US")
CENTRE_SETTINGS = {
    "language": "fr",
    "text_scale": 150,
    "theme": "high_contrast",
    "speech_rate": 120,
    "read_steps_aloud": True,
    "switch_mode": "two_switches",
    "region": "FR",
    "shared_pc": True,
    "autolock_minutes": 5,
    "trusted_link_domains": "meet.example-clinic.org",
}


def centre_pc(folder: Path) -> SettingsStore:
    settings = SettingsStore(folder / "settings.json", regions=REGIONS)
    for name, value in CENTRE_SETTINGS.items():
        settings.set(name, value)
    settings.set("first_run_done", True)
    return settings


def test_an_exported_preset_reproduces_the_settings_on_another_pc(tmp_path: Path) -> None:
    first = centre_pc(tmp_path / "pc1")
    written = export_preset(first, tmp_path / "centre")
    assert written.name == "centre.json" and written.stat().st_mode & 0o077 == 0
    other = SettingsStore(tmp_path / "pc2" / "settings.json", regions=REGIONS)
    result = import_preset(written, other)
    assert result.skipped == [] and sorted(result.applied) == sorted(PRESET_SETTINGS)
    for name in PRESET_SETTINGS:
        assert other.get(name) == first.get(name), name
    assert other.get("first_run_done") is False  # each PC still meets its own people
    reopened = SettingsStore(tmp_path / "pc2" / "settings.json", regions=REGIONS)
    assert reopened.get("theme") == "high_contrast"  # kept on disk, not only in memory


def test_a_preset_carries_no_personal_data(tmp_path: Path) -> None:
    folder = tmp_path / "pc1"
    settings = centre_pc(folder)
    people = open_people(folder, FixedClock(NOW), keyring=None, argon2=FAST)
    mary = people.add("Mary Brownlow", "pin", "583920")
    session = people.unlock(mary.id, "583920")
    session.contacts.set_contacts([EmergencyContact("Annabel Quist", "555 0199", "daughter")])
    session.checkins.finish(CheckIn(None, NOW, NOW, "okay", frozenset(), "secret note", False))
    session.close()
    CaregiverLock(folder, FixedClock(NOW), FAST).set_pin("730285")
    text = export_preset(settings, tmp_path / "centre.json").read_text("utf-8")
    for personal in ("Mary", "Brownlow", "Annabel", "555 0199", "583920", "730285", "secret note"):
        assert personal not in text
    assert "argon2" not in text and mary.id not in text
    table = json.loads(text)
    assert set(table) == set(PRESET_SETTINGS) and set(table) <= set(SETTINGS_BY_NAME)


def test_import_keeps_only_declared_valid_settings_and_lists_the_rest(tmp_path: Path) -> None:
    preset = tmp_path / "odd.json"
    preset.write_text(
        json.dumps(
            {
                "text_scale": 175,
                "theme": "purple",
                "region": "ZZ",
                "name": "Mary",
                "contacts": [{"name": "Ann"}],
                "first_run_done": True,
                "autolock_minutes": 5000,
            }
        )
    )
    settings = SettingsStore(tmp_path / "settings.json", regions=REGIONS)
    result = import_preset(preset, settings)
    assert result.applied == ["text_scale"]
    assert result.skipped == [
        "autolock_minutes",
        "contacts",
        "first_run_done",
        "name",
        "region",
        "theme",
    ]
    assert settings.get("text_scale") == 175 and settings.get("theme") == "standard"
    assert "name" not in settings.snapshot()
    reasons = [r.sentence() for r in result.refusals]  # what the helper reads, by setting
    assert "In odd.json, “theme” holds 'purple', which Companion does not know." in reasons
    assert "In odd.json, “autolock_minutes” should be at most 60." in reasons
    assert "In odd.json, “region” holds 'ZZ', which Companion does not know." in reasons


@pytest.mark.parametrize(
    ("content", "reason", "set_aside_at_start"),
    [
        (b"{not json", "damaged", True),
        (b"\xff\xfe", "damaged", True),
        (b"[1, 2]", "not_a_preset", True),
        (b"{}", "not_a_preset", False),
        (b'{"name": "Mary"}', "not_a_preset", False),
        (b'{"theme": "' + b"x" * 70_000 + b'"}', "too_big", True),
    ],
)
def test_a_file_that_is_not_a_preset_is_refused_whole(
    tmp_path: Path, content: bytes, reason: str, set_aside_at_start: bool
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    settings = SettingsStore(tmp_path / "settings.json", regions=REGIONS)
    with pytest.raises(PresetFileError) as refused:
        import_preset(path, settings)
    assert refused.value.reason == reason
    assert not (tmp_path / "settings.json").exists()  # nothing was changed
    # The same reading at start: a file that can never be a preset is set aside, and a
    # readable table with nothing usable in it is simply empty.
    bad: list[Path] = []
    assert load_system_preset([path], bad) == {}
    assert bad == ([path] if set_aside_at_start else [])


def test_a_missing_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(PresetFileError, match="missing"):
        import_preset(tmp_path / "gone.json", SettingsStore(None))


def test_an_exported_preset_also_works_as_the_it_persons_machine_preset(tmp_path: Path) -> None:
    written = export_preset(centre_pc(tmp_path / "pc1"), tmp_path / "preset.json")
    settings_file = tmp_path / "pc2" / "settings.json"
    assert apply_system_preset(settings_file, [written])
    fresh = SettingsStore(settings_file, regions=REGIONS)
    assert {name: fresh.get(name) for name in CENTRE_SETTINGS} == CENTRE_SETTINGS
