"""The sessions screen: Join turns on at the right moments and opens only the checked link."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.appointments.model import Appointment
from companion.clock import FixedClock
from tests.ui.helpers import press
from tests.ui.recording_speech import RecordingSpeech
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.sessions.expect_screen import WhatToExpectScreen
from ui.screens.sessions.sessions_screen import SessionsScreen
from ui.shared.appointments import appointment_store

TORONTO = ZoneInfo("America/Toronto")
ZOOM = "https://us02web.zoom.us/j/85512345678?pwd=aBcDeFgHiJk.1"


class UrlRecorder(QObject):
    """Takes the place of the browser: QDesktopServices hands it every https link opened."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def browser() -> Iterator[UrlRecorder]:
    recorder = UrlRecorder()
    for scheme in ("https", "http", "file"):
        QDesktopServices.setUrlHandler(scheme, recorder, "open_url")
    yield recorder
    for scheme in ("https", "http", "file"):
        QDesktopServices.unsetUrlHandler(scheme)


def _clock(window: MainWindow) -> FixedClock:
    clock = window.ctx.clock
    assert isinstance(clock, FixedClock)
    return clock


def _add_session(window: MainWindow, start: datetime, link: str | None = ZOOM) -> Appointment:
    window.ctx.parts.zone = TORONTO
    return appointment_store(window.ctx).save(
        Appointment(
            id=None,
            title="Therapy",
            with_whom="Dr. Lee",
            start=start,
            duration_minutes=50,
            link=link,
            phone="+1 613 555 0100",
            notes="Have your glasses and your pill list.",
            recurrence=None,
            uid=None,
        )
    )


def _open(qtbot, window: MainWindow) -> SessionsScreen:  # type: ignore[no-untyped-def]
    """The screen, once its sessions have been read (in the background)."""
    screen = SessionsScreen(window.ctx)
    window.push(screen)
    wait_for_runner(qtbot, window.ctx)
    return screen


def _click(qtbot: QtBot, widget: QWidget) -> None:
    ctx = widget.window().ctx  # type: ignore[attr-defined]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    wait_for_runner(qtbot, ctx)


def test_join_turns_on_fifteen_minutes_before_and_off_at_the_end(
    qtbot: QtBot, window: MainWindow, browser: UrlRecorder
) -> None:
    clock = _clock(window)
    start = clock.now() + timedelta(hours=2)
    _add_session(window, start)
    screen = _open(qtbot, window)
    assert screen.next_label.text().startswith("Next: today at ")
    assert screen.next_label.text().endswith(" with Dr. Lee")
    assert "It starts in 2 hours." in screen.when_label.text()
    assert not screen.join_button.isEnabled()

    clock.current = start - timedelta(minutes=15, seconds=1)
    screen.refresh()
    assert not screen.join_button.isEnabled()
    assert "in 16 minutes" in screen.when_label.text()

    clock.advance(seconds=1)
    screen.refresh()
    assert screen.join_button.isEnabled()
    assert screen.when_label.text() == "You can join now. Press Join my session."

    clock.current = start + timedelta(minutes=49, seconds=59)
    screen.refresh()
    assert screen.join_button.isEnabled()
    clock.advance(seconds=1)
    screen.refresh()
    assert not screen.join_button.isEnabled()
    assert screen.next_label.text() == "You have no video sessions planned."
    assert browser.opened == []


def test_the_screens_own_timer_turns_join_on_without_anyone_pressing_anything(
    qtbot: QtBot, window: MainWindow
) -> None:
    clock = _clock(window)
    _add_session(window, clock.now() + timedelta(minutes=20))
    screen = _open(qtbot, window)
    assert screen.timer.isActive()
    screen.timer.setInterval(10)
    assert not screen.join_button.isEnabled()
    clock.advance(minutes=5)
    qtbot.waitUntil(screen.join_button.isEnabled, timeout=2000)


def test_join_opens_exactly_the_checked_link_then_says_what_to_expect(
    qtbot: QtBot, window: MainWindow, browser: UrlRecorder
) -> None:
    clock = _clock(window)
    _add_session(window, clock.now() + timedelta(minutes=10), link=ZOOM + "#success")
    screen = _open(qtbot, window)
    assert screen.join_button.isEnabled()
    press(qtbot, window, "Join my session")
    assert browser.opened == [ZOOM]  # the fragment is gone: what was checked is what opens
    expect = window.current()
    assert isinstance(expect, WhatToExpectScreen)
    assert "If it does not work, call +1 613 555 0100 instead." in expect.body_text()
    assert "Have your glasses and your pill list." in expect.body_text()
    press(qtbot, window, "Open it again")
    assert browser.opened == [ZOOM, ZOOM]
    press(qtbot, window, "Back to my sessions")
    assert window.current() is screen


def test_a_bad_link_is_checked_again_before_opening_and_never_opened(
    qtbot: QtBot, window: MainWindow, browser: UrlRecorder, speech: RecordingSpeech
) -> None:
    clock = _clock(window)
    _add_session(window, clock.now() + timedelta(minutes=5), link="https://zoom.us@evil.com/j/1")
    screen = _open(qtbot, window)
    press(qtbot, window, "Join my session")
    assert browser.opened == []
    assert window.current() is screen
    reason = (
        "This link hides where it really goes. It goes to evil.com. Ask your clinic to check it."
    )
    assert screen.problem_label.text() == reason
    assert screen.problem_label.isVisible()
    assert reason in speech.texts()


def test_a_session_without_a_link_says_to_call_instead(qtbot: QtBot, window: MainWindow) -> None:
    clock = _clock(window)
    _add_session(window, clock.now() + timedelta(minutes=5), link=None)
    screen = _open(qtbot, window)
    assert not screen.join_button.isEnabled()
    assert screen.no_link_label.text() == (
        "This session has no link. Call +1 613 555 0100 at the time of your session."
    )
    assert screen.no_link_label.isVisible()


def test_times_are_said_in_the_persons_zone_in_words(qtbot: QtBot, window: MainWindow) -> None:
    _clock(window).current = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
    _add_session(window, datetime(2026, 3, 17, 18, 0, tzinfo=UTC))
    screen = _open(qtbot, window)
    assert screen.next_label.text() == "Next: Tuesday 17 March at 2:00\u00a0p.m. with Dr. Lee"
    assert "It starts in 3 days." in screen.when_label.text()
    spoken = " ".join(part.sentence for part in screen.reading_order())
    assert "Next: Tuesday 17 March at 2:00\u00a0p.m. with Dr. Lee" in spoken


def test_every_control_is_big_and_named(qtbot: QtBot, window: MainWindow) -> None:
    _add_session(window, _clock(window).now() + timedelta(minutes=5))
    screen = _open(qtbot, window)
    for control in screen.choices():
        if control.isVisible():
            assert control.width() >= 64 and control.height() >= 64
            assert control.accessibleName()
    assert screen.join_button.height() >= 120


def test_home_can_open_the_screen_and_say_the_next_session(
    qtbot: QtBot, window: MainWindow
) -> None:
    from ui.shared.appointments import next_session_sentence

    assert next_session_sentence(window.ctx) is None
    _clock(window).current = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
    _add_session(window, datetime(2026, 3, 17, 18, 0, tzinfo=UTC))
    assert (
        next_session_sentence(window.ctx) == "Next: Tuesday 17 March at 2:00\u00a0p.m. with Dr. Lee"
    )
    window.open("sessions")
    assert isinstance(window.current(), SessionsScreen)
