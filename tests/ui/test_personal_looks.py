"""Two real people on one shared PC, each with a PIN: Mary at 200% in French, Joe at 100% in
English. Locking and unlocking shows each their own look and voice; the picker and the PIN pad
use the PC's. Real SQLCipher files, real widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from companion.i18n import set_language
from companion.profiles import People, open_people
from tests.fast_argon2 import FAST
from tests.ui.launcher import start_like_the_launcher
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.home import HomeScreen
from ui.screens.people import PeopleScreen
from ui.start import lock


@pytest.fixture
def ctx(make_ctx: Callable[..., AppContext]) -> Iterator[AppContext]:
    yield make_ctx(shared_pc=True)
    set_language("en")


@pytest.fixture
def people(tmp_path: Path, ctx: AppContext) -> People:
    found = open_people(tmp_path / "data", ctx.clock, keyring=None, argon2=FAST)
    found.add("Mary", "pin", "583920")
    found.add("Joe", "pin", "730285")
    return found


@pytest.fixture
def window(qtbot, ctx: AppContext, people: People) -> MainWindow:  # type: ignore[no-untyped-def]
    return start_like_the_launcher(qtbot, ctx, people)


def unlock(qtbot, window: MainWindow, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    picker = window.current()
    assert isinstance(picker, PeopleScreen)
    tile = next(t for t in picker.person_tiles.values() if t.label().startswith(name))
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    box = window.current().findChild(QLineEdit)
    box.insert(pin)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.current(), HomeScreen), timeout=10000)
    wait_for_runner(qtbot, window.ctx)  # her own look is read from her data in the background


def body_points() -> str:
    sheet = QApplication.instance().styleSheet()  # type: ignore[union-attr]
    return sheet.split("font-size: ", 1)[1].split(";", 1)[0]


def test_each_person_gets_their_own_look_and_voice_and_the_picker_the_pcs(
    qtbot, window: MainWindow, ctx: AppContext, speech
) -> None:  # type: ignore[no-untyped-def]
    assert body_points() == "18pt"
    unlock(qtbot, window, "Mary", "583920")
    ctx.settings.set("text_scale", 200)  # as her Settings screens do
    ctx.settings.set("language", "fr")
    ctx.settings.set("speech_rate", 110)
    assert body_points() == "36pt" and window.top_bar.home_button.label() == "Accueil"
    lock(ctx)
    wait_for_runner(qtbot, ctx)
    assert isinstance(window.current(), PeopleScreen)
    assert body_points() == "18pt" and window.top_bar.home_button.label() == "Home"

    unlock(qtbot, window, "Joe", "730285")
    assert body_points() == "18pt" and window.top_bar.home_button.label() == "Home"
    assert speech.settings is not None and speech.settings[0] == 150
    ctx.settings.set("theme", "dark")
    lock(ctx)
    wait_for_runner(qtbot, ctx)
    assert ctx.settings.get("theme") == "standard"  # the picker keeps the PC's colours

    unlock(qtbot, window, "Mary", "583920")
    assert body_points() == "36pt" and window.top_bar.home_button.label() == "Accueil"
    assert speech.settings is not None and speech.settings[:2] == (110, 90)
    assert ctx.settings.get("theme") == "standard"  # Joe's dark stays Joe's
    lock(ctx)
    wait_for_runner(qtbot, ctx)
    # The PC's own file never took either person's look.
    assert ctx.settings.get("text_scale") == 100 and ctx.settings.get("language") == "en"
