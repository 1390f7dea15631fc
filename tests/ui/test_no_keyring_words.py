"""No keyring and no PIN: where the lock is chosen and shown, the screens say that a copied
folder opens the notes, recommend a PIN, and never call those notes "locked"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from tests.ui.helpers import press
from tests.ui.launcher import open_new_pc
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.people.my_data import KeepsScreen
from ui.screens.setup import start_first_run
from ui.screens.setup.no_pin_check import NoPinCheckScreen
from ui.screens.setup.steps import LockStepScreen, SafetyStepScreen

COPY_OPENS = "copies Companion's folder"


@pytest.fixture
def no_keyring_pc(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    """A new PC with no keyring, as the launcher opens it: "Me" with no PIN."""
    monkeypatch.setenv("COMPANION_KEYRING", "none")
    ctx = make_ctx()
    window = open_new_pc(qtbot, ctx, tmp_path / "data")
    yield window
    set_language("en")
    if ctx.session is not None:
        ctx.session.close()


def words_on(window: MainWindow) -> str:
    return " ".join(label.text() for label in window.current().findChildren(QLabel))


def test_the_first_run_says_what_no_pin_means_here_and_recommends_one(
    qtbot: QtBot,
    no_keyring_pc: MainWindow,
) -> None:
    window = no_keyring_pc
    start_first_run(window)
    wait_for_runner(qtbot, window.ctx)  # where it stopped is read first
    for name in ("English", "Next", "Next", "Next", "Just me", "Next"):
        press(qtbot, window, name)
    window.current().findChild(QLineEdit).setText("Mary")
    press(qtbot, window, "Next")
    assert isinstance(window.current(), LockStepScreen)
    words = words_on(window)
    assert COPY_OPENS in words and "We recommend a PIN" in words
    no_pin = next(b for b in window.current().choices() if b.label() == "No PIN")
    assert COPY_OPENS in no_pin.accessibleDescription()  # a screen reader hears it too
    # Folded on the step where room is short, so it is asked again before it counts.
    press(qtbot, window, "No PIN")
    check = window.current()
    assert isinstance(check, NoPinCheckScreen) and COPY_OPENS in words_on(window)
    press(qtbot, window, "Choose a PIN")
    assert isinstance(window.current(), LockStepScreen)
    press(qtbot, window, "No PIN")
    press(qtbot, window, "Yes, no PIN")
    assert isinstance(window.current(), SafetyStepScreen)
    assert window.current().run.flow.answers.lock == "none"  # type: ignore[attr-defined]


def test_what_companion_keeps_never_calls_notes_with_no_pin_locked(
    no_keyring_pc: MainWindow,
) -> None:
    window = no_keyring_pc
    window.push(KeepsScreen(window.ctx))
    words = words_on(window)
    assert COPY_OPENS in words
    assert "locked" not in words.lower()
