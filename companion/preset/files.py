"""Export this PC's settings as a preset file and import one, so a centre sets up ten PCs alike.

A preset is the same flat table of setting names and values that companion.preset.reading reads from
/etc/companion/preset.json, so an exported file can also be dropped there by an IT person. Only
declared settings travel, and only how the app works: never names, contacts, PINs or notes
(those live in each person's encrypted database or in people.json, which are never read here).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from companion.config import SETTINGS, SettingsStore, check_settings
from companion.files import write_file_atomically
from companion.preset.reading import load_system_preset
from companion.preset.table import PresetFileError, read_preset_table
from companion.schemas import Refusal, SchemaError

_log = logging.getLogger(__name__)

PRESET_SUFFIX = ".json"
# Settings that describe this one PC's state rather than how the app should work.
NOT_IN_PRESETS: frozenset[str] = frozenset({"first_run_done", "told_about_tray"})
PRESET_SETTINGS: tuple[str, ...] = tuple(s.name for s in SETTINGS if s.name not in NOT_IN_PRESETS)


@dataclass
class PresetImport:
    """Which settings an import changed and which it left out (unknown, personal or invalid)."""

    applied: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    # Why each skipped value was refused, naming the file and the setting (for the helper).
    refusals: list[Refusal] = field(default_factory=list)


def preset_table(settings: SettingsStore) -> dict[str, Any]:
    """The settings a preset carries, by name (nothing personal: see the module docstring)."""
    current = settings.snapshot()
    return {name: current[name] for name in PRESET_SETTINGS}


def export_preset(settings: SettingsStore, path: Path) -> Path:
    """Write the preset file (owner-only, atomically); `.json` is added when missing."""
    if path.suffix.lower() != PRESET_SUFFIX:
        path = path.with_name(path.name + PRESET_SUFFIX)
    data = json.dumps(preset_table(settings), indent=2, sort_keys=True).encode("utf-8")
    write_file_atomically(path, data)
    _log.info("Settings preset exported (%d settings)", len(PRESET_SETTINGS))
    return path


def import_preset(path: Path, settings: SettingsStore) -> PresetImport:
    """Apply the preset's valid settings now; everything else is skipped and listed.

    Values are validated by companion.config.SETTINGS (through companion.preset.reading) and then by
    the settings store (the region must be one Companion knows). Raises PresetFileError."""
    table = read_preset_table(path)
    valid = load_system_preset([path])
    result = PresetImport(refusals=check_settings(table, path.name)[1])
    for name in sorted(table):
        if name not in valid or name not in PRESET_SETTINGS:
            result.skipped.append(name)
            continue
        try:
            settings.set(name, valid[name])
        except (KeyError, ValueError) as exc:
            _log.warning("Preset setting %s not applied (%s)", name, type(exc).__name__)
            result.skipped.append(name)
            if isinstance(exc, SchemaError):
                result.refusals.append(replace(exc.refusal, file=path.name))
            continue
        result.applied.append(name)
    if not result.applied:
        raise PresetFileError("not_a_preset")
    _log.info("Preset imported: %d applied, %d skipped", len(result.applied), len(result.skipped))
    return result
