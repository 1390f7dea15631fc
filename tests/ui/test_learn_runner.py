"""Learn reads and keeps a person's favourites and reading place on the background runner
(#14), against a real encrypted database with the UI-thread storage guard on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from companion.clock import FixedClock
from companion.library.prefs import Favourites, ReadingPlaces
from companion.people.profiles import PersonSession, guest_session, open_people
from tests.fast_argon2 import FAST
from tests.ui.helpers import press
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.learn.home import LearnScreen
from ui.screens.learn.lists import PagedListScreen
from ui.screens.learn.reader import ReaderScreen


@pytest.fixture
def mary(window: MainWindow, tmp_path: Path) -> Iterator[PersonSession]:
    people = open_people(tmp_path, FixedClock(), keyring=None, argon2=FAST)
    person = people.add("Mary", "none", "", chosen_by_caregiver=True)
    session = people.unlock(person.id, "")
    window.set_session(session)
    yield session
    window.set_session(guest_session())


def test_a_favourite_is_read_and_kept_on_the_runner(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    Favourites(mary.preferences).add("article:grief")
    reader = ReaderScreen(window.ctx, "grief")
    window.push(reader)
    wait_for_runner(qtbot, window)
    assert reader.favourite_button.isChecked()  # read from the database, then shown
    press(qtbot, window, "Favourite")  # taken away again
    assert not Favourites(mary.preferences).contains("article:grief")

    window.back()
    window.push(ReaderScreen(window.ctx, "stress"))
    press(qtbot, window, "Favourite")
    assert Favourites(mary.preferences).in_order() == ["article:stress"]

    window.back()
    window.open("learn.favourites")
    favourites = window.current()
    assert isinstance(favourites, PagedListScreen)
    wait_for_runner(qtbot, window)
    assert [b.accessibleName() for b in favourites.item_buttons if b.isVisible()] == ["Stress"]


def test_continue_reading_is_read_on_the_runner(
    qtbot: QtBot, window: MainWindow, mary: PersonSession
) -> None:
    ReadingPlaces(mary.preferences, window.ctx.clock).remember("grief", 1, 4)
    learn = LearnScreen(window.ctx)
    window.push(learn)
    wait_for_runner(qtbot, window)
    assert learn.continue_button.accessibleName() == "Continue reading: Grief and loss"
    press(qtbot, window, "Continue reading: Grief and loss")
    reader = window.current()
    assert isinstance(reader, ReaderScreen)
    assert reader.page == 1
