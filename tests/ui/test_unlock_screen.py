"""The PIN pad: tapping, typing, pasting; the growing wait on the test clock; both forgot routes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from pytestqt.qtbot import QtBot

from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.people.profiles import People
from companion.security import WrongSecretError
from companion.security.device_secret import FALLBACK_FILE_NAME
from tests.ui.helpers import on_home_with_nothing_behind, press, type_into
from tests.ui.recording_speech import RecordingSpeech
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.people.add import NewSecretScreen
from ui.screens.people.picker import PeopleScreen
from ui.screens.people.unlock import ForgotScreen, UnlockScreen
from ui.shared.people_common import ConfirmInWordsScreen, seconds_in_words

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
PIN = "583920"


def open_pad(qtbot: QtBot, window: MainWindow) -> UnlockScreen:
    picker = window.current()
    assert isinstance(picker, PeopleScreen)
    press(qtbot, window, "Mary")
    screen = window.current()
    assert isinstance(screen, UnlockScreen)
    return screen


def tap(qtbot: QtBot, screen: UnlockScreen, digits: str) -> None:
    for digit in digits:
        key = next(k for k in screen.pad.keys if k.label() == digit)
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)


def opened(window: MainWindow) -> bool:
    return window.ctx.session is not None and not window.ctx.session.is_guest


def test_tapping_the_pad_opens_and_the_screen_says_opening_meanwhile(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    people.add("Mary", "pin", PIN)
    window = start()
    screen = open_pad(qtbot, window)
    assert all(k.width() >= 64 and k.height() >= 64 for k in screen.pad.keys)
    tap(qtbot, screen, PIN[:-1] + "7")
    press(qtbot, window, "Delete last")  # "Delete last"
    tap(qtbot, screen, PIN[-1])
    assert screen.pad.box.echoMode() == screen.pad.box.EchoMode.Password
    press(qtbot, window, "Show my PIN")
    assert screen.pad.box.text() == PIN and screen.pad.show_key.label() == "Hide my PIN"
    assert screen.pad.box.echoMode() == screen.pad.box.EchoMode.Normal
    press(qtbot, window, "Open", wait=False)
    assert screen.status.text() == "Opening…" and not screen.open_button.isEnabled()
    qtbot.waitUntil(lambda: opened(window))
    assert window.ctx.session.display_name == "Mary" and on_home_with_nothing_behind(window)


def test_typing_and_pasting_open_too(
    qtbot: QtBot, start: Callable[[], MainWindow], people: People
) -> None:
    people.add("Mary", "pin", PIN)
    window = start()
    screen = open_pad(qtbot, window)
    assert window.focusWidget() is screen.pad.box  # typing works at once
    QGuiApplication.clipboard().setText(f" {PIN} ")
    qtbot.keySequence(screen.pad.box, QKeySequence.StandardKey.Paste)
    assert screen.pad.text() == PIN
    qtbot.keyClick(screen.pad.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened(window))


def test_prompts_are_spoken_when_speech_is_on(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    ctx: AppContext,
    speech: RecordingSpeech,
) -> None:
    ctx.settings.set("read_steps_aloud", True)
    people.add("Mary", "pin", PIN)
    window = start()
    open_pad(qtbot, window)
    assert "Hello, Mary. Please type your PIN." in speech.texts()


def test_a_wrong_pin_shows_the_growing_wait_counted_down_on_the_clock(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    ctx: AppContext,
    speech: RecordingSpeech,
) -> None:
    ctx.settings.set("talking_buttons", True)
    people.add("Mary", "pin", PIN)
    clock = ctx.clock
    assert isinstance(clock, FixedClock)
    window = start()
    screen = open_pad(qtbot, window)
    for attempt in range(3):  # three free tries, then the wait starts
        type_into(qtbot, screen.pad.box, "111999")
        qtbot.keyClick(screen.pad.box, Qt.Key.Key_Return)
        if attempt < 2:
            qtbot.waitUntil(lambda: "did not match" in screen.status.text())
            qtbot.waitUntil(screen.open_button.isEnabled)
    qtbot.waitUntil(lambda: "Please wait 15 seconds" in screen.status.text())
    assert not screen.open_button.isEnabled() and screen.wait_timer.isActive()
    assert screen.pad.box.isEnabled()  # typing is never blocked, only Open waits
    assert any("Please wait 15 seconds" in t for t in speech.texts())
    clock.advance(6)
    screen.refresh_wait()
    assert "Please wait 9 seconds" in screen.status.text()
    clock.advance(9)
    screen.refresh_wait()
    assert screen.status.text() == "You can try again now." and screen.open_button.isEnabled()
    type_into(qtbot, screen.pad.box, PIN)
    qtbot.keyClick(screen.pad.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened(window))


def test_a_wait_from_before_shows_as_soon_as_the_pad_opens(
    qtbot: QtBot, start: Callable[[], MainWindow], people: People, ctx: AppContext
) -> None:
    mary = people.add("Mary", "pin", PIN)
    for _try in range(3):
        with pytest.raises(WrongSecretError):
            people.unlock(mary.id, "000999")
    window = start()
    screen = open_pad(qtbot, window)
    assert "Please wait 15 seconds" in screen.status.text()
    assert not screen.open_button.isEnabled()


def test_seconds_are_said_in_words() -> None:
    assert seconds_in_words(1) == "1 second"
    assert seconds_in_words(45) == "45 seconds"
    assert seconds_in_words(60) == "1 minute"
    assert seconds_in_words(150) == "2 minutes and 30 seconds"


def test_a_missing_safe_key_is_one_sentence_and_nothing_opens(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    people.add("Mary", "pin", PIN)
    (people.data_dir / FALLBACK_FILE_NAME).unlink()
    window = start()
    screen = open_pad(qtbot, window)
    type_into(qtbot, screen.pad.box, PIN)
    qtbot.keyClick(screen.pad.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "safe key" in screen.status.text())
    assert screen.status.text().count(".") <= 2 and window.ctx.session.is_guest


def test_forgot_pin_with_the_recovery_code_sets_a_new_pin_and_keeps_the_notes(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    code = "K3F9-2XQM-7TRW-4BNP-8CDE"
    mary = people.add("Mary", "pin", PIN, recovery_code=code)
    session = people.unlock(mary.id, PIN)
    session.checkins.finish(CheckIn(None, NOW, NOW, "good", frozenset(), "my note", False))
    session.close()
    window = start()
    open_pad(qtbot, window)
    press(qtbot, window, "I forgot my PIN")
    forgot = window.current()
    assert isinstance(forgot, ForgotScreen)
    type_into(qtbot, forgot.code_box, "k3f9 2xqm 7trw 4bnp 8cdX")
    qtbot.keyClick(forgot.code_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "did not match" in forgot.status.text())
    forgot.code_box.clear()
    type_into(qtbot, forgot.code_box, code.lower().replace("-", " "))
    press(qtbot, window, "Next")
    qtbot.waitUntil(lambda: isinstance(window.current(), NewSecretScreen))
    for _round in range(2):
        new = window.current()
        type_into(qtbot, new.pad.box, "731846")
        qtbot.keyClick(new.pad.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened(window))
    notes = [
        c.note for c in window.ctx.session.checkins.checkins_between(NOW, NOW.replace(hour=13))
    ]
    assert notes == ["my note"]
    window.ctx.session.close()
    people.unlock(mary.id, "731846").close()


def test_fresh_start_without_a_code_removes_the_person_unopened(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    mary = people.add("Mary", "pin", PIN)
    folder = people.folder(mary.id)
    window = start()
    open_pad(qtbot, window)
    press(qtbot, window, "I forgot my PIN")
    forgot = window.current()
    assert forgot.title() == "A helper can start Mary afresh"
    press(qtbot, window, "Start afresh")
    confirm = window.current()
    assert isinstance(confirm, ConfirmInWordsScreen)
    assert confirm.title() == "Delete Mary and all of Mary's check-ins? This cannot be undone."
    press(qtbot, window, "Yes, delete Mary")
    assert not folder.exists() and people.all() == []
    picker = window.current()
    assert isinstance(picker, PeopleScreen) and picker.person_tiles == {}
    assert len(window._screens) == 2  # Home under the picker, nothing else
