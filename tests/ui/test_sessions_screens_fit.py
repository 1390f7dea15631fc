"""The sessions lane's screens fit at 200% text (#15): every choice on screen without a scroll
bar, at 200% in English on 1280 x 720 and in French on 1024 x 768, with the sample data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion.i18n import set_language
from tests.ui.fit import fit_problems
from tests.ui.routes import open_route, open_sample_pc
from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.context import AppContext
from ui.screens.help_now.contacts import ContactsScreen
from ui.screens.sessions.device_check import DeviceCheckScreen
from ui.screens.sessions.sessions_screen import SessionsScreen
from ui.shared.appointments import appointment_store

LOOKS = [("en", (1280, 720)), ("fr", (1024, 768))]


@pytest.fixture(params=LOOKS, ids=[f"{lang}-{w}x{h}" for lang, (w, h) in LOOKS])
def big_text(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
) -> Iterator[MainWindow]:
    """The sample PC at 200% text in one language and window size."""
    language, size = request.param
    ctx = make_ctx(text_scale=200, language=language)
    window = open_sample_pc(qtbot, ctx, tmp_path / "data")
    window.resize(*size)
    try:
        yield window
    finally:
        set_language("en")
        if ctx.session is not None:
            ctx.session.close()


def test_reminders_show_start_with_the_computer_without_a_scroll_bar(
    big_text: MainWindow,
) -> None:
    """At 200% in English on 1280 x 720 the three tiles went to two columns once the screen
    had decided it fitted in one, so the third tile fell below the edge."""
    screen = open_route(big_text, "settings.reminders")
    assert fit_problems(big_text) == []
    assert not screen.part_buttons()


@pytest.mark.parametrize("route", ["sessions.expect", "sessions.import"])
def test_after_join_and_an_invitation_both_choices_are_on_one_screen(
    big_text: MainWindow, route: str
) -> None:
    """What to expect after Join, and an invitation to add: the words that are not needed to
    choose fold behind "Tell me more", and both choices are on the first screen, no pages."""
    screen = open_route(big_text, route)
    assert fit_problems(big_text) == []
    assert not screen.part_buttons()
    assert screen.grid.page_count() == 1
    names = [w.accessibleName() for w in screen.choices() if w.isVisible()]
    if route == "sessions.expect":
        assert names[:2] == ["Open it again", "Back to my sessions"] or names[:2] == [
            "L’ouvrir de nouveau",
            "Retour à mes séances",
        ]
    else:  # the sample's link is refused: Add says what it does
        assert names[:2] in (
            ["Add without this link", "Do not add"],
            ["Ajouter sans ce lien", "Ne pas ajouter"],
        )


def test_when_companion_speaks_keeps_each_choice_beside_its_try(big_text: MainWindow) -> None:
    """The two explanations fold behind "Tell me more"; the choices page, each on/off choice
    on the same page as the "Try" that lets the person hear it."""
    screen = open_route(big_text, "settings.speaking_options")
    assert not screen.part_buttons()
    pairs = [(screen.read_steps, screen.try_steps), (screen.talking, screen.try_talking)]
    seen: set[str] = set()
    for _page in range(screen.grid.page_count()):
        assert fit_problems(big_text) == []
        shown = screen.grid.on_page()
        seen |= {w.accessibleName() for w in shown if w is not screen.grid.page_button}
        for choice, try_it in pairs:
            assert (choice in shown) == (try_it in shown)
        screen.grid.turn_page()
    assert {b.accessibleName() for b in [screen.reminders, *[b for p in pairs for b in p]]} <= seen


def test_my_sessions_shows_join_first_and_pages_the_rest(
    qtbot: QtBot, big_text: MainWindow
) -> None:
    """Join stays first, a whole row of its own, at the usual height where room is short;
    when Join turns on folds behind "Tell me more"; every other choice is a page away."""
    screen = open_route(big_text, "sessions")
    assert isinstance(screen, SessionsScreen)
    wait_for_runner(qtbot, big_text.ctx)
    assert not screen.part_buttons()
    assert screen.choices()[0] is screen.join_button
    wanted = {screen.check_button, screen.add_button, screen.edit_button, screen.import_button}
    seen: set[QWidget] = set()
    for _page in range(screen.grid.page_count()):
        assert fit_problems(big_text) == []
        assert screen.join_button.isVisible()
        seen |= set(screen.grid.on_page())
        screen.grid.turn_page()
    assert wanted <= seen


def test_a_session_without_a_link_says_how_to_attend_at_200_percent(
    qtbot: QtBot, big_text: MainWindow
) -> None:
    """The sentence that says to call instead never folds behind "Tell me more", and takes
    the place of a Join that could never turn on."""
    store = appointment_store(big_text.ctx)
    for old in store.all():
        store.save(replace(old, link=None, phone="+1 613 555 0100"))
    screen = open_route(big_text, "sessions")
    assert isinstance(screen, SessionsScreen)
    wait_for_runner(qtbot, big_text.ctx)
    assert screen.no_link_label.isVisible()
    assert "+1 613 555 0100" in screen.no_link_label.text()
    assert not screen.join_button.isVisible()  # it could never turn on: the sentence says why
    assert fit_problems(big_text) == []


def test_people_to_call_shows_one_person_at_a_time_and_saves_all_three(
    qtbot: QtBot, big_text: MainWindow
) -> None:
    """At 200% the three rows of boxes pushed Save below the edge (at 100% the third row):
    where room is short, one person at a time with "Next person"; what was typed stays, and
    Save keeps every person."""
    screen = open_route(big_text, "help_now.contacts")
    assert isinstance(screen, ContactsScreen)
    wait_for_runner(qtbot, big_text.ctx)
    assert screen.one_at_a_time
    typed = ["Ann", "Bob", "Cy"]
    for index, name in enumerate(typed):
        assert screen.person == index
        assert fit_problems(big_text) == []
        assert not screen.part_buttons()
        shown = [w for w in screen.choices() if w.isVisible()]
        assert screen.rows[index][0] in shown and screen.save_button in shown
        assert all(screen.rows[i][0] not in shown for i in range(3) if i != index)
        for box, words in zip(screen.rows[index], (name, f"555-010{index}", ""), strict=True):
            box.setText(words)
        screen.next_person_button.click()
        assert big_text.focusWidget() is screen.rows[(index + 1) % 3][0]
    assert [row[0].text() for row in screen.rows] == typed  # nothing typed was lost
    screen.rows[1][1].setText("")
    screen.save_button.click()  # Bob has no number: his boxes come back to say so
    assert screen.person == 1 and screen.rows[1][1].isVisible()
    assert screen.status.isVisible()
    screen.rows[1][1].setText("555-0101")
    screen.save_button.click()
    wait_for_runner(qtbot, big_text.ctx)
    session = big_text.ctx.session
    assert session is not None
    assert [p.name for p in session.contacts.contacts()] == typed


def test_the_device_check_puts_its_choices_first_where_the_states_need_parts(
    big_text: MainWindow,
) -> None:
    """The camera, microphone and speaker cannot share one screen at 200%: the choices come
    right under the title, on the first part, and the states are read by parts below."""
    screen = open_route(big_text, "sessions.device_check")
    assert isinstance(screen, DeviceCheckScreen)
    assert fit_problems(big_text) == []
    choices = [screen.sound_button, screen.checklist_button, screen.again_button]
    assert all(choice.isVisible() for choice in choices)
    assert screen.grid.y() < screen.camera_label.y()  # both laid out in the screen's body
