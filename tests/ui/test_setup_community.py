"""Community-centre mode in the real window: idle lock on the caregiver's time, nothing of the
person left after lock, a guest leaves no file, closing asks first. Real SQLCipher files."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from companion.appointments.model import Appointment
from companion.checkin.models import CheckIn
from companion.community.shared_pc import GUEST_FILES_FOLDER
from companion.people.profiles import People, guest_session, open_people
from companion.safety.crisis import EmergencyContact
from tests.fast_argon2 import FAST
from tests.ui.helpers import press
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow, build_window
from ui.autolock import AutoLockWarningScreen
from ui.context import AppContext
from ui.screens.home.screen import HomeScreen
from ui.screens.people.picker import PeopleScreen
from ui.screens.people.unlock import UnlockScreen
from ui.screens.setup import open_finished, shows_finished_button
from ui.screens.setup.community import (
    FinishedScreen,
    install_community_mode,
)
from ui.start import install_start, switch_to

PRIVATE_WORDS = ("Mary's secret worry", "Aunt Bea", "555 0199", "Dr. Quill")


def every_text(root: QWidget) -> str:
    """Every word the widget tree holds: texts, accessible names and descriptions."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        found += [widget.accessibleName(), widget.accessibleDescription(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            found.append(widget.toPlainText())
    return "\n".join(found)


def every_text_of(widget: QWidget) -> str:
    found = [widget.accessibleName(), widget.accessibleDescription()]
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        found.append(widget.text())
    return "\n".join(found)


