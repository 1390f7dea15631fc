"""Where Companion keeps its data and finds its content (COMPANION_DATA_DIR overrides the data)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_VARIABLE = "COMPANION_DATA_DIR"
CONTENT_DIR_VARIABLE = "COMPANION_CONTENT_DIR"
APP_NAME = "Companion"


def data_dir() -> Path:
    """The folder that holds all of this PC's Companion data (created owner-only if missing)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def logs_dir(base: Path) -> Path:
    path = base / "logs"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def content_dir() -> Path:
    """The shipped content/ folder: from the environment, a frozen bundle, or the source tree."""
    override = os.environ.get(CONTENT_DIR_VARIABLE)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "content"
    return Path(__file__).resolve().parent.parent / "content"
