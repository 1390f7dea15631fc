"""The shell as a person meets it: top bar, Home, Back, Esc, Get help now, live settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.text import words_on_screen
from tests.ui.helpers import press
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.screens.help_now.screen import HelpNowScreen
from ui.screens.settings.screen import SettingsScreen


def test_home_offers_big_named_choices(window: MainWindow) -> None:
    home = window.current()
    assert home.screen_id == "home"
    assert 1 <= len(home.choices()) <= 6
    for button in [*window.top_bar.buttons(), *home.choices()]:
        assert button.accessibleName(), "every control needs a name"
        assert button.width() >= 64 and button.height() >= 64


def test_settings_then_back_and_escape(qtbot: QtBot, window: MainWindow) -> None:
    home = window.current()
    press(qtbot, window, "Settings")
    assert isinstance(window.current(), SettingsScreen)
    assert window.top_bar.back_button.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current() is home
    assert not window.top_bar.back_button.isEnabled()


def test_help_now_is_one_press_from_every_screen(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, "Settings")
    settings = window.current()
    assert isinstance(settings, SettingsScreen)
    position = window.top_bar.help_button.mapTo(window, window.top_bar.help_button.rect().center())
    press(qtbot, window, "Get help now")
    help_screen = window.current()
    assert isinstance(help_screen, HelpNowScreen)
    # The button sits in the same place on both screens.
    assert (
        window.top_bar.help_button.mapTo(window, window.top_bar.help_button.rect().center())
        == position
    )
    text = words_on_screen(help_screen)
    assert "9-8-8" in text and "911" in text
    assert "does not call anyone" in text
    # Pressing it again does not stack a second copy.
    press(qtbot, window, "Get help now")
    window.back()
    assert window.current() is settings


def test_home_button_returns_from_deep_screens(qtbot: QtBot, window: MainWindow) -> None:
    home = window.current()
    press(qtbot, window, "Settings")
    window.show_help_now()
    press(qtbot, window, "Home")
    assert window.current() is home


def test_data_choices_wait_until_the_persons_data_is_open(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    from companion.people.profiles import guest_session
    from ui.app import build_window

    win = build_window(make_ctx(with_person=False))
    qtbot.addWidget(win)
    home = win.current()
    assert not home.buttons["checkin"].isEnabled()
    assert home.buttons["settings"].isEnabled()  # Settings never waits
    with qtbot.waitSignal(win.session_changed):
        win.set_session(guest_session())
    assert home.buttons["checkin"].isEnabled()


def test_the_data_opener_hands_over_the_session_or_a_sentence(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    from companion.clock import FixedClock
    from companion.people.profiles import open_people
    from companion.startup import open_start_session
    from ui.app import build_window
    from ui.launch import open_in_background

    ctx = make_ctx(with_person=False)
    win = build_window(ctx)
    qtbot.addWidget(win)

    def open_data():  # type: ignore[no-untyped-def]
        people = open_people(ctx.data_dir / "real", FixedClock(), keyring=None)
        return people, open_start_session(people)

    with qtbot.waitSignal(win.session_changed, timeout=20000):
        open_in_background(win, open_data)
    qtbot.waitUntil(ctx.runner.is_idle, timeout=20000)  # the first run reads where it was
    assert ctx.session is not None and not ctx.session.is_guest
    assert win.stack.widget(0).buttons["checkin"].isEnabled()  # Home, under the first-run steps
    from ui.screens.setup.flow import SetupStepScreen

    assert isinstance(win.current(), SetupStepScreen)  # a first start is set up together

    open_in_background(win, lambda: 1 / 0)  # type: ignore[arg-type, return-value]
    qtbot.waitUntil(ctx.runner.is_idle, timeout=20000)
    assert any("could not be opened" in n for n in ctx.startup_notices)
    ctx.runner.run(ctx.session.close)
    qtbot.waitUntil(ctx.runner.is_idle)


def test_with_several_people_the_start_asks_who_is_using_companion(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    from companion.clock import FixedClock
    from companion.people.profiles import open_people
    from companion.startup import open_start_session
    from ui.app import build_window
    from ui.launch import open_in_background
    from ui.screens.people.picker import PeopleScreen

    ctx = make_ctx(with_person=False)
    folder = ctx.data_dir / "shared-pc"
    people = open_people(folder, FixedClock(), keyring=None)
    people.add("Mary", "none", "", chosen_by_caregiver=True)
    people.add("Sam", "none", "", chosen_by_caregiver=True)
    win = build_window(ctx)
    qtbot.addWidget(win)

    def open_data():  # type: ignore[no-untyped-def]
        again = open_people(folder, FixedClock(), keyring=None)
        return again, open_start_session(again)

    with qtbot.waitSignal(win.session_changed, timeout=20000):
        open_in_background(win, open_data)
    qtbot.waitUntil(ctx.runner.is_idle, timeout=20000)
    assert isinstance(win.current(), PeopleScreen)
    assert ctx.session is not None and ctx.session.is_guest  # nobody's data is open yet
    names = [b.accessibleName() for b in win.current().choices()]
    assert any("Mary" in n for n in names) and any("Sam" in n for n in names)


def test_a_closed_window_no_longer_follows_settings(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    """A window that was closed and deleted is not reached by a later settings change: before,
    it stayed subscribed, and the change re-applied the look through a deleted window."""
    ctx = make_ctx()
    window = build_window(ctx)
    window.show()
    qtbot.waitExposed(window)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app = QApplication.instance()
    before = app.styleSheet()
    ctx.settings.set("text_scale", 150)  # raised "already deleted" (or worse) before the fix
    assert app.styleSheet() == before


def test_the_window_fits_inside_the_screen_it_opens_on(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    """On a screen narrower than 1440 px (here the offscreen screen) the window fills it; it is
    never wider than the screen, where Get help now would sit past the right edge."""
    window = build_window(make_ctx())
    qtbot.addWidget(window)
    window.show_fitted()
    qtbot.waitExposed(window)
    room = window.screen().availableGeometry()
    assert room.width() < 1440
    assert window.width() <= room.width() and window.height() <= room.height()
    help_button = window.top_bar.help_button
    right_edge = help_button.mapTo(window, help_button.rect().topRight()).x()
    assert right_edge <= room.width()
