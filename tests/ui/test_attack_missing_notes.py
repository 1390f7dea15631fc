"""Attack: the only person's database file is gone. Companion never makes an empty one in its
place: it says the notes are missing and offers to bring them back from a backup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.people.profiles import open_people
from companion.startup import open_start_session
from tests.fast_argon2 import FAST
from tests.ui.runner_wait import wait_for_runner
from ui.app import build_window
from ui.context import AppContext
from ui.screens.people.my_data import RestoreScreen
from ui.shared.people_common import ConfirmInWordsScreen


def test_missing_notes_are_said_and_a_backup_is_offered(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> None:
    ctx = make_ctx(with_person=False, first_run_done=True)
    folder = tmp_path / "pc"
    people = open_people(folder, ctx.clock, keyring=None, argon2=FAST)
    open_start_session(people).session.close()
    database = folder / "people" / people.all()[0].id / "companion.db"
    database.unlink()

    decision = open_start_session(open_people(folder, ctx.clock, keyring=None, argon2=FAST))
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    window.data_opened(people, decision)
    wait_for_runner(qtbot, window)  # the person's own settings are read on the runner first

    offer = window.current()
    assert isinstance(offer, ConfirmInWordsScreen)
    assert offer.title() == "Your notes are missing. Bring them back from a backup?"
    assert "not saved" in offer.body_text()
    assert any('The notes saved for "Me" are missing' in n for n in ctx.startup_notices)
    names = [b.accessibleName() for b in offer.choices()]
    assert names == ["Not now", "Bring back from a backup"]
    qtbot.mouseClick(offer.yes_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.current(), RestoreScreen)
    assert not database.exists()  # nothing was made in its place
