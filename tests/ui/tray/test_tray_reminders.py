"""Reminders from the background: a session's three notifications (one opens Join), the check-in's
"Not today", a missed session said once, and on a shared PC only the person's name, also on the
window while the picker waits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from pytestqt.qtbot import QtBot

from companion.appointments.model import Appointment
from companion.clock import FixedClock
from companion.people.profiles import People, ensure_default_person
from companion.reminders.background import AWAKE_FILE_NAME, Kind
from tests.ui.helpers import press
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from tests.ui.tray.tray_setup import (
    MONDAY_9,
    TORONTO,
    TRAY_LOG_IGNORE,
    TUESDAY_10,
    RecordingNotifications,
    check_reminders,
    open_me,
    save_session,
    tray_window,
)
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.home.screen import HomeScreen
from ui.screens.sessions.sessions_screen import SessionsScreen
from ui.screens.settings.reminders import CheckInInvitationScreen
from ui.tray import BackgroundCompanion, install_background

pytestmark = TRAY_LOG_IGNORE


def test_a_session_tomorrow_brings_three_notifications_and_one_opens_join(
    qtbot: QtBot, background: BackgroundCompanion, sink: RecordingNotifications
) -> None:
    window = background.window
    ctx = window.ctx
    session = save_session(ctx)
    window.hide()  # closed to the tray
    clock = ctx.clock
    assert isinstance(clock, FixedClock)
    given: list[tuple[str, Kind]] = []
    while clock.now() <= TUESDAY_10:
        for n in check_reminders(qtbot, background):
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
    window = tray_window(qtbot, make_ctx, people, shared_pc=True)
    open_me(qtbot, window, people)
    background = install_background(window, sink, tray_available=True)
    background.timer.stop()
    save_session(window.ctx)
    window.hide()
    window.ctx.clock.current = TUESDAY_10 - timedelta(minutes=15)
    [n] = check_reminders(qtbot, background)
    assert n.body == "Companion has a reminder for Me. Open Companion to see it."
    background.quitting = True
    window.ctx.session.close()


def act_on_the_checkin_reminder(qtbot: QtBot, background: BackgroundCompanion) -> MainWindow:
    """The window closed, an hour after the check-in was due: its one notification, pressed."""
    window = background.window
    window.hide()
    window.ctx.clock.current = MONDAY_9 + timedelta(hours=1)
    [checkin] = check_reminders(qtbot, background)
    assert checkin.kind is Kind.CHECKIN
    background.act_on(checkin)
    return window


def test_the_checkin_notification_offers_not_today(
    qtbot: QtBot, background: BackgroundCompanion, sink: RecordingNotifications
) -> None:
    window = act_on_the_checkin_reminder(qtbot, background)
    assert isinstance(window.current(), CheckInInvitationScreen)
    press(qtbot, window, "Not today")
    home = window.current()
    assert isinstance(home, HomeScreen) and home.checkin_reminder_label.isHidden()
    window.hide()
    window.ctx.clock.current += timedelta(hours=3)
    assert check_reminders(qtbot, background) == []


def test_the_checkin_notification_opens_the_check_in_when_accepted(
    qtbot: QtBot, background: BackgroundCompanion, sink: RecordingNotifications
) -> None:
    window = act_on_the_checkin_reminder(qtbot, background)
    press(qtbot, window, "Check in now")
    assert window.current().screen_id == window.routes.build("checkin", window.ctx).screen_id
    window.back()
    assert isinstance(window.current(), HomeScreen)  # Back from the check-in is Home, as usual


def test_a_missed_session_is_said_gently_once(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People, speech: RecordingSpeech
) -> None:
    (people.data_dir).mkdir(parents=True, exist_ok=True)
    (people.data_dir / AWAKE_FILE_NAME).write_text((MONDAY_9 - timedelta(days=2)).isoformat())
    window = tray_window(qtbot, make_ctx, people, speak_reminders=True)
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


def test_with_the_picker_on_screen_a_locked_persons_reminder_shows_on_thetray_window(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], people: People, sink: RecordingNotifications
) -> None:
    window = tray_window(qtbot, make_ctx, people, shared_pc=True, told_about_tray=True)
    open_me(qtbot, window, people)
    background = install_background(window, sink, tray_available=True)
    background.timer.stop()
    save_session(window.ctx)
    check_reminders(qtbot, background)  # Mary's reminder times are kept (times only)
    window.close()  # to the tray: her data locks
    window.show()  # the picker stays on screen all day in a community centre
    window.ctx.clock.current = TUESDAY_10 - timedelta(minutes=15)
    [n] = check_reminders(qtbot, background)
    assert n.kind is Kind.LOCKED and sink.shown == []
    assert window.reminder_banner.label.text() == (
        "Companion has a reminder for Me. Open Companion to see it."
    )
    background.quitting = True
