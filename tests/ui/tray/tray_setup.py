"""What the tray tests share: a recording notification sink, a window on a Monday in Toronto with
"Me" opened, Companion running in the background, a reminder check and a click in the real menu."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from companion.appointments.model import Appointment
from companion.clock import FixedClock
from companion.i18n import set_language
from companion.people.profiles import People, ensure_default_person, open_people
from companion.reminders.background import Notification
from tests.fast_argon2 import FAST
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.tray import BackgroundCompanion, TrayMenu, install_background

# The offscreen platform has no tray, no raising and no keyboard grab; it says so.
TRAY_LOG_IGNORE = pytest.mark.qt_log_ignore(
    r"^QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged",
    r"^This plugin does not support raise\(\)",
    r"^This plugin does not support grabbing the keyboard$",
)
TORONTO = ZoneInfo("America/Toronto")
MONDAY_9 = datetime(2026, 3, 16, 9, 0, tzinfo=TORONTO).astimezone(UTC)
TUESDAY_10 = datetime(2026, 3, 17, 10, 0, tzinfo=TORONTO).astimezone(UTC)


class RecordingNotifications:
    """The edge: what would have gone to the operating system's notifications."""

    def __init__(self) -> None:
        self.shown: list[Notification] = []

    def show(self, notification: Notification) -> None:
        self.shown.append(notification)


def people_on_monday(tmp_path: Path) -> People:
    return open_people(tmp_path / "data", FixedClock(MONDAY_9), keyring=None, argon2=FAST)


def tray_window(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People, **settings: object
) -> MainWindow:
    ctx = make_ctx(with_person=False, **settings)
    assert isinstance(ctx.clock, FixedClock)
    ctx.clock.current = MONDAY_9
    ctx.data_dir = people.data_dir
    ctx.parts.zone = TORONTO
    ctx.parts.people = people
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_me(qtbot: QtBot, window: MainWindow, people: People) -> None:
    me = ensure_default_person(people)
    assert me is not None
    window.set_session(people.unlock(me.id, ""))
    wait_for_runner(qtbot, window.ctx)


@contextmanager
def running_in_background(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    people: People,
    sink: RecordingNotifications,
) -> Iterator[BackgroundCompanion]:
    """The window with "Me" open, and the tray's reminders checked by hand (timer stopped)."""
    window = tray_window(qtbot, make_ctx, people)
    open_me(qtbot, window, people)
    found = install_background(window, sink, tray_available=True)
    found.timer.stop()  # the test moves the clock and checks by hand
    yield found
    found.quitting = True
    if window.ctx.session is not None:
        window.ctx.session.close()
    set_language("en")


def save_session(ctx: AppContext) -> Appointment:
    return ctx.session.appointments.save(
        Appointment(
            None,
            "Marker-title-7Q",
            "Dr. Marker",
            TUESDAY_10,
            50,
            "https://zoom.us/j/123456789",
            None,
            "",
            None,
            None,
        )
    )


def check_reminders(qtbot: QtBot, background: BackgroundCompanion) -> list[Notification]:
    """A reminder check as the timer makes it: worked out on the runner, then given."""
    background.last_given = []
    background.check()
    wait_for_runner(qtbot, background.ctx)
    return background.last_given


def press_in_menu(qtbot: QtBot, menu: TrayMenu, words: str) -> None:
    """Open the real menu and click the entry with these words."""
    menu.popup(QPoint(10, 10))
    qtbot.waitExposed(menu)
    [action] = [a for a in menu.actions() if a.text() == words]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