def listing(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "folder"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def people(tmp_path: Path) -> People:
    return open_people(tmp_path / "data", None, keyring=None, argon2=FAST)


@pytest.fixture
def centre(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People
) -> Iterator[MainWindow]:
    """A shared PC as the launcher starts it, with Mary's private things in her database."""
    ctx = make_ctx(shared_pc=True, autolock_minutes=5)
    ctx.data_dir = people.data_dir
    people._clock = ctx.clock
    mary = people.add("Mary", "pin", "583920")
    session = people.unlock(mary.id, "583920")
    now = ctx.clock.now()
    session.checkins.finish(
        CheckIn(None, now, now, "not_good", frozenset(), PRIVATE_WORDS[0], False)
    )
    session.contacts.set_contacts([EmergencyContact(PRIVATE_WORDS[1], PRIVATE_WORDS[2], "aunt")])
    session.appointments.save(
        Appointment(
            None,
            "Session",
            PRIVATE_WORDS[3],
            now + timedelta(hours=2),
            50,
            None,
            None,
            "",
            None,
            None,
        )
    )
    session.close()
    ctx.session = guest_session()
    ctx.parts.people = people
    window = build_window(ctx)
    qtbot.addWidget(window)
    install_start(window, needs_person_picker=True)
    mode = install_community_mode(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: mode.tidy_done)  # the daily tidy's own record is written first
    yield window
    mode.uninstall()
    assert window.ctx.parts.autolock is not None
    window.ctx.parts.autolock.stop()
    if window.ctx.session is not None:
        window.ctx.session.close()


def open_mary(qtbot: QtBot, window: MainWindow) -> None:
    picker = window.current()
    assert isinstance(picker, PeopleScreen)
    press(qtbot, window, "Mary")
    unlock = window.current()
    assert isinstance(unlock, UnlockScreen)
    qtbot.keyClicks(unlock.findChild(QLineEdit), "583920")
    qtbot.keyClick(unlock.findChild(QLineEdit), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.ctx.session.is_guest, timeout=10000)
    wait_for_runner(qtbot, window.ctx)


def test_a_shared_pc_starts_full_screen_at_the_people_picker_with_a_guest_tile(
    centre: MainWindow,
) -> None:
    assert centre.isFullScreen()
    assert isinstance(centre.current(), PeopleScreen) and centre.current().guest_button.isVisible()
    assert centre.ctx.session.is_guest and shows_finished_button(centre.ctx)


def test_it_locks_after_the_caregivers_idle_time_and_nothing_of_mary_remains(
    qtbot: QtBot, centre: MainWindow
) -> None:
    open_mary(qtbot, centre)
    home = centre.current()
    assert isinstance(home, HomeScreen)
    assert PRIVATE_WORDS[3] in every_text(centre)  # Home shows her next session while she is in
    watch, clock = centre.ctx.parts.autolock, centre.ctx.clock
    assert watch is not None
    clock.advance(minutes=3, seconds=59)
    watch.poll()
    assert not isinstance(centre.current(), AutoLockWarningScreen)  # the default 10 is not used
    clock.advance(seconds=2)
    watch.poll()
    assert isinstance(centre.current(), AutoLockWarningScreen)  # a minute ahead, aloud
    clock.advance(seconds=61)
    watch.poll()
    assert isinstance(centre.current(), PeopleScreen)
    assert centre.ctx.session.is_guest
    words = every_text(centre)
    for private in PRIVATE_WORDS:
        holders = [
            f"{type(w).__name__}/{type(w.parent()).__name__}/{w.objectName()}"
            for w in centre.findChildren(QWidget)
            if private in every_text_of(w)
        ]
        assert private not in words, holders


def test_im_finished_locks_and_a_guest_leaves_no_file_behind(
    qtbot: QtBot, centre: MainWindow
) -> None:
    ctx = centre.ctx
    before = listing(ctx.data_dir)
    qtbot.mouseClick(centre.current().guest_button, Qt.MouseButton.LeftButton)
    assert ctx.session.is_guest and isinstance(centre.current(), HomeScreen)
    guest = ctx.session
    now = ctx.clock.now()
    guest.checkins.finish(CheckIn(None, now, now, "good", frozenset(), "guest note", False))
    guest.contacts.set_contacts([EmergencyContact("Guest friend", "555 0000", "")])
    (ctx.data_dir / GUEST_FILES_FOLDER).mkdir()  # a report the guest saved to print
    (ctx.data_dir / GUEST_FILES_FOLDER / "report.pdf").write_bytes(b"%PDF")
    from companion.community.shared_pc import finished_words
    from ui.features import HomeChoice

    # The line the lead adds to ui/features.py, pressed as Home presses it.
    choice = HomeChoice("finished", finished_words, "lock", "setup.finished")
    assert shows_finished_button(ctx) and choice.title() == "I'm finished, lock it"
    centre.open(choice.route)
    finished = centre.current()
    assert isinstance(finished, FinishedScreen)
    assert finished.title() == "Are you finished? Nothing you did is kept on this computer."
    qtbot.mouseClick(finished.yes_button, Qt.MouseButton.LeftButton)
    assert isinstance(centre.current(), PeopleScreen)
    assert (
        ctx.session is not guest
        and ctx.session.checkins.checkins_between(now - timedelta(days=1), now + timedelta(days=1))
        == []
    )
    assert "guest note" not in every_text(centre) and "Guest friend" not in every_text(centre)
    assert listing(ctx.data_dir) == before


def test_closing_asks_are_you_finished_in_big_words_first(qtbot: QtBot, centre: MainWindow) -> None:
    open_mary(qtbot, centre)
    centre.close()
    assert centre.isVisible()
    question = centre.current()
    assert isinstance(question, FinishedScreen) and question.closing
    assert question.title_label.font().pointSize() >= 34
    qtbot.mouseClick(question.no_button, Qt.MouseButton.LeftButton)
    assert isinstance(centre.current(), HomeScreen) and not centre.ctx.session.is_guest
    centre.close()
    qtbot.mouseClick(centre.current().yes_button, Qt.MouseButton.LeftButton)
    assert not centre.isVisible()
    assert centre.ctx.session.is_guest  # Mary's data was closed before the window went


def test_at_the_people_picker_closing_asks_nothing(centre: MainWindow) -> None:
    assert isinstance(centre.current(), PeopleScreen)
    centre.close()
    assert not centre.isVisible()


def test_a_home_pc_closes_at_once_and_is_not_full_screen(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    ctx = make_ctx()
    window = build_window(ctx)
    qtbot.addWidget(window)
    mode = install_community_mode(window)
    window.show()
    qtbot.waitUntil(lambda: mode.tidy_done)
    assert not window.isFullScreen() and not shows_finished_button(ctx)
    window.close()
    assert not window.isVisible()
    mode.uninstall()


def test_the_daily_tidy_runs_at_start(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> None:
    ctx = make_ctx()
    (tmp_path / GUEST_FILES_FOLDER).mkdir()
    window = build_window(ctx)
    qtbot.addWidget(window)
    mode = install_community_mode(window)
    qtbot.waitUntil(lambda: mode.tidy_done, timeout=5000)
    assert not (tmp_path / GUEST_FILES_FOLDER).exists()
    mode.uninstall()


def test_switching_person_keeps_the_caregivers_idle_time(qtbot: QtBot, centre: MainWindow) -> None:
    centre.ctx.settings.set("autolock_minutes", 2)
    open_mary(qtbot, centre)
    switch_to(centre.ctx, centre.ctx.session)
    assert centre.ctx.parts.autolock is not None
    assert centre.ctx.parts.autolock.policy.state().seconds_left == 120


def test_mary_hears_that_todays_check_in_is_saved(qtbot: QtBot, centre: MainWindow) -> None:
    open_mary(qtbot, centre)  # her check-in of today was saved in the fixture
    centre.push(open_finished(centre.ctx))
    wait_for_runner(qtbot, centre.ctx)  # today's check-ins are counted in the background
    assert centre.current().title() == "Are you finished? Today's check-in is saved."


def test_with_nothing_done_today_nothing_is_said_about_saving(
    qtbot: QtBot, centre: MainWindow
) -> None:
    open_mary(qtbot, centre)
    centre.ctx.clock.advance(days=2)  # her only check-in is two days old
    centre.push(open_finished(centre.ctx))
    wait_for_runner(qtbot, centre.ctx)
    assert centre.current().title() == "Are you finished?"


def test_im_finished_leaves_nothing_typed_or_copied_on_screen_or_clipboard(
    qtbot: QtBot, centre: MainWindow, tmp_path: Path
) -> None:
    """A marker Mary typed (and copied) is gone from every widget and from the clipboard once
    she presses "I'm finished"; the screenshot of what the next person sees is kept to look at."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from ui.screens.help_now.contacts import ContactsScreen

    marker = "Marker-7Q-Mary-typed-this"
    open_mary(qtbot, centre)
    centre.push(ContactsScreen(centre.ctx))
    wait_for_runner(qtbot, centre.ctx)
    box = centre.current().findChildren(QLineEdit)[-1]  # an empty row for a new person
    box.setFocus()
    qtbot.keyClicks(box, marker)
    box.selectAll()
    box.copy()
    assert QApplication.clipboard().text() == marker
    centre.push(open_finished(centre.ctx))
    qtbot.mouseClick(centre.current().yes_button, Qt.MouseButton.LeftButton)
    # What the event loop does once the press is handled: the closed screens are deleted.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert isinstance(centre.current(), PeopleScreen)
    assert marker not in every_text(centre)
    for private in PRIVATE_WORDS:
        assert private not in every_text(centre)
    assert marker not in QApplication.clipboard().text()
    shot = tmp_path / "after-finished.png"
    assert centre.grab().save(str(shot)) and shot.stat().st_size > 0
