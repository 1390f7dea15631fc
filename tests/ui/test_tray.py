"""Companion with its window closed: the tray menu, closing to the tray, notifications that
open the Join screen, the check-in's "Not today", missed sessions, and starting with the
computer from Settings (a temporary HOME)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from companion.appointments.model import Appointment
from companion.clock import FixedClock
from companion.i18n import set_language
from companion.people.profiles import People, ensure_default_person, open_people
from companion.reminders.autostart import StartWithComputer
from companion.reminders.background import AWAKE_FILE_NAME, Kind, Notification
from tests.fast_argon2 import FAST
from tests.ui.helpers import press
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.screens.help_now.screen import HelpNowScreen
from ui.screens.home.screen import HomeScreen
from ui.screens.sessions.sessions_screen import SessionsScreen
from ui.screens.settings.reminders import CheckInInvitationScreen, StillRemindingScreen
from ui.tray import BackgroundCompanion, TrayMenu, install_background

# The offscreen platform has no tray, no raising and no keyboard grab; it says so.
pytestmark = pytest.mark.qt_log_ignore(
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


@pytest.fixture
def sink() -> RecordingNotifications:
    return RecordingNotifications()


@pytest.fixture
def people(tmp_path: Path) -> People:
    return open_people(tmp_path / "data", FixedClock(MONDAY_9), keyring=None, argon2=FAST)


def _window(
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


def _open_me(qtbot: QtBot, window: MainWindow, people: People) -> None:
    me = ensure_default_person(people)
    assert me is not None
    window.set_session(people.unlock(me.id, ""))
    wait_for_runner(qtbot, window.ctx)


@pytest.fixture
def background(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People, sink: RecordingNotifications
) -> Iterator[BackgroundCompanion]:
    window = _window(qtbot, make_ctx, people)
    _open_me(qtbot, window, people)
    found = install_background(window, sink, tray_available=True)
    found.timer.stop()  # the test moves the clock and checks by hand
    yield found
    found.quitting = True
    if window.ctx.session is not None:
        window.ctx.session.close()
    set_language("en")


def _save_session(ctx: AppContext) -> Appointment:
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


def _check(qtbot: QtBot, background: BackgroundCompanion) -> list[Notification]:
    """A reminder check as the timer makes it: worked out on the runner, then given."""
    background.last_given = []
    background.check()
    wait_for_runner(qtbot, background.ctx)
    return background.last_given


def _press(qtbot: QtBot, menu: TrayMenu, words: str) -> None:
    """Open the real menu and click the entry with these words."""
    menu.popup(QPoint(10, 10))
    qtbot.waitExposed(menu)
    [action] = [a for a in menu.actions() if a.text() == words]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_the_tray_menu_has_four_large_plain_choices(background: BackgroundCompanion) -> None:
    menu = background.menu
    assert [a.text() for a in menu.actions()] == [
        "Open Companion",
        "Get help now",
        "Stop reminders until tomorrow",
        "Quit Companion",
    ]
    menu.popup(QPoint(10, 10))
    for action in menu.actions():
        assert menu.actionGeometry(action).height() >= 64
    assert menu.font().pointSize() >= 18 or "18pt" in menu.styleSheet()
    menu.hide()
    set_language("fr")
    background.ctx.settings.set("language", "fr")
    assert [a.text() for a in menu.actions()] == [
        "Ouvrir Companion",
        "Obtenir de l’aide maintenant",
        "Arrêter les rappels jusqu’à demain",
        "Quitter Companion",
    ]


def test_closing_the_window_says_once_in_words_that_reminders_keep_coming(
    qtbot: QtBot, background: BackgroundCompanion, sink: RecordingNotifications
) -> None:
    window = background.window
    window.close()
    assert window.isVisible() and not QApplication.quitOnLastWindowClosed()
    screen = window.current()
    assert isinstance(screen, StillRemindingScreen)
    words = " ".join(label.text() for label in screen.findChildren(QLabel))
    assert "Your reminders keep coming" in screen.title() and "waits near the clock" in words
    assert "choose Quit Companion" in words
    press(qtbot, window, "Close the window")
    assert not window.isVisible() and window.ctx.settings.get("told_about_tray")

    _press(qtbot, background.menu, "Open Companion")
    assert window.isVisible() and not isinstance(window.current(), StillRemindingScreen)
    window.close()
    assert not window.isVisible()  # said once: the second time it just goes to the tray
    assert sink.shown == []

    _press(qtbot, background.menu, "Get help now")
    assert window.isVisible() and isinstance(window.current(), HelpNowScreen)


def test_quit_companion_on_the_closing_screen_really_quits(
    qtbot: QtBot, background: BackgroundCompanion, monkeypatch: pytest.MonkeyPatch
) -> None:
    quit_calls: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_args: quit_calls.append(True))
    window = background.window
    window.close()
    press(qtbot, window, "Quit Companion")
    assert quit_calls == [True] and not window.isVisible()


def test_on_a_shared_pc_closing_to_the_tray_locks_the_persons_data(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People
) -> None:
    window = _window(qtbot, make_ctx, people, shared_pc=True, told_about_tray=True)
    _open_me(qtbot, window, people)
    opened = window.ctx.session
    background = install_background(window, RecordingNotifications(), tray_available=True)
    background.timer.stop()
    window.close()
    assert not window.isVisible() and window.ctx.session.is_guest
    assert opened.database is None  # closed, not just hidden
    background.quitting = True


def test_stop_reminders_until_tomorrow_and_quit_from_the_menu(
    qtbot: QtBot,
    background: BackgroundCompanion,
    sink: RecordingNotifications,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = background.window
    _save_session(window.ctx)
    window.hide()
    _press(qtbot, background.menu, "Stop reminders until tomorrow")
    assert sink.shown[-1].body == "No more reminders today. They start again tomorrow."
    window.ctx.clock.current = TUESDAY_10 - timedelta(days=1)  # Monday 10:00, a reminder time
    assert _check(qtbot, background) == []
    quit_calls: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_args: quit_calls.append(True))
    _press(qtbot, background.menu, "Quit Companion")
    assert quit_calls == [True] and not window.isVisible() and background.quitting


def test_a_session_tomorrow_brings_three_notifications_and_one_opens_join(
    qtbot: QtBot, background: BackgroundCompanion, sink: RecordingNotifications
) -> None:
    window = background.window
    ctx = window.ctx
    session = _save_session(ctx)
    window.hide()  # closed to the tray
    clock = ctx.clock
    assert isinstance(clock, FixedClock)
    given: list[tuple[str, Kind]] = []
    while clock.now() <= TUESDAY_10:
        for n in _check(qtbot, background):
            given.append((clock.now().astimezone(TORONTO).strftime("%a %H:%M"), n.kind))
        clock.advance(minutes=5)
    assert given == [
        ("Mon 10:00", Kind.SESSION_DAY_BEFORE),
        ("Mon 10:00", Kind.CHECKIN),  # the daily check-in at its default time, once
        ("Tue 09:00", Kind.SESSION_HOUR_BEFORE),
        ("Tue 09:45", Kind.SESSION_JOIN),
        ("Tue 10:00", Kind.CHECKIN),
    ]
    join = next(n for n in sink.shown if n.kind is Kind.SESSION_JOIN)
    assert join.appointment_id == session.id
    assert "Marker" not in join.body and "zoom" not in join.body

    clock.current = TUESDAY_10 - timedelta(minutes=10)
    background.act_on(join)  # the person presses the notification
    wait_for_runner(qtbot, ctx)
    assert window.isVisible()
    screen = window.current()
    assert isinstance(screen, SessionsScreen)
    assert screen.join_button.isEnabled() and screen.join_button.accessibleName()


def test_on_a_shared_pc_the_notification_names_only_the_person(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People, sink: RecordingNotifications
) -> None:
    window = _window(qtbot, make_ctx, people, shared_pc=True)
    _open_me(qtbot, window, people)
    background = install_background(window, sink, tray_available=True)
    background.timer.stop()
    _save_session(window.ctx)
    window.hide()
    window.ctx.clock.current = TUESDAY_10 - timedelta(minutes=15)
    [n] = _check(qtbot, background)
    assert n.body == "Companion has a reminder for Me. Open Companion to see it."
    background.quitting = True
    window.ctx.session.close()


def test_the_checkin_notification_offers_not_today(
    qtbot: QtBot, background: BackgroundCompanion, sink: RecordingNotifications
) -> None:
    window = background.window
    window.hide()
    window.ctx.clock.current = MONDAY_9 + timedelta(hours=1)
    [checkin] = _check(qtbot, background)
    assert checkin.kind is Kind.CHECKIN
    background.act_on(checkin)
    assert isinstance(window.current(), CheckInInvitationScreen)
    press(qtbot, window, "Not today")
    home = window.current()
    assert isinstance(home, HomeScreen) and home.checkin_reminder_label.isHidden()
    window.hide()
    window.ctx.clock.current += timedelta(hours=3)
    assert _check(qtbot, background) == []


def test_the_checkin_notification_opens_the_check_in_when_accepted(
    qtbot: QtBot, background: BackgroundCompanion, sink: RecordingNotifications
) -> None:
    window = background.window
    window.hide()
    window.ctx.clock.current = MONDAY_9 + timedelta(hours=1)
    [checkin] = _check(qtbot, background)
    background.act_on(checkin)
    press(qtbot, window, "Check in now")
    assert window.current().screen_id == window.routes.build("checkin", window.ctx).screen_id
    window.back()
    assert isinstance(window.current(), HomeScreen)  # Back from the check-in is Home, as usual


def test_a_missed_session_is_said_gently_once(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People, speech: RecordingSpeech
) -> None:
    (people.data_dir).mkdir(parents=True, exist_ok=True)
    (people.data_dir / AWAKE_FILE_NAME).write_text((MONDAY_9 - timedelta(days=2)).isoformat())
    window = _window(qtbot, make_ctx, people, speak_reminders=True)
    background = install_background(window, RecordingNotifications(), tray_available=True)
    background.timer.stop()
    me = ensure_default_person(people)
    assert me is not None
    session = people.unlock(me.id, "")
    session.appointments.save(
        Appointment(None, "T", "", MONDAY_9 - timedelta(days=1), 50, None, None, "", None, None)
    )
    window.set_session(session)
    wait_for_runner(qtbot, window.ctx)
    sentence = (
        "You had a video session Sunday 15 March at 9:00\u00a0a.m. If you like, you can add the "
        "next one in My video sessions."
    )
    assert speech.texts().count(sentence) == 1
    home = window.current()
    assert sentence in [label.text() for label in home.findChildren(type(home.title_label))]
    window.set_session(session)  # the same run: not said again
    wait_for_runner(qtbot, window.ctx)
    assert speech.texts().count(sentence) == 1
    background.quitting = True
    session.close()


def test_start_with_the_computer_from_settings_writes_and_removes_the_entry(
    qtbot: QtBot, background: BackgroundCompanion, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    window = background.window
    window.ctx.parts.autostart = StartWithComputer("linux", home, ("/usr/bin/companion", "--x"), {})
    from ui.screens.settings.screen import SettingsScreen

    window.push(SettingsScreen(window.ctx))
    for words in (
        "More settings",
        "Reminders",
        "Start Companion when the computer starts",
        "Yes, start with the computer",
    ):
        press(qtbot, window, words)
    entry = home / ".config" / "autostart" / "companion.desktop"
    assert entry.exists() and "Exec=/usr/bin/companion --x" in entry.read_text()
    press(qtbot, window, "No, I will open it myself")
    assert not entry.exists()


def test_what_companion_keeps_says_only_reminder_times_are_kept_outside(
    background: BackgroundCompanion,
) -> None:
    from ui.screens.people.my_data import KeepsScreen

    ctx = background.window.ctx
    screen = KeepsScreen(ctx)
    words = " ".join(label.text() for label in screen.findChildren(type(screen.title_label)))
    assert "keeps the times of your next reminders beside your own file" in words
    ctx.settings.set("background_reminders", False)
    screen = KeepsScreen(ctx)
    words = " ".join(label.text() for label in screen.findChildren(type(screen.title_label)))
    assert "keeps nothing about you outside your own file" in words
    screen.deleteLater()


def test_with_the_picker_on_screen_a_locked_persons_reminder_shows_on_the_window(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People, sink: RecordingNotifications
) -> None:
    window = _window(qtbot, make_ctx, people, shared_pc=True, told_about_tray=True)
    _open_me(qtbot, window, people)
    background = install_background(window, sink, tray_available=True)
    background.timer.stop()
    _save_session(window.ctx)
    _check(qtbot, background)  # Mary's reminder times are kept (times only)
    window.close()  # to the tray: her data locks
    window.show()  # the picker stays on screen all day in a community centre
    window.ctx.clock.current = TUESDAY_10 - timedelta(minutes=15)
    [n] = _check(qtbot, background)
    assert n.kind is Kind.LOCKED and sink.shown == []
    assert window.reminder_banner.label.text() == (
        "Companion has a reminder for Me. Open Companion to see it."
    )
    background.quitting = True


def test_started_with_the_computer_there_is_no_window_until_something_is_due() -> None:
    from ui.launch import shows_window_at_start

    assert not shows_window_at_start(True, tray_available=True, first_run_done=True)
    assert shows_window_at_start(False, tray_available=True, first_run_done=True)
    assert shows_window_at_start(True, tray_available=False, first_run_done=True)  # no tray
    assert shows_window_at_start(True, tray_available=True, first_run_done=False)  # setup first


def test_the_background_argument_reaches_the_launcher() -> None:
    from companion.__main__ import parse_args

    assert parse_args(["--background"]).background
    assert not parse_args([]).background
