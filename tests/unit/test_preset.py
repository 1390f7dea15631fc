"""The IT preset: read and validated like settings, used on a first start only, never fatal."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from companion.config import SETTINGS_FILE_NAME, SettingsStore
from companion.preset.reading import (
    LINUX_PRESET,
    PRESET_VARIABLE,
    apply_system_preset,
    load_system_preset,
    system_preset_paths,
)


def write(path: Path, table: object) -> Path:
    path.write_text(json.dumps(table), encoding="utf-8")
    return path


def test_valid_values_are_kept_and_bad_ones_skipped(tmp_path: Path) -> None:
    preset = write(
        tmp_path / "preset.json",
        {
            "language": "fr",
            "text_scale": 150,
            "theme": "purple",  # not a theme
            "speech_rate": 9000,  # too fast
            "less_motion": "yes",  # not true/false
            "pin": "1234",  # not a setting at all
        },
    )
    assert load_system_preset([preset]) == {"language": "fr", "text_scale": 150}


def test_a_later_file_wins_and_broken_or_missing_files_are_ignored(tmp_path: Path) -> None:
    machine = write(tmp_path / "machine.json", {"language": "fr", "text_scale": 125})
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    not_a_table = write(tmp_path / "list.json", ["language", "fr"])
    beside_program = write(tmp_path / "beside.json", {"text_scale": 200})
    missing = tmp_path / "missing.json"

    found = load_system_preset([machine, broken, not_a_table, missing, beside_program])

    assert found == {"language": "fr", "text_scale": 200}


def test_a_copied_settings_file_does_not_skip_the_first_start_setup(tmp_path: Path) -> None:
    copied = write(tmp_path / "settings.json", {"language": "fr", "first_run_done": True})

    assert load_system_preset([copied]) == {"language": "fr"}


def test_first_start_takes_the_preset_into_the_persons_settings(tmp_path: Path) -> None:
    preset = write(tmp_path / "preset.json", {"language": "fr", "theme": "high_contrast"})
    settings_file = tmp_path / "data" / SETTINGS_FILE_NAME

    assert apply_system_preset(settings_file, [preset]) is True

    store = SettingsStore(settings_file)
    assert store.get("language") == "fr"
    assert store.get("theme") == "high_contrast"
    assert store.get("text_scale") == 100  # not in the preset: the usual default


def test_the_preset_never_overrides_a_persons_own_choices(tmp_path: Path) -> None:
    preset = write(tmp_path / "preset.json", {"language": "fr"})
    settings_file = tmp_path / SETTINGS_FILE_NAME
    apply_system_preset(settings_file, [preset])
    SettingsStore(settings_file).set("language", "en")  # the person switches back

    assert apply_system_preset(settings_file, [preset]) is False

    assert SettingsStore(settings_file).get("language") == "en"


def test_no_usable_preset_writes_nothing(tmp_path: Path) -> None:
    preset = write(tmp_path / "preset.json", {"language": "klingon"})
    settings_file = tmp_path / SETTINGS_FILE_NAME

    assert apply_system_preset(settings_file, [preset, tmp_path / "missing.json"]) is False
    assert not settings_file.exists()


def test_it_can_point_at_a_preset_for_one_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preset = write(tmp_path / "centre.json", {"text_scale": 175})
    monkeypatch.setenv(PRESET_VARIABLE, str(preset))

    paths = system_preset_paths()

    assert paths[-1] == preset
    if sys.platform.startswith("linux"):
        assert paths[0] == LINUX_PRESET
    assert load_system_preset([preset]) == {"text_scale": 175}
