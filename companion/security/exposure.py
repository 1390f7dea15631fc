"""What is and is not protected when this PC has no keyring: said plainly, never called "locked".

With no OS keyring the device secret sits in a private file beside the data. A person with a
PIN is still protected from someone who copies the folder (they must guess the PIN). A person
with no PIN is not: the copied folder alone opens their notes. These sentences say so wherever
the lock is chosen or shown (first run, adding a person, Settings, `--check`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from companion.files import UnreadableFileError, read_json_capped
from companion.i18n import _

_log = logging.getLogger(__name__)

INDEX_FILE_NAME = "people.json"  # companion.people.index's file, read here without the stack


def no_keyring_no_pin_sentence() -> str:
    """For a person with no PIN on a PC with no keyring (their notes are not locked)."""
    return _(
        "This computer has no keyring, so with no PIN anyone who copies Companion's folder "
        "can read your notes. We recommend a PIN."
    )


def no_pin_choice_sentence() -> str:
    """Where "No PIN" is chosen on a PC with no keyring: what it means here, in one sentence."""
    return _(
        "With no PIN, anyone who uses this computer, or who copies Companion's folder, can "
        "read your notes. We recommend a PIN."
    )


def people_without_pin(data_dir: Path) -> list[str]:
    """Names of the people on this PC with no PIN (read from the non-secret list only)."""
    try:
        table = read_json_capped(data_dir / INDEX_FILE_NAME, 2 * 1024 * 1024, 8)
        entries = table["people"]
        return [str(e["name"]) for e in entries if e["keys"]["lock"] == "none"]
    except FileNotFoundError:
        return []
    except (OSError, UnreadableFileError, KeyError, TypeError) as exc:
        _log.info("Could not tell who has no PIN (%s)", type(exc).__name__)
        return []


def no_keyring_check_sentence(data_dir: Path) -> str:
    """For `--check` with no keyring: who is protected by a PIN and who is not."""
    unprotected = people_without_pin(data_dir)
    said = _(
        "No keyring on this computer, so Companion uses its fallback: a private file beside "
        "your data holds the safe key."
    )
    if not unprotected:
        return f"{said} " + _("It still works; a PIN protects each person's notes.")
    names = ", ".join(unprotected)
    return f"{said} " + _(
        "These people have no PIN, so anyone who copies the folder can read their notes: "
        "{names}. Add a PIN in Settings."
    ).format(names=names)
