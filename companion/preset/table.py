"""Read a preset file's table of settings, capped, or say in one word why it cannot be used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from companion.files import SMALL_FILE_BYTES, UnreadableFileError, read_json_capped

MAX_PRESET_BYTES = SMALL_FILE_BYTES
MAX_PRESET_DEPTH = 4
# A file that is there but can never be a preset; a start sets it aside (NAME.bad-DATE).
DAMAGED_REASONS: frozenset[str] = frozenset({"damaged", "too_big", "not_a_preset"})


class PresetFileError(Exception):
    """The file cannot be used as a preset; `reason` says why ("missing", "unreadable",
    "damaged", "too_big", "not_a_preset") so the screen can say it in the person's words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_preset_table(path: Path) -> dict[str, Any]:
    """The table of setting names and values in `path` (not yet checked against SETTINGS).

    Raises PresetFileError; never reads more than MAX_PRESET_BYTES."""
    try:
        stored = read_json_capped(path, MAX_PRESET_BYTES, max_depth=MAX_PRESET_DEPTH)
    except FileNotFoundError as exc:
        raise PresetFileError("missing") from exc
    except UnreadableFileError as exc:
        raise PresetFileError("too_big" if exc.reason == "too big" else "damaged") from exc
    except OSError as exc:
        raise PresetFileError("unreadable") from exc
    if not isinstance(stored, dict):
        raise PresetFileError("not_a_preset")
    return stored
