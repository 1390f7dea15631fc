"""Read the settings preset an IT person leaves on a PC, and use it on each user's first start.

A preset has the same shape as a person's settings.json (a table of setting names and values):
export one from the helper settings ("Same settings on other computers", companion/preset/files.py)
or copy a set-up PC's settings.json. It only fills in a brand-new settings file: once a person has
their own settings, the preset never overrides them.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from companion.config import check_settings
from companion.file_lock import locked
from companion.files import (
    create_file_exclusively,
    set_aside,
)
from companion.i18n import N_
from companion.preset.table import DAMAGED_REASONS, PresetFileError, read_preset_table

_log = logging.getLogger(__name__)

PRESET_FILE_NAME = "preset.json"
PRESET_VARIABLE = "COMPANION_PRESET"
# The machine-wide preset each platform's silent install writes (Linux: the .deb's conffile path).
LINUX_PRESET = Path("/etc/companion") / PRESET_FILE_NAME
MACOS_PRESET = Path("/Library/Application Support/Companion") / PRESET_FILE_NAME
# Settings that describe one person's own history, not a centre's choices: a copied settings.json
# must not skip the first-start setup for everyone who comes after.
NOT_PRESETTABLE: frozenset[str] = frozenset({"first_run_done"})


def _machine_preset() -> Path | None:
    platform_files = {
        "linux": LINUX_PRESET,
        "darwin": MACOS_PRESET,
        "win32": Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData"))
        / "Companion"
        / PRESET_FILE_NAME,
    }
    return platform_files.get(sys.platform)


def system_preset_paths() -> list[Path]:
    """Where a preset may be, weakest first (a later file wins where both set a value).

    The machine-wide file, then the one beside the installed program (where the Windows
    installer's /PRESET= copies it, and where a .tar.gz user can drop one), then
    COMPANION_PRESET for a one-off start.
    """
    paths: list[Path] = []
    machine = _machine_preset()
    if machine is not None:
        paths.append(machine)
    if getattr(sys, "frozen", False):
        paths.append(Path(sys.executable).resolve().parent / PRESET_FILE_NAME)
    override = os.environ.get(PRESET_VARIABLE)
    if override:
        paths.append(Path(override).expanduser())
    return paths


def _read_table(path: Path, bad: list[Path] | None = None) -> dict[str, Any] | None:
    """The preset's table, or None. A damaged one (too big, too deep, not a table) is added to
    `bad`, so the caller can set it aside and say so once."""
    try:
        return read_preset_table(path)
    except PresetFileError as exc:
        if exc.reason != "missing":
            _log.warning("Preset %s cannot be used (%s); ignoring it", path, exc.reason)
        if exc.reason in DAMAGED_REASONS and bad is not None:
            bad.append(path)
        return None


def load_system_preset(paths: Iterable[Path], bad: list[Path] | None = None) -> dict[str, Any]:
    """The valid settings from every preset file that exists; bad entries are logged and skipped.

    A broken preset must never stop Companion from starting, so nothing here raises; a file
    that is not a preset at all is added to `bad`.
    """
    preset: dict[str, Any] = {}
    for path in paths:
        table = _read_table(path, bad)
        if table is None:
            continue
        for name in NOT_PRESETTABLE & set(table):
            _log.info("Preset %s: %s is never taken from a preset; skipping it", path, name)
            del table[name]
        valid, refused = check_settings(table, path.name)
        for refusal in refused:
            _log.warning("Preset %s: skipping a setting: %s", path, refusal.english())
        preset.update(valid)
    return preset


def apply_system_preset(
    settings_file: Path,
    paths: Iterable[Path] | None = None,
    *,
    today: date | None = None,
    notices: list[str] | None = None,
) -> bool:
    """On a person's first start (no settings file yet), write the preset as their settings.

    Returns True when a preset was written. `paths` defaults to `system_preset_paths()`. The
    settings file is created exclusively under its lock, so a preset never overwrites settings
    another Companion wrote a moment ago. A damaged preset is set aside (NAME.bad-DATE) when
    Companion may move it, and one sentence for the person and the helper goes to `notices`
    (untranslated: the caller translates it once the language is known).
    """
    with locked(settings_file):
        if settings_file.exists():
            return False
        bad: list[Path] = []
        preset = load_system_preset(system_preset_paths() if paths is None else paths, bad)
        for path in bad:
            if today is not None:
                set_aside(path, today)
            sentence = N_(
                "The settings file a helper left on this computer could not be read, "
                "so Companion used its usual settings."
            )
            if notices is not None and sentence not in notices:
                notices.append(sentence)
        if not preset:
            return False
        data = json.dumps(preset, indent=2, sort_keys=True).encode("utf-8")
        if not create_file_exclusively(settings_file, data):
            return False
    _log.info("First start: settings taken from the preset (%s)", ", ".join(sorted(preset)))
    return True
