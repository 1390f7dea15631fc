"""What the tray tests share: Companion running in the background with its window closed, on a
Monday morning (tray_setup.py), and the notifications it shows, recorded. `people` here is the
Monday PC's, in place of the suite's own."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from companion.people.profiles import People
from tests.ui.tray.tray_setup import (
    RecordingNotifications,
    people_on_monday,
    running_in_background,
)
from ui.context import AppContext
from ui.tray import BackgroundCompanion


@pytest.fixture
def sink() -> RecordingNotifications:
    return RecordingNotifications()


@pytest.fixture
def people(tmp_path: Path) -> People:
    return people_on_monday(tmp_path)


@pytest.fixture
def background(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People, sink: RecordingNotifications
) -> Iterator[BackgroundCompanion]:
    with running_in_background(qtbot, make_ctx, people, sink) as found:
        yield found
