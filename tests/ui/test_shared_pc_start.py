"""Who is using Companion, for real: nobody slips past the picker as a silent guest, a guest is
always told nothing is kept, and a PC one person uses opens on that person's own PIN pad.

Real SQLCipher files, real widgets, pressed the way people press them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from companion.people.profiles import People, guest_session, open_people
from tests.fast_argon2 import FAST
from tests.ui.launcher import start_like_the_launcher
from tests.ui.recording_speech import RecordingSpeech
from ui.context import AppContext
from ui.screens.home.screen import HomeScreen
from ui.screens.people.picker import PeopleScreen
from ui.screens.people.unlock import UnlockScreen

GUEST_SENTENCE = "You are a guest. Nothing you do is kept."


@pytest.fixture
def ctx(make_ctx: Callable[..., AppContext]) -> Iterator[AppContext]:
    yield make_ctx()
    set_language("en")


@pytest.fixture
def people(tmp_path: Path, ctx: AppContext) -> People:
    return open_people(tmp_path / "data", ctx.clock, keyring=None, argon2=FAST)


def press(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_esc_back_and_home_on_the_picker_never_let_anyone_in_as_a_guest(
    qtbot: QtBot, ctx: AppContext, people: People
) -> None:
    people.add("Mary", "pin", "583920")
    people.add("Joe", "pin", "730285")
    window = start_like_the_launcher(qtbot, ctx, people)
    assert isinstance(window.current(), PeopleScreen)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert isinstance(window.current(), PeopleScreen)
    assert not window.top_bar.back_button.isEnabled()
    press(qtbot, window.top_bar.home_button)
    assert isinstance(window.current(), PeopleScreen)
    assert not window.guest_band.isVisible()  # nobody is using Companion yet


def test_home_from_a_pin_pad_goes_back_to_the_picker(
    qtbot: QtBot, ctx: AppContext, people: People
) -> None:
    people.add("Mary", "pin", "583920")
    people.add("Joe", "pin", "730285")
    window = start_like_the_launcher(qtbot, ctx, people)
    press(qtbot, next(iter(window.current().person_tiles.values())))
    assert isinstance(window.current(), UnlockScreen)
    press(qtbot, window.top_bar.home_button)
    assert isinstance(window.current(), PeopleScreen)


def test_a_guest_is_told_in_words_and_hears_it_first(
    qtbot: QtBot, ctx: AppContext, people: People, speech: RecordingSpeech
) -> None:
    people.add("Mary", "pin", "583920")
    people.add("Joe", "pin", "730285")
    window = start_like_the_launcher(qtbot, ctx, people)
    press(qtbot, window.current().guest_button)
    assert isinstance(window.current(), HomeScreen) and ctx.session.is_guest
    assert window.guest_band.isVisible() and window.guest_band.text() == GUEST_SENTENCE
    assert window.guest_band.accessibleName() == GUEST_SENTENCE
    speech.queued.clear()
    press(qtbot, window.top_bar.read_button)
    assert speech.texts()[0] == GUEST_SENTENCE
    ctx.settings.set("language", "fr")
    assert window.guest_band.text() == "Mode invité : rien n’est gardé."


def test_a_person_never_sees_the_guest_band(qtbot: QtBot, ctx: AppContext, people: People) -> None:
    people.add("Mary", "none", "", chosen_by_caregiver=True)
    people.add("Joe", "pin", "730285")
    window = start_like_the_launcher(qtbot, ctx, people)
    mary = next(t for t in window.current().person_tiles.values() if "Mary" in t.label())
    press(qtbot, mary)
    qtbot.waitUntil(lambda: not ctx.session.is_guest, timeout=10000)
    assert isinstance(window.current(), HomeScreen)
    assert not window.guest_band.isVisible()
    assert window.top_bar.back_button.isEnabled() is False


def test_a_pc_one_person_uses_opens_on_their_pin_pad(
    qtbot: QtBot, ctx: AppContext, people: People
) -> None:
    people.add("Mary", "pin", "583920")
    window = start_like_the_launcher(qtbot, ctx, people)
    pad = window.current()
    assert isinstance(pad, UnlockScreen) and pad.title() == "Hello, Mary. Please type your PIN."
    box = pad.findChild(QLineEdit)
    box.insert("583920")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not ctx.session.is_guest, timeout=10000)
    assert isinstance(window.current(), HomeScreen) and ctx.session.display_name == "Mary"
    assert not window.top_bar.back_button.isEnabled()  # the picker and the pad are gone


def test_someone_else_on_the_one_person_pad_shows_the_picker(
    qtbot: QtBot, ctx: AppContext, people: People
) -> None:
    people.add("Mary", "pin", "583920")
    window = start_like_the_launcher(qtbot, ctx, people)
    pad = window.current()
    assert isinstance(pad, UnlockScreen)
    column = pad.paged_grid()
    assert column is not None
    while not pad.someone_else_button.isVisible():  # a small screen pages: "More choices"
        press(qtbot, column.page_button)
    press(qtbot, pad.someone_else_button)
    picker = window.current()
    assert isinstance(picker, PeopleScreen) and picker.guest_button.isVisible()


def test_the_picker_still_opens_for_several_people(
    qtbot: QtBot, ctx: AppContext, people: People
) -> None:
    people.add("Mary", "pin", "583920")
    people.add("Joe", "none", "", chosen_by_caregiver=True)
    window = start_like_the_launcher(qtbot, ctx, people)
    assert isinstance(window.current(), PeopleScreen)


def test_lock_shows_the_picker_with_no_guest_band(
    qtbot: QtBot, ctx: AppContext, people: People
) -> None:
    from ui.start import lock

    people.add("Mary", "pin", "583920")
    people.add("Joe", "pin", "730285")
    window = start_like_the_launcher(qtbot, ctx, people)
    press(qtbot, window.current().guest_button)
    lock(ctx)
    assert isinstance(window.current(), PeopleScreen)
    assert not window.guest_band.isVisible()
    assert ctx.session is not None and ctx.session is not guest_session()
