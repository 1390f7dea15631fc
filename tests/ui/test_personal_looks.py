"""Two real people on one shared PC, each with a PIN: Mary at 200% in French, Joe at 100% in
English. Locking and unlocking shows each their own look and voice; the picker and the PIN pad
use the PC's. Real SQLCipher files, real widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from companion.people.profiles import People, open_people
from tests.fast_argon2 import FAST
from tests.ui.launcher import start_like_the_launcher
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import storage_touches_on_this_thread, wait_for_runner
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.home.screen import HomeScreen
from ui.screens.people.picker import PeopleScreen
from ui.screens.people.unlock import UnlockScreen
from ui.start import lock
from ui.widgets.big_button import BigButton


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
def window(qtbot: QtBot, ctx: AppContext, people: People) -> MainWindow:
    return start_like_the_launcher(qtbot, ctx, people)


def unlock(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
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
    qtbot: QtBot, window: MainWindow, ctx: AppContext, speech: RecordingSpeech
) -> None:
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


def points_of(widget: QWidget) -> int:
    widget.ensurePolished()
    return widget.font().pointSize()


def pressable(screen: QWidget, name: str) -> BigButton:
    return next(b for b in screen.findChildren(BigButton) if b.accessibleName() == name)


def digit_points(window: MainWindow) -> int:
    return points_of(pressable(window.current(), "5"))


def test_a_persons_own_text_size_shows_on_their_name_and_pin_pad_only(
    qtbot, window: MainWindow, ctx: AppContext, people: People
) -> None:  # type: ignore[no-untyped-def]
    """Mary chose 200%: her name button and her PIN pad are big at the picker (people.json
    keeps her size, nothing else of her settings); Joe's and the rest stay at the PC's 100%."""
    mary, joe = (next(p for p in people.all() if p.name == n) for n in ("Mary", "Joe"))
    unlock(qtbot, window, "Mary", "583920")
    ctx.settings.set("text_scale", 200)  # as her Settings screens do
    ctx.settings.set("language", "fr")
    qtbot.waitUntil(lambda: people.get(mary.id).text_scale == 200, timeout=10000)
    lock(ctx)
    picker = window.current()
    assert isinstance(picker, PeopleScreen) and body_points() == "18pt"
    assert window.top_bar.home_button.label() == "Home"  # her language stays locked away
    assert points_of(pressable(picker, "Mary")) == 36
    assert points_of(pressable(picker, "Joe")) == 18
    assert points_of(pressable(picker, "Add a person")) == 18

    qtbot.mouseClick(pressable(picker, "Mary"), Qt.MouseButton.LeftButton)
    assert isinstance(window.current(), UnlockScreen)
    # Her body size on Open; the digits at least that (64 where there is room; where the window
    # is short of it, the screen-fit layout of #15 keeps them to her body size).
    assert points_of(pressable(window.current(), "Open")) == 36 and digit_points(window) >= 36
    assert points_of(window.top_bar.home_button) == 18  # the window's own bar stays the PC's
    window.back()
    qtbot.mouseClick(pressable(window.current(), "Joe"), Qt.MouseButton.LeftButton)
    assert digit_points(window) == 32 and points_of(pressable(window.current(), "Open")) == 18
    window.back()

    unlock(qtbot, window, "Mary", "583920")  # her own settings apply as before
    assert body_points() == "36pt" and window.top_bar.home_button.label() == "Accueil"
    ctx.settings.set("text_scale", 150)
    qtbot.waitUntil(lambda: people.get(mary.id).text_scale == 150, timeout=10000)
    lock(ctx)
    assert points_of(pressable(window.current(), "Mary")) == 27
    assert people.get(joe.id).text_scale is None


def test_her_look_is_read_off_the_ui_thread_and_home_never_shows_in_another(
    qtbot: QtBot,
    window: MainWindow,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unlock(qtbot, window, "Mary", "583920")
    ctx.settings.set("text_scale", 200)  # kept in her own data
    lock(ctx)
    wait_for_runner(qtbot, ctx)
    read_on_ui_thread = storage_touches_on_this_thread(monkeypatch)
    homes_seen_at: list[str] = []  # the text size each time Home comes on screen
    window.stack.currentChanged.connect(
        lambda _index: (
            homes_seen_at.append(body_points())
            if isinstance(window.current(), HomeScreen)
            else None
        )
    )
    unlock(qtbot, window, "Mary", "583920")
    assert read_on_ui_thread == []  # her settings were read on the runner, with her data
    assert homes_seen_at == ["36pt"]  # her Home came once, already at her 200%
