"""My data: a backup saved with a passphrase restores as a new person with the same check-ins;
CSV; delete everything in words; the honest page about what is kept and where."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.checkin.models import CheckIn
from companion.people.profiles import People
from companion.security import Argon2Params, guessing_time_sentence
from companion.storage.bulk import EVER_END, EVER_START
from tests.ui.helpers import press, type_into
from tests.ui.people_steps import unlock_mary
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.people import my_data
from ui.screens.people.add import AddNameScreen, NewSecretScreen
from ui.screens.people.my_data import BackupScreen, KeepsScreen, MyDataScreen, RestoreScreen
from ui.screens.people.picker import PeopleScreen
from ui.shared.people_common import ConfirmInWordsScreen
from ui.widgets.big_button import BigButton

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
PIN = "583920"
PASSPHRASE = "blue kettle garden song"


@pytest.fixture(autouse=True)
def fast_backups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(my_data, "BACKUP_ARGON2", Argon2Params(1, 8, 1))


def choose_files(monkeypatch: pytest.MonkeyPatch, save: Path | None, opened: Path | None) -> None:
    monkeypatch.setattr(
        my_data.FileDialogs, "save_path", classmethod(lambda cls, parent, name, kind: save)
    )
    monkeypatch.setattr(my_data.FileDialogs, "open_path", classmethod(lambda cls, parent: opened))


def mary_with_checkins(qtbot: QtBot, start: Callable[[], MainWindow], people: People) -> MainWindow:
    mary = people.add("Mary", "pin", PIN)
    session = people.unlock(mary.id, PIN)
    for day in range(3):
        when = NOW - timedelta(days=day)
        session.checkins.finish(
            CheckIn(None, when, when, "good", frozenset({"sleep"}), f"note {day} = é", False)
        )
    session.close()
    window = start()
    unlock_mary(qtbot, window, PIN)
    window.push(MyDataScreen(window.ctx))
    return window


def test_backup_then_restore_as_a_new_person_with_identical_checkins(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup = tmp_path / "mary.companion-backup"
    choose_files(monkeypatch, backup, backup)
    window = mary_with_checkins(qtbot, start, people)
    original = window.ctx.session.checkins.checkins_between(EVER_START, EVER_END)
    press(qtbot, window, "Save a backup")
    screen = window.current()
    assert isinstance(screen, BackupScreen)
    type_into(qtbot, screen.first, PASSPHRASE)
    type_into(qtbot, screen.again, PASSPHRASE + "x")
    press(qtbot, window, "Save the backup")
    assert "not the same" in screen.status.text() and not backup.exists()
    screen.again.clear()
    type_into(qtbot, screen.again, PASSPHRASE)
    qtbot.keyClick(screen.again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "The backup is saved" in screen.status.text())
    assert backup.exists() and b"note 0" not in backup.read_bytes()

    window.back()
    press(qtbot, window, "Restore a backup")
    restore = window.current()
    assert isinstance(restore, RestoreScreen)
    press(qtbot, window, "Choose the backup file")
    type_into(qtbot, restore.passphrase, "wrong words entirely")
    press(qtbot, window, "Open the backup")
    qtbot.waitUntil(lambda: "does not open this backup" in restore.status.text())
    assert len(people.all()) == 1
    restore.passphrase.clear()
    type_into(qtbot, restore.passphrase, PASSPHRASE)
    qtbot.keyClick(restore.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.current(), AddNameScreen))
    name = window.current()
    assert name.name_box.text() == ""  # "Mary" is taken here, so a new name is asked
    type_into(qtbot, name.name_box, "Mary at home")
    press(qtbot, window, "Next")
    press(qtbot, window, "6 or more numbers")
    for _round in range(2):
        pin = window.current()
        assert isinstance(pin, NewSecretScreen)
        type_into(qtbot, pin.pad.box, "731846")
        qtbot.keyClick(pin.pad.box, Qt.Key.Key_Return)
    press(qtbot, window, "No code")  # no code
    qtbot.waitUntil(lambda: window.ctx.session.display_name == "Mary at home")
    restored = window.ctx.session.checkins.checkins_between(EVER_START, EVER_END)
    assert [(c.started_at, c.mood, c.tags, c.note) for c in restored] == [
        (c.started_at, c.mood, c.tags, c.note) for c in original
    ]
    assert [p.name for p in people.all()] == ["Mary", "Mary at home"]


def test_checkins_as_csv_say_the_file_is_not_locked(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "checkins.csv"
    choose_files(monkeypatch, target, None)
    window = mary_with_checkins(qtbot, start, people)
    screen = window.current()
    press(qtbot, window, "Check-ins for a spreadsheet")
    qtbot.waitUntil(lambda: "not locked" in screen.status.text())
    text = target.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "started_at,finished_at,mood,tags,note"
    assert text.count("note ") == 3


def test_cancelling_a_file_dialog_changes_nothing(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose_files(monkeypatch, None, None)
    window = mary_with_checkins(qtbot, start, people)
    screen = window.current()
    press(qtbot, window, "Check-ins for a spreadsheet")
    assert not screen.status.isVisible() and not screen.busy


def test_delete_all_my_data_is_confirmed_in_words(
    qtbot: QtBot, start: Callable[[], MainWindow], people: People
) -> None:
    window = mary_with_checkins(qtbot, start, people)
    folder = people.folder(people.all()[0].id)
    [delete] = [
        b for b in window.current().findChildren(BigButton) if b.label() == "Delete all my data"
    ]
    assert delete.icon_name == "delete"  # a bin, not a back arrow
    press(qtbot, window, "Delete all my data")
    confirm = window.current()
    assert isinstance(confirm, ConfirmInWordsScreen)
    assert confirm.title() == "Delete Mary and all of Mary's check-ins? This cannot be undone."
    press(qtbot, window, "Yes, delete Mary")
    assert not folder.exists() and people.all() == []
    assert isinstance(window.current(), PeopleScreen)


def test_what_companion_keeps_says_where_and_that_the_fallback_file_is_in_use(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
) -> None:
    window = mary_with_checkins(qtbot, start, people)
    press(qtbot, window, "What Companion keeps")
    page = window.current()
    assert isinstance(page, KeepsScreen)
    words = page.body_text()
    assert str(people.data_dir) in words
    assert "encrypted" in words and "sends nothing over the internet" in words
    assert "no keyring" in words  # the tests run with the fallback file: said honestly
    assert "never keeps your notes" in words


def test_a_guest_can_save_a_backup_but_not_delete(
    qtbot: QtBot, start: Callable[[], MainWindow], people: People
) -> None:
    window = start()
    press(qtbot, window, "Guest (nothing is kept)")
    window.push(MyDataScreen(window.ctx))
    names = [b.accessibleName() for b in window.current().choices()]
    assert "Delete all my data" not in names and "Save a backup" in names


@pytest.mark.parametrize(
    ("lock", "secret", "said"),
    [
        ("pin", PIN, "Your notes are locked with a PIN of 6 numbers."),
        ("none", "", "Your notes have no PIN."),
    ],
)
def test_what_companion_keeps_says_the_lock_and_how_long_guessing_it_would_take(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    ctx: AppContext,
    lock: str,
    secret: str,
    said: str,
) -> None:
    ctx.settings.set("shared_pc", True)
    mary = people.add("Mary", lock, secret, chosen_by_caregiver=lock == "none")  # type: ignore[arg-type]
    window = start()
    window.ctx.session = people.unlock(mary.id, secret)
    window.push(MyDataScreen(window.ctx))
    press(qtbot, window, "What Companion keeps")
    page = window.current()
    assert isinstance(page, KeepsScreen)
    words = page.body_text()
    assert said in words and page.lock_label.isVisible()
    assert guessing_time_sentence(lock, len(secret)) in words  # type: ignore[arg-type]
    assert "only your PIN keeps your notes private" in words
    assert "no keyring" in words  # the fallback file, said once on this page
    window.ctx.session.close()


def test_a_guest_sees_no_lock_sentence_on_what_companion_keeps(
    qtbot: QtBot, start: Callable[[], MainWindow]
) -> None:
    window = start()
    window.push(KeepsScreen(window.ctx))
    page = window.current()
    assert not page.lock_label.isVisible() and "PIN of" not in page.body_text()


def test_the_safety_plan_goes_beside_the_csv_and_delete_all_removes_it(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from companion.safety_plan.plan import Part, PlanEntry, SafetyPlan

    marker = "PLANMARKER-csv-delete"
    mary = people.add("Mary", "pin", PIN)
    session = people.unlock(mary.id, PIN)
    session.safety_plan.save(SafetyPlan({Part.REASONS: (PlanEntry(marker),)}))
    session.close()
    target = tmp_path / "mine.csv"
    choose_files(monkeypatch, target, None)
    window = start()
    unlock_mary(qtbot, window, PIN)
    window.push(MyDataScreen(window.ctx))
    screen = window.current()
    press(qtbot, window, "Check-ins for a spreadsheet")
    qtbot.waitUntil(lambda: "mine-safety-plan.csv" in screen.status.text())
    assert marker in (tmp_path / "mine-safety-plan.csv").read_text(encoding="utf-8-sig")

    press(qtbot, window, "Delete all my data")
    assert "safety plan" in window.current().body_text()
    press(qtbot, window, "Yes, delete Mary")
    assert people.all() == []
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes(), path
