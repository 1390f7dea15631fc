"""The caregiver sets the check-in reminder time and each questionnaire's rhythm in Settings, with
big buttons only, behind the helper PIN; the person's hub and Home follow what was chosen."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QWidget
from pytestqt.qtbot import QtBot

from companion.checkin.schedule import CheckInSchedule, QuestionnaireEvery, load_schedule
from companion.security.caregiver import CaregiverLock
from tests.ui.helpers import press
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.checkin.hub import CheckInHubScreen
from ui.screens.checkin.schedule_settings import (
    CheckInScheduleScreen,
    QuestionnaireEveryScreen,
    ReminderTimeScreen,
)
from ui.screens.settings.reminders import RemindersScreen
from ui.screens.settings.screen import MoreSettingsScreen
from ui.shared.caregiver_gate import CaregiverGateScreen

HELPER_PIN = "730285"


def _click(qtbot: QtBot, widget: QWidget) -> None:
    """Click, then wait for the save it asks of the runner, as a person waits for the screen."""
    ctx = widget.window().ctx  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, ctx)


def _open_from_more_settings(qtbot: QtBot, window: MainWindow) -> None:
    more = MoreSettingsScreen(window.ctx)
    window.push(more)
    assert len(more.choices()) <= 6
    press(qtbot, window, "Reminders")
    press(qtbot, window, "Check-in reminder and questions")


def _schedule(window: MainWindow) -> CheckInSchedule:
    assert window.ctx.session is not None
    return load_schedule(window.ctx.session.preferences)


def _assert_big_buttons_only(screen: QWidget) -> None:
    assert len(screen.choices()) <= 6  # type: ignore[attr-defined]
    assert screen.findChildren(QAbstractSpinBox) == []
    for button in screen.choices():  # type: ignore[attr-defined]
        assert button.width() >= 64 and button.height() >= 64


def test_the_reminder_time_is_chosen_with_big_buttons_and_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open_from_more_settings(qtbot, window)  # no helper PIN yet: straight in
    schedule = window.current()
    assert isinstance(schedule, CheckInScheduleScreen)
    _assert_big_buttons_only(schedule)
    assert schedule.reminder_button.accessibleName() == "Daily reminder at 10:00\u00a0a.m."
    press(qtbot, window, "Daily reminder at 10:00 a.m.")
    times = window.current()
    assert isinstance(times, ReminderTimeScreen)
    _assert_big_buttons_only(times)
    assert [b.accessibleName() for b in times.answers.values()] == [
        "In the morning, 9:00\u00a0a.m.",
        "At noon, 12:00\u00a0p.m.",
        "In the afternoon, 3:00\u00a0p.m.",
        "In the evening, 7:00\u00a0p.m.",
        "No reminder",
    ]
    _click(qtbot, times.answers[time(19, 0)])
    assert _schedule(window).reminder_time == time(19, 0)
    assert times.answers[time(19, 0)].isChecked() and not times.answers[None].isChecked()
    assert "Chosen" in times.answers[time(19, 0)].accessibleDescription()
    window.back()
    assert schedule.reminder_button.accessibleName() == "Daily reminder at 7:00\u00a0p.m."

    press(qtbot, window, "Daily reminder at 7:00 p.m.")
    press(qtbot, window, "No reminder")
    assert _schedule(window).reminder_time is None
    window.back()
    assert schedule.reminder_button.accessibleName() == "No daily reminder"


def test_phq9_every_two_weeks_is_offered_on_the_hub_and_can_be_turned_off(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open_from_more_settings(qtbot, window)
    schedule = window.current()
    assert isinstance(schedule, CheckInScheduleScreen)
    phq9 = schedule.instrument_buttons["phq9"]
    assert phq9.accessibleName() == "Questions about low mood: Not offered"
    assert phq9.accessibleDescription() == "Mood over the last two weeks"
    press(qtbot, window, "Questions about low mood: Not offered")
    every = window.current()
    assert isinstance(every, QuestionnaireEveryScreen)
    _assert_big_buttons_only(every)
    assert [b.accessibleName() for b in every.answers.values()] == [
        "Every week",
        "Every 2 weeks",
        "Every 4 weeks",
        "Do not offer them",
    ]
    press(qtbot, window, "Every 2 weeks")
    assert _schedule(window).questionnaires == (QuestionnaireEvery("phq9", 14),)
    assert _schedule(window).reminder_time == time(10, 0)  # the reminder is left alone
    window.back()
    assert phq9.accessibleName() == "Questions about low mood: Every 2 weeks"

    window.home()
    hub = CheckInHubScreen(window.ctx)
    window.push(hub)
    wait_for_runner(qtbot, window.ctx)
    assert "there are some questions about low mood for you" in hub.body_text()
    press(qtbot, window, "Answer questions")
    assert list(window.current().buttons) == ["phq9"]  # type: ignore[attr-defined]

    window.home()
    _open_from_more_settings(qtbot, window)
    press(qtbot, window, "Questions about low mood: Every 2 weeks")
    press(qtbot, window, "Do not offer them")
    assert _schedule(window).questionnaires == ()
    window.home()
    hub = CheckInHubScreen(window.ctx)
    window.push(hub)
    assert "low mood" not in hub.body_text()


def test_the_schedule_is_behind_the_helper_pin_once_one_is_set(
    qtbot: QtBot, window: MainWindow
) -> None:
    lock = window.ctx.parts.caregiver.get()
    assert isinstance(lock, CaregiverLock)
    lock.set_pin(HELPER_PIN)
    lock.close()
    _open_from_more_settings(qtbot, window)
    gate = window.current()
    assert isinstance(gate, CaregiverGateScreen)
    qtbot.keyClicks(gate.pin_box, HELPER_PIN)
    press(qtbot, window, "Open")
    qtbot.waitUntil(lambda: isinstance(window.current(), CheckInScheduleScreen), timeout=5000)
    window.back()
    assert isinstance(window.current(), RemindersScreen)  # the gate left the stack
    # Once the helper's time is up, the gate asks again.
    window.ctx.clock.advance(hours=1)  # type: ignore[attr-defined]
    window.home()
    _open_from_more_settings(qtbot, window)
    assert isinstance(window.current(), CaregiverGateScreen)


def test_without_the_persons_data_the_tiles_wait(qtbot: QtBot, window: MainWindow) -> None:
    window.ctx.session = None
    screen = CheckInScheduleScreen(window.ctx)
    window.push(screen)
    assert screen.no_person.isVisible()
    assert not any(b.isEnabled() for b in screen.choices())


def test_the_schedule_screens_switch_to_french(qtbot: QtBot, window: MainWindow) -> None:
    _open_from_more_settings(qtbot, window)
    schedule = window.current()
    press(qtbot, window, "Daily reminder at 10:00 a.m.")
    window.ctx.settings.set("language", "fr")
    times = window.current()
    assert times.title() == "Quand Companion doit-il proposer un bilan?"
    assert times.answers[time(15, 0)].accessibleName() == "L’après-midi, 15\u00a0h\u00a000"  # type: ignore[attr-defined]
    window.back()
    assert schedule.reminder_button.accessibleName() == "Rappel chaque jour à 10\u00a0h\u00a000"  # type: ignore[attr-defined]


def test_the_schedule_is_read_behind_a_short_wait(qtbot: QtBot, window: MainWindow) -> None:
    """Read on the runner (the suite's storage guard raises on the UI thread): the tiles wait,
    unpressable, with one sentence, then say what is set."""
    assert window.ctx.session is not None
    from companion.checkin.schedule import save_schedule, with_reminder

    save_schedule(window.ctx.session.preferences, with_reminder(CheckInSchedule(), time(19, 0)))
    schedule = CheckInScheduleScreen(window.ctx)
    window.push(schedule)
    assert schedule.waiting.isVisible() and schedule.waiting.text() == "Reading the schedule..."
    assert not schedule.reminder_button.isEnabled()
    wait_for_runner(qtbot, window.ctx)
    assert not schedule.waiting.isVisible() and schedule.reminder_button.isEnabled()
    assert schedule.reminder_button.accessibleName() == "Daily reminder at 7:00\u00a0p.m."
