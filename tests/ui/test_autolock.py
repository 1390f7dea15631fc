"""Auto-lock on a shared PC: a spoken warning a minute ahead, "I'm still here", then the lock
leaves nothing of the person on screen. Time moves only on the test clock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from companion.clock import FixedClock
from companion.people.profiles import People
from tests.ui.helpers import texts_on_screen
from tests.ui.people_steps import unlock_mary
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.autolock import AutoLockWarningScreen, AutoLockWatch
from ui.context import AppContext
from ui.screens.people.picker import AccountScreen, PeopleScreen
from ui.widgets.screen import Screen

MARKER = "NOTE-7f3a9c"
PIN = "583920"


def mary_at_work(
    qtbot: QtBot, start: Callable[[], MainWindow], people: People, ctx: AppContext
) -> tuple[MainWindow, AutoLockWatch]:
    people.add("Mary", "pin", PIN)
    window = start()
    unlock_mary(qtbot, window, PIN)
    window.push(AccountScreen(window.ctx))  # her name in the title
    note = Screen(window.ctx)  # a note half typed
    note.set_title(lambda: "Today")
    box = QLineEdit(f"My note {MARKER}")
    note.add_widget(box, focusable=True)
    note.add_text(lambda: f"Saved: {MARKER}")
    window.push(note)
    watch = ctx.parts.autolock
    assert isinstance(watch, AutoLockWatch)
    return window, watch


def test_warns_a_minute_ahead_aloud_then_still_here_keeps_going(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    ctx: AppContext,
    speech: RecordingSpeech,
) -> None:
    ctx.settings.set("shared_pc", True)
    window, watch = mary_at_work(qtbot, start, people, ctx)
    clock = ctx.clock
    assert isinstance(clock, FixedClock)
    clock.advance(10 * 60 - 61)
    watch.poll()
    assert not isinstance(window.current(), AutoLockWarningScreen)
    clock.advance(1)
    watch.poll()
    warning = window.current()
    assert isinstance(warning, AutoLockWarningScreen)
    assert "1 minute" in warning.countdown.text()
    assert any("Are you still there?" in t for t in speech.texts())
    assert warning.still_here.height() >= 160 and warning.still_here.width() >= 160
    clock.advance(20)
    watch.poll()
    assert "40 seconds" in warning.countdown.text()
    qtbot.mouseClick(warning.still_here, Qt.MouseButton.LeftButton)
    watch.poll()
    assert not isinstance(window.current(), AutoLockWarningScreen)
    assert MARKER in texts_on_screen(window)  # nothing was lost
    clock.advance(10 * 60 - 61)
    watch.poll()
    assert not window.ctx.session.is_guest


def test_locks_after_the_warning_and_nothing_of_the_person_stays_on_screen(
    qtbot: QtBot,
    start: Callable[[], MainWindow],
    people: People,
    ctx: AppContext,
) -> None:
    ctx.settings.set("shared_pc", True)
    window, watch = mary_at_work(qtbot, start, people, ctx)
    mary_session = window.ctx.session
    assert "Mary" in texts_on_screen(window) and MARKER in texts_on_screen(window)
    ctx.clock.advance(10 * 60 - 60)
    watch.poll()
    assert isinstance(window.current(), AutoLockWarningScreen)
    ctx.clock.advance(60)
    watch.poll()
    wait_for_runner(qtbot, window.ctx)  # the data closes on the runner, after any save asked
    assert window.ctx.session.is_guest and mary_session.database is None
    assert isinstance(window.current(), PeopleScreen)
    qtbot.waitUntil(lambda: MARKER not in texts_on_screen(window))
    qtbot.waitUntil(lambda: "Mary" not in texts_on_screen(window))
    assert len(window._screens) == 2  # an empty Home under the picker


def test_a_key_press_counts_as_being_there(
    qtbot: QtBot, start: Callable[[], MainWindow], people: People, ctx: AppContext
) -> None:
    ctx.settings.set("shared_pc", True)
    window, watch = mary_at_work(qtbot, start, people, ctx)
    ctx.clock.advance(9 * 60)
    box = window.current().findChild(QLineEdit)
    qtbot.keyClick(box, Qt.Key.Key_A)
    ctx.clock.advance(60)
    watch.poll()
    assert not isinstance(window.current(), AutoLockWarningScreen)


def test_off_at_home_and_for_a_guest(
    qtbot: QtBot, start: Callable[[], MainWindow], people: People, ctx: AppContext
) -> None:
    window, watch = mary_at_work(qtbot, start, people, ctx)  # shared_pc is off by default
    ctx.clock.advance(hours=3)
    watch.poll()
    assert not window.ctx.session.is_guest and not isinstance(
        window.current(), AutoLockWarningScreen
    )
    ctx.settings.set("shared_pc", True)
    from ui.start import lock

    lock(window.ctx)  # a guest now
    ctx.clock.advance(hours=3)
    watch.poll()
    assert isinstance(window.current(), PeopleScreen)
