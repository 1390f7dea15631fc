"""Who is using Companion: add a person step by step, guest, rename, delete confirmed in words.

Real SQLCipher files in a temporary folder, real widgets, fast Argon2 settings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.checkin.models import CheckIn
from companion.people.profiles import People
from companion.security import guessing_time_sentence
from tests.ui.helpers import on_home_with_nothing_behind, press, type_into
from tests.ui.people_steps import open_account, unlock_mary
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.people.add import (
    AddNameScreen,
    ChooseLockScreen,
    HelperLockScreen,
    NewSecretScreen,
    RecoveryChoiceScreen,
    RecoveryCodeScreen,
)
from ui.screens.people.picker import PeopleScreen, RenameScreen
from ui.shared.people_common import ConfirmInWordsScreen

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def add_mary_with_pin(qtbot: QtBot, window: MainWindow, pin: str = "583920") -> None:
    picker = window.current()
    assert isinstance(picker, PeopleScreen)
    press(qtbot, window, "Add a person")
    name = window.current()
    assert isinstance(name, AddNameScreen)
    type_into(qtbot, name.name_box, "Mary Brown")
    press(qtbot, window, "Next")
    assert isinstance(window.current(), ChooseLockScreen)
    press(qtbot, window, "6 or more numbers")
    for _round in range(2):
        secret = window.current()
        assert isinstance(secret, NewSecretScreen)
        for digit in pin:  # tapped on the pad
            press(qtbot, window, digit)
        press(qtbot, window, "Next")
    assert isinstance(window.current(), RecoveryChoiceScreen)


def test_the_picker_offers_people_guest_and_add(
    start: Callable[[], MainWindow], people: People
) -> None:
    people.add("Mary Brown", "pin", "583920")
    people.add("Sam", "pin", "907364")
    window = start()
    picker = window.current()
    assert isinstance(picker, PeopleScreen)
    names = [b.accessibleName() for b in picker.choices()]
    assert names == ["Mary Brown", "Sam", "Guest (nothing is kept)", "Add a person"]
    assert all(b.width() >= 64 and b.height() >= 64 for b in picker.choices())
    assert not picker.person_tiles[people.all()[0].id].icon().isNull()  # initials in colour


def test_seven_people_page_with_more_people_and_never_more_than_six_tiles(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    for index in range(7):
        people.add(f"Person {chr(65 + index)}", "pin", "583920")
    window = start()
    seen: list[str] = []
    for _page in range(3):
        picker = window.current()
        assert isinstance(picker, PeopleScreen) and len(picker.choices()) <= 6
        seen += [b.accessibleName() for b in picker.person_tiles.values()]
        qtbot.mouseClick(picker.more_button, Qt.MouseButton.LeftButton)
    assert seen == [p.name for p in people.all()]


def test_add_a_person_with_a_pin_and_a_recovery_code_opens_their_own_data(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    window = start()
    add_mary_with_pin(qtbot, window)
    press(qtbot, window, "Make a recovery code")
    shown = window.current()
    assert isinstance(shown, RecoveryCodeScreen)
    code = shown.code_label.text()
    assert len(code.replace("-", "")) == 20
    press(qtbot, window, "I have written it down")
    qtbot.waitUntil(lambda: window.ctx.session is not None and not window.ctx.session.is_guest)
    assert window.ctx.session.display_name == "Mary Brown"
    assert on_home_with_nothing_behind(window)
    mary = people.all()[0]
    assert mary.lock == "pin" and mary.has_recovery_code
    assert code not in (people.data_dir / "people.json").read_text()


def test_a_common_pin_is_refused_in_one_sentence(
    qtbot: QtBot, start: Callable[[], MainWindow]
) -> None:
    window = start()
    press(qtbot, window, "Add a person")
    type_into(qtbot, window.current().name_box, "Mary")
    qtbot.keyClick(window.current().name_box, Qt.Key.Key_Return)
    press(qtbot, window, "6 or more numbers")
    secret = window.current()
    type_into(qtbot, secret.pad.box, "123456")
    qtbot.keyClick(secret.pad.box, Qt.Key.Key_Return)
    assert "one of the first ones people guess" in secret.status.text()
    assert secret.first is None


def test_a_helper_lock_says_its_trade_off_and_is_hidden_on_a_shared_pc(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    window = start()
    press(qtbot, window, "Add a person")
    type_into(qtbot, window.current().name_box, "Dad")
    qtbot.keyClick(window.current().name_box, Qt.Key.Key_Return)
    press(qtbot, window, "A helper chooses something simpler")
    helper_screen = window.current()
    assert isinstance(helper_screen, HelperLockScreen)
    assert "never on a shared computer" in helper_screen.body_text()
    assert "anyone who uses this computer" in helper_screen.body_text()
    assert "can read your notes" in helper_screen.body_text()
    press(qtbot, window, "No PIN")
    press(qtbot, window, "No code")
    qtbot.waitUntil(lambda: window.ctx.session is not None and not window.ctx.session.is_guest)
    assert people.all()[0].lock == "none"


def test_guest_writes_nothing_to_the_data_folder(
    qtbot: QtBot, start: Callable[[], MainWindow], people: People
) -> None:
    people.add("Mary", "pin", "583920")
    window = start()

    def listing() -> dict[str, tuple[int, int]]:
        return {
            str(p.relative_to(people.data_dir)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in people.data_dir.rglob("*")
        }

    before = listing()
    press(qtbot, window, "Guest (nothing is kept)")
    session = window.ctx.session
    assert session.is_guest and on_home_with_nothing_behind(window)
    session.checkins.finish(CheckIn(None, NOW, NOW, "good", frozenset(), "GUEST-NOTE", False))
    session.preferences.set("x", 1)
    assert listing() == before


def test_rename_changes_the_tile_and_the_session(
    qtbot: QtBot, start: Callable[[], MainWindow], people: People
) -> None:
    people.add("Mary", "pin", "583920")
    window = start()
    unlock_mary(qtbot, window)
    open_account(qtbot, window)
    press(qtbot, window, "Change my name")
    rename = window.current()
    assert isinstance(rename, RenameScreen)
    rename.name_box.clear()
    type_into(qtbot, rename.name_box, "Mary B")
    qtbot.keyClick(rename.name_box, Qt.Key.Key_Return)
    assert [p.name for p in people.all()] == ["Mary B"]
    assert window.ctx.session.display_name == "Mary B"


def test_delete_is_confirmed_in_words_and_removes_the_files(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    mary = people.add("Mary", "pin", "583920")
    window = start()
    unlock_mary(qtbot, window)
    folder = people.folder(mary.id)
    assert folder.exists()
    open_account(qtbot, window)
    press(qtbot, window, "Remove me from this computer")
    confirm = window.current()
    assert isinstance(confirm, ConfirmInWordsScreen)
    assert confirm.title() == "Delete Mary and all of Mary's check-ins? This cannot be undone."
    assert confirm.choices()[0].accessibleName() == "No, keep Mary"  # the safe answer first
    press(qtbot, window, "No, keep Mary")
    assert folder.exists() and people.all()
    press(qtbot, window, "Remove me from this computer")
    press(qtbot, window, "Yes, delete Mary")
    assert not folder.exists() and people.all() == []
    assert window.ctx.session.is_guest
    assert isinstance(window.current(), PeopleScreen)


def test_lock_from_settings_shows_the_picker_and_closes_the_data(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    people.add("Mary", "pin", "583920")
    window = start()
    unlock_mary(qtbot, window)
    mary_session = window.ctx.session
    open_account(qtbot, window)
    press(qtbot, window, "Lock and switch person")
    assert mary_session.database is None  # closed
    assert window.ctx.session.is_guest
    assert isinstance(window.current(), PeopleScreen) and len(window._screens) == 2


def test_a_person_with_no_pin_opens_from_the_tile(
    qtbot: QtBot, start: Callable[[], MainWindow], people: People
) -> None:
    people.add("Dad", "none", "", chosen_by_caregiver=True)
    window = start()
    picker = window.current()
    press(qtbot, window, "Dad", wait=False)
    assert picker.status.text() == "Opening…"
    qtbot.waitUntil(lambda: not window.ctx.session.is_guest)
    assert window.ctx.session.display_name == "Dad" and on_home_with_nothing_behind(window)


@pytest.mark.parametrize(
    ("lock", "secret", "said"),
    [
        ("pin", "583920", "Your notes are locked with a PIN of 6 numbers."),
        ("none", "", "Your notes have no PIN."),
    ],
)
def test_settings_says_the_lock_and_how_long_guessing_it_would_take_on_a_shared_pc(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    ctx: AppContext,
    lock: str,
    secret: str,
    said: str,
) -> None:
    ctx.settings.set("shared_pc", True)
    people.add("Mary", lock, secret, chosen_by_caregiver=lock == "none")  # type: ignore[arg-type]
    window = start()
    if lock == "none":
        press(qtbot, window, "Mary")
        qtbot.waitUntil(lambda: not window.ctx.session.is_guest)
    else:
        unlock_mary(qtbot, window, secret)
    account = open_account(qtbot, window)
    words = account.body_text()
    assert said in words and account.lock_label.isVisible()
    assert guessing_time_sentence(lock, len(secret)) in words  # type: ignore[arg-type]
    assert "only your PIN keeps your notes private" in words  # the shared keyring, said plainly
    assert "no keyring" in words  # the tests run on the fallback file
    assert said in " ".join(part.sentence for part in account.reading_order())
