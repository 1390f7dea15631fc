"""Adding a session with the guided form, one question per screen, by mouse and keyboard."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.clock import FixedClock
from tests.ui.helpers import press
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.sessions.form_screens import (
    ChoiceStepScreen,
    ReviewScreen,
    TextStepScreen,
    WhenStepScreen,
    WhenTimeScreen,
)
from ui.screens.sessions.sessions_screen import SessionsScreen
from ui.shared.appointments import appointment_store

TORONTO = ZoneInfo("America/Toronto")


def _click(qtbot: QtBot, widget: QWidget) -> None:
    """Press, then wait for the screen to change (saves and reads run in the background)."""
    ctx = widget.window().ctx  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, ctx)


def _press(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Press the control a person sees with that name on the current screen."""
    matches = [
        w
        for w in window.current().findChildren(QWidget)
        if w.accessibleName() == name and w.isVisible() and w.isEnabled()
    ]
    assert matches, f"no {name!r} on {window.current().title()!r}"
    _click(qtbot, matches[0])


def _type(qtbot: QtBot, window: MainWindow, text: str) -> None:
    step = window.current()
    assert isinstance(step, TextStepScreen)
    step.box.setFocus()
    qtbot.keyClicks(step.box, text)
    press(qtbot, window, "Next")


def test_adding_a_weekly_session_step_by_step(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    assert isinstance(window.ctx.clock, FixedClock)
    window.ctx.clock.current = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    window.ctx.parts.zone = TORONTO
    screen = SessionsScreen(window.ctx)
    window.push(screen)
    press(qtbot, window, "Add a session")

    assert window.current().title() == "Who is the session with?"
    assert "Step 1 of 7" in window.current().body_text()
    _type(qtbot, window, "Dr. Lee")

    when = window.current()
    assert isinstance(when, WhenStepScreen)
    assert when.day_picker.tomorrow_button.isChecked()  # tomorrow is offered first
    _press(qtbot, window, "Another day")
    assert window.current().grid_part.month_label.text() == "March 2026"  # type: ignore[attr-defined]
    _press(qtbot, window, "Tuesday 3 March")
    at = window.current()
    assert isinstance(at, WhenTimeScreen)
    assert at.title() == "What time?"
    assert at.time_picker.time_label.text() == "2:00\u00a0p.m."
    _press(qtbot, window, "Later, 2:15\u00a0p.m.")
    _press(qtbot, window, "Earlier, 2:00\u00a0p.m.")
    press(qtbot, window, "Next")

    length = window.current()
    assert isinstance(length, ChoiceStepScreen)
    press(qtbot, window, "50 minutes")

    _type(qtbot, window, "https://zoom.us@evil.com/j/1")
    link_step = window.current()
    assert isinstance(link_step, TextStepScreen)  # refused: still on the link step
    assert "It goes to evil.com." in link_step.problem_label.text()
    assert link_step.problem_label.text() in speech.texts()
    link_step.box.clear()
    _type(qtbot, window, "https://zoom.us/j/5551234567")

    _type(qtbot, window, "613-555-0100")
    _type(qtbot, window, "Have your glasses.")
    repeat = window.current()
    assert isinstance(repeat, ChoiceStepScreen)
    _click(qtbot, next(b for b in repeat.options.values() if b.label() == "Every week"))

    review = window.current()
    assert isinstance(review, ReviewScreen)
    assert "When: Tuesday 3 March at 2:00\u00a0p.m." in review.body_text()
    assert "Repeats: Every week" in review.body_text()
    press(qtbot, window, "Save this session")

    assert window.current() is screen
    sessions = appointment_store(window.ctx).all()
    assert len(sessions) > 20
    assert {s.start.astimezone(TORONTO).hour for s in sessions} == {14}  # across 8 March
    assert screen.next_label.text() == "Next: Tuesday 3 March at 2:00\u00a0p.m. with Dr. Lee"


def test_a_caregiver_fills_everything_on_one_page(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    from ui.screens.sessions.form_page import OnePageFormScreen

    assert isinstance(window.ctx.clock, FixedClock)
    window.ctx.clock.current = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    window.ctx.parts.zone = TORONTO
    screen = SessionsScreen(window.ctx)
    window.push(screen)
    press(qtbot, window, "Add a session")
    first = window.current()
    assert isinstance(first, TextStepScreen)
    qtbot.keyClicks(first.box, "Dr. Roy")
    press(qtbot, window, "Show all on one page")
    page = window.current()
    assert isinstance(page, OnePageFormScreen)
    assert page.with_whom.text() == "Dr. Roy"  # kept from the step
    _press(qtbot, window, "Day: Monday 2 March")  # tomorrow, in words
    _press(qtbot, window, "Another day")
    _press(qtbot, window, "Tuesday 10 March")
    assert window.current() is page
    _press(qtbot, window, "Time: 2:00\u00a0p.m.")
    _press(qtbot, window, "10:00\u00a0a.m.")
    for _quarter in range(2):
        _press(
            qtbot, window, "Earlier, " + ("9:45\u00a0a.m." if _quarter == 0 else "9:30\u00a0a.m.")
        )
    _press(qtbot, window, "This time")
    assert window.current() is page
    assert page.time_box.accessibleName() == "Time: 9:30\u00a0a.m."
    page.link_box.setText("https://meet.g\u043eogle.com/abc-defg-hij")  # QTest types Latin-1 only
    press(qtbot, window, "Save this session")
    assert window.current() is page
    assert "look like ordinary letters" in page.problem_label.text()
    page.link_box.setText("https://meet.google.com/abc-defg-hij")
    press(qtbot, window, "Save this session")
    assert window.current() is screen
    [saved] = appointment_store(window.ctx).all()
    assert saved.with_whom == "Dr. Roy" and saved.link == "https://meet.google.com/abc-defg-hij"
    assert screen.next_label.text() == "Next: Tuesday 10 March at 9:30\u00a0a.m. with Dr. Roy"
