"""Reminders while the app runs arrive a day, an hour and 15 minutes before, shown and spoken."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.appointments.model import Appointment
from companion.clock import FixedClock
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.sessions.reminder_watch import ReminderBanner, ReminderWatch
from ui.shared.appointments import appointment_store


def test_reminders_are_announced_once_each_as_the_clock_moves(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    clock = window.ctx.clock
    assert isinstance(clock, FixedClock)
    wait_for_runner(qtbot, window.ctx)  # Home has read what is coming up, quietly
    window.ctx.settings.set("speak_reminders", True)  # on by default; the fixture turns it off
    if window.reminders is not None:  # only this test's watch may speak (no timer surprises)
        window.reminders.stop()
    window.ctx.parts.zone = ZoneInfo("America/Toronto")
    start = clock.now() + timedelta(days=2)
    appointment_store(window.ctx).save(
        Appointment(None, "Therapy", "Dr. Lee", start, 50, None, None, "", None, None)
    )
    watch = ReminderWatch(window.ctx, window)
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    watch.reminded.connect(banner.show_reminder)
    watch.start()
    wait_for_runner(qtbot, window.ctx)
    assert speech.texts() == [] and banner.isHidden()

    def check() -> list[str]:
        watch.last_given = []
        watch.check()
        wait_for_runner(qtbot, window.ctx)
        return watch.last_given

    clock.current = start - timedelta(hours=23)
    with qtbot.waitSignal(watch.reminded) as day_before:
        watch.check()
    assert "is tomorrow at" in day_before.args[0] and "Dr. Lee" in day_before.args[0]
    assert not banner.isHidden() and banner.label.text() == day_before.args[0]
    assert check() == []  # given once

    clock.current = start - timedelta(minutes=50)
    assert len(check()) == 1
    clock.current = start - timedelta(minutes=15)
    [last] = check()
    assert last == "Your video session with Dr. Lee starts in 15 minutes. You can join it now."
    assert len(speech.texts()) == 3 and speech.texts()[-1] == last

    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden()
    watch.stop()
