"""Change my PIN from Settings: the PIN as it is now (a wrong one grows the wait), the new lock,
the new PIN twice, done. Real SQLCipher files: the database's bytes never change, only the wrap.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.people.profiles import People
from companion.security import WrongSecretError, guessing_time_sentence
from companion.storage import DATABASE_FILE_NAME
from companion.storage.bulk import EVER_END, EVER_START
from tests.ui.helpers import press, type_into
from tests.ui.people_steps import open_account, unlock_mary
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.people.add import ChooseLockScreen, HelperLockScreen, NewSecretScreen
from ui.screens.people.change_pin import ChangedScreen, CurrentSecretScreen
from ui.screens.people.picker import AccountScreen, PeopleScreen

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
PIN = "583920"
NEW_PIN = "7318462"


def type_and_enter(qtbot: QtBot, screen, text: str) -> None:  # type: ignore[no-untyped-def]
    type_into(qtbot, screen.pad.box, text)
    qtbot.keyClick(screen.pad.box, Qt.Key.Key_Return)


def new_pin_twice(qtbot: QtBot, window: MainWindow, pin: str) -> None:
    for _round in range(2):
        screen = window.current()
        assert isinstance(screen, NewSecretScreen)
        type_and_enter(qtbot, screen, pin)


def database_bytes(people: People, person_id: str) -> dict[str, bytes]:
    """The encrypted database and its write-ahead log, byte for byte."""
    folder = people.folder(person_id)
    return {
        p.name: p.read_bytes()
        for p in folder.iterdir()
        if p.name in (DATABASE_FILE_NAME, DATABASE_FILE_NAME + "-wal")
    }


def mary_in(
    qtbot: QtBot, start: Callable[[], MainWindow], people: People, pin: str = PIN
) -> MainWindow:
    mary = people.add("Mary", "pin", pin)
    session = people.unlock(mary.id, pin)
    session.checkins.finish(CheckIn(None, NOW, NOW, "good", frozenset(), "MARY-NOTE", False))
    session.close()
    window = start()
    unlock_mary(qtbot, window, pin)
    return window


def test_a_new_pin_rewraps_the_key_and_leaves_the_database_bytes_alone(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    window = mary_in(qtbot, start, people)
    mary = people.all()[0]
    account = open_account(qtbot, window)
    assert len(account.choices()) <= 6
    before = database_bytes(people, mary.id)
    assert DATABASE_FILE_NAME in before
    press(qtbot, window, "Change my PIN")
    current = window.current()
    assert isinstance(current, CurrentSecretScreen)
    type_and_enter(qtbot, current, "111999")  # not the PIN
    qtbot.waitUntil(lambda: "did not match" in current.status.text())
    assert people.wrong_tries(mary.id) == 1 and isinstance(window.current(), CurrentSecretScreen)
    qtbot.waitUntil(current.next_button.isEnabled)
    type_and_enter(qtbot, current, PIN)
    qtbot.waitUntil(lambda: isinstance(window.current(), ChooseLockScreen))
    assert people.wrong_tries(mary.id) == 0
    lock = window.current()
    assert lock.title() == "How should your notes be locked?"
    press(qtbot, window, "6 or more numbers")
    new_pin_twice(qtbot, window, NEW_PIN)
    qtbot.waitUntil(lambda: isinstance(window.current(), ChangedScreen))
    done = window.current()
    assert done.title() == "Done. Your new PIN is set."
    assert "a PIN of 7 numbers" in done.body_text()
    assert guessing_time_sentence("pin", 7) in done.body_text()
    assert database_bytes(people, mary.id) == before  # rewrapped, never re-encrypted
    press(qtbot, window, "Done")
    back = window.current()
    assert isinstance(back, AccountScreen)
    assert "a PIN of 7 numbers" in back.lock_label.text()

    window.ctx.session.close()
    with pytest.raises(WrongSecretError):
        people.unlock(mary.id, PIN)
    reopened = people.unlock(mary.id, NEW_PIN)
    notes = [c.note for c in reopened.checkins.checkins_between(EVER_START, EVER_END)]
    reopened.close()
    assert notes == ["MARY-NOTE"]


def test_wrong_current_pins_grow_the_same_wait_as_unlocking(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    ctx: AppContext,
) -> None:
    window = mary_in(qtbot, start, people)
    mary = people.all()[0]
    clock = ctx.clock
    assert isinstance(clock, FixedClock)
    open_account(qtbot, window)
    press(qtbot, window, "Change my PIN")
    current = window.current()
    for attempt in range(3):
        type_and_enter(qtbot, current, "111999")
        if attempt < 2:
            qtbot.waitUntil(current.next_button.isEnabled)
    qtbot.waitUntil(lambda: "Please wait 15 seconds" in current.status.text())
    assert not current.next_button.isEnabled() and people.seconds_to_wait(mary.id) == 15
    type_and_enter(qtbot, current, PIN)  # even the right PIN waits its turn
    assert isinstance(window.current(), CurrentSecretScreen)
    clock.advance(15)
    current.refresh_wait()
    assert current.status.text() == "You can try again now." and current.next_button.isEnabled()
    current.pad.clear()
    type_and_enter(qtbot, current, PIN)
    qtbot.waitUntil(lambda: isinstance(window.current(), ChooseLockScreen))
    people.unlock(mary.id, PIN).close()  # nothing changed yet


def test_no_pin_to_a_pin_on_a_shared_pc_offers_no_simpler_lock(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    ctx: AppContext,
) -> None:
    ctx.settings.set("shared_pc", True)
    dad = people.add("Dad", "none", "", chosen_by_caregiver=True)
    window = start()
    picker = window.current()
    assert isinstance(picker, PeopleScreen)
    press(qtbot, window, "Dad")
    qtbot.waitUntil(lambda: not window.ctx.session.is_guest)
    open_account(qtbot, window)
    press(qtbot, window, "Choose a PIN")
    lock = window.current()
    assert isinstance(lock, ChooseLockScreen)  # no current PIN to ask for
    names = [b.accessibleName() for b in lock.choices()]
    assert names == ["6 or more numbers", "A few words"]
    press(qtbot, window, "6 or more numbers")
    new_pin_twice(qtbot, window, PIN)
    qtbot.waitUntil(lambda: isinstance(window.current(), ChangedScreen))
    assert people.get(dad.id).lock == "pin"
    window.ctx.session.close()
    with pytest.raises(WrongSecretError):
        people.unlock(dad.id, "")
    people.unlock(dad.id, PIN).close()


def test_a_helper_can_change_to_no_pin_at_home_after_hearing_the_trade_off(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    window = mary_in(qtbot, start, people)
    mary = people.all()[0]
    open_account(qtbot, window)
    press(qtbot, window, "Change my PIN")
    type_and_enter(qtbot, window.current(), PIN)
    qtbot.waitUntil(lambda: isinstance(window.current(), ChooseLockScreen))
    press(qtbot, window, "A helper chooses something simpler")
    helper = window.current()
    assert isinstance(helper, HelperLockScreen)
    assert "anyone who uses this computer" in helper.body_text()
    assert "can read your notes" in helper.body_text()
    press(qtbot, window, "No PIN")
    qtbot.waitUntil(lambda: isinstance(window.current(), ChangedScreen))
    assert window.current().title() == "Done. Your notes now have no PIN."
    assert people.get(mary.id).lock == "none"
    window.ctx.session.close()
    people.unlock(mary.id, "").close()


def test_a_new_pin_that_is_too_easy_is_refused_and_nothing_changes(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    tmp_path: Path,
) -> None:
    window = mary_in(qtbot, start, people)
    mary = people.all()[0]
    index_before = (people.data_dir / "people.json").read_bytes()
    open_account(qtbot, window)
    press(qtbot, window, "Change my PIN")
    type_and_enter(qtbot, window.current(), PIN)
    qtbot.waitUntil(lambda: isinstance(window.current(), ChooseLockScreen))
    press(qtbot, window, "6 or more numbers")
    secret = window.current()
    type_and_enter(qtbot, secret, "123456")
    assert "one of the first ones people guess" in secret.status.text()
    assert (people.data_dir / "people.json").read_bytes() == index_before
    window.ctx.session.close()
    people.unlock(mary.id, PIN).close()
