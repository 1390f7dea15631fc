"""Test-wide setup: every test gets its own empty data folder; Qt runs offscreen."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "companion-data"
    monkeypatch.setenv("COMPANION_DATA_DIR", str(folder))
    yield folder


UI_CODE = Path(__file__).resolve().parent.parent / "ui"
TEST_CODE = Path(__file__).resolve().parent


def _called_by_test_code() -> bool:
    """Whose call is it? The nearest caller in ui/ or tests/ decides: a test arranging or
    checking its data on its own thread is allowed; the UI's code never is."""
    frame = sys._getframe(2)
    while frame is not None:
        where = frame.f_code.co_filename
        if where.startswith(str(UI_CODE)):
            return False
        if where.startswith(str(TEST_CODE)):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


@pytest.fixture(autouse=True)
def _storage_guard(request: pytest.FixtureRequest) -> Iterator[None]:
    """In every test with a Qt application its thread is the UI thread, and the UI's code may
    not touch storage on it (companion.storage_guard), as in `companion --debug`."""
    from companion.storage_guard import (
        GuardMode,
        forbid_storage_on_this_thread,
        lift_storage_guard,
    )

    if "qapp" in request.fixturenames or "qtbot" in request.fixturenames:
        forbid_storage_on_this_thread(GuardMode.RAISE, exempt=_called_by_test_code)
    yield
    lift_storage_guard()
