"""The people screens fit at 200% text on 1024 x 768, in English and French (#15): the picker
with several people (every name, Guest and Add a person on screen on some page), the PIN pad
(every key, Delete last and Open on the first screen), the account and My data screens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.i18n import _, set_language
from companion.people.profiles import People, open_people
from tests.fast_argon2 import FAST
from tests.ui.fit import assert_fits, pages, settle
from tests.ui.helpers import type_into
from tests.ui.layout_check import stale_item_wrappers
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.screens.people.picker import PeopleScreen
from ui.screens.people.unlock import UnlockScreen
from ui.start import lock

LANGUAGES = ("en", "fr")


def seen_on_pages(window: MainWindow, name: str) -> set[str]:
    """Fit-check every page of the screen in front; the names of the choices seen."""
    seen: set[str] = set()
    screen = window.current()
    for page in pages(screen):
        assert_fits(window, f"{name}-page{page + 1}")
        seen |= {w.accessibleName() for w in screen.choices() if w.isVisible()}
    return seen


def open_window(
    qtbot: QtBot, ctx: AppContext, people: People, size: tuple[int, int] = (1024, 768)
) -> MainWindow:
    """A window already shown (at 1024 x 768), as when someone locks and switches person."""
    ctx.parts.people = people
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("count", [2, 3, 4, 7])
def test_the_picker_shows_every_name_guest_and_add_on_screen_at_200_percent(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
    language: str,
    count: int,
) -> None:
    """Each name carries its initials in a big circle: measured before the circles were drawn,
    a picker opened in a shown window (after "More people") put its last choices below the
    edge, reachable only by the scroll bar."""
    ctx = make_ctx(with_person=False, text_scale=200)
    people = open_people(tmp_path / "data", ctx.clock, keyring=None, argon2=FAST)
    names = ["Me", "Mary", "Jean-François", "Henriette", "Bob", "Lucie", "Marc"][:count]
    for name in names:  # "Me" has no PIN, as on a new PC
        kind = "none" if name == "Me" else "pin"
        added = people.add(name, kind, "" if name == "Me" else "583920", chosen_by_caregiver=True)
        people.set_text_scale(added.id, 200)  # chose 200% for themselves: their name at it
    window = open_window(qtbot, ctx, people)
    ctx.session = people.unlock(people.all()[0].id, "")
    ctx.settings.set("language", language)  # changed in Settings, then "Lock and switch person"
    settle()
    lock(ctx)
    settle()
    try:
        seen: set[str] = set()
        for screen in range(3):  # "More people" opens the next names in a new picker
            picker = window.current()
            assert isinstance(picker, PeopleScreen)
            seen |= seen_on_pages(window, f"picker-{count}-{language}-{screen + 1}")
            if not hasattr(picker, "more_button"):
                break
            picker.more_button.click()
            settle()
        assert {*names, _("Guest (nothing is kept)"), _("Add a person")} <= seen
    finally:
        set_language("en")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("pc_scale", "own_scale"), [(200, None), (100, 200)])
def test_the_pin_pad_shows_every_choice_on_one_screen_at_200_percent(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
    language: str,
    pc_scale: int,
    own_scale: int | None,
) -> None:
    """#15's done-when: the ten digits, Delete last, Show my PIN, Open, I forgot my PIN and
    Someone else all on the first screen at 200% on 1024 x 768, no page, no part, no scroll
    bar; at the PC's 200% or at the 200% the person chose for their own pad. The box went
    beside the keys with the buttons, so the buttons paged: "Delete last" was on page 2 when
    the person's own size was bigger than the PC's, "Show my PIN" on page 2 at the PC's."""
    ctx = make_ctx(with_person=False, text_scale=pc_scale, language=language)
    people = open_people(tmp_path / "data", ctx.clock, keyring=None, argon2=FAST)
    mary = people.add("Marie-Thérèse", "pin", "583920")
    if own_scale is not None:
        mary = people.set_text_scale(mary.id, own_scale)
    window = open_window(qtbot, ctx, people)
    try:
        window.push(UnlockScreen(ctx, mary, someone_else=True))
        settle()
        pad = window.current()
        assert isinstance(pad, UnlockScreen)
        assert_fits(window, f"pin-{pc_scale}-{own_scale}-{language}")
        grid = pad.paged_grid()
        assert grid is not None and grid.page_count() == 1
        assert pad.part_buttons() == []
        assert not pad._scroll.verticalScrollBar().isVisible()
        on_screen = {w.accessibleName() for w in pad.choices() if w.isVisible()}
        wanted = [*pad.pad.keys, *pad.pad.screen_buttons]
        assert {w.accessibleName() for w in wanted} <= on_screen
        assert len([k for k in pad.pad.keys if k.text().isdigit()]) == 10
    finally:
        set_language("en")


def test_the_pad_moving_its_buttons_leaves_no_wrapper_qt_can_delete_under_python(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> None:
    """The fit measured layouts with `itemAt()`, whose wrappers PySide keeps; moving Delete
    last and Show my PIN beside the keys deletes their items in Qt, and a later object at
    the same address came back as a QWidgetItem: "'QWidgetItem' object has no attribute
    'unpolish'", and the PIN pad did not open (seen once in CI). No such wrapper is kept."""
    ctx = make_ctx(with_person=False, text_scale=200)
    people = open_people(tmp_path / "data", ctx.clock, keyring=None, argon2=FAST)
    mary = people.add("Mary", "pin", "583920")
    window = open_window(qtbot, ctx, people)
    window.push(UnlockScreen(ctx, mary))
    settle()
    pad = window.current()
    assert isinstance(pad, UnlockScreen)
    beside = getattr(pad.pad, "side_column", None)
    assert beside is not None and beside.isVisible()  # at 200%: the buttons beside the keys
    window.resize(1920, 1080)
    ctx.settings.set("text_scale", 100)
    settle()
    assert not beside.isVisible()  # and back under them: their items deleted and made again
    pad.fit()
    settle()
    assert stale_item_wrappers() == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_pin_sentence_keeps_the_keys_and_open_on_screen(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path, language: str
) -> None:
    """The sentence after a wrong PIN sits over the pad: shown without fitting again, it
    pushed 7, 8, 9, 0 and the buttons below the edge with no way down. The box keeps the
    focus, so typing again goes on in it."""
    ctx = make_ctx(with_person=False, text_scale=200, language=language)
    people = open_people(tmp_path / "data", ctx.clock, keyring=None, argon2=FAST)
    mary = people.add("Mary", "pin", "583920")
    window = open_window(qtbot, ctx, people)
    try:
        window.push(UnlockScreen(ctx, mary))
        settle()
        pad = window.current()
        assert isinstance(pad, UnlockScreen)
        type_into(qtbot, pad.pad.box, "111999")
        qtbot.keyClick(pad.pad.box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: pad.status.isVisible() and pad.open_button.isEnabled())
        settle()
        assert_fits(window, f"pin-wrong-{language}")
        on_screen = {w.accessibleName() for w in pad.choices() if w.isVisible()}
        keys = {k.accessibleName() for k in pad.pad.keys if k.text().isdigit()}
        assert keys | {pad.open_button.accessibleName()} <= on_screen
        assert pad.pad.box.hasFocus()
    finally:
        set_language("en")


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("route", ["people.account", "people.backup", "people.restore"])
def test_the_account_and_backup_screens_fit_and_tell_more_on_request(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    tmp_path: Path,
    route: str,
    language: str,
    size: tuple[int, int],
) -> None:
    """At 200% their sentences pushed the choices below the first part ("Choose a PIN",
    "Save the backup", "Open the backup"): they fold behind "Tell me more" now, which shows
    them."""
    ctx = make_ctx(with_person=False, text_scale=200, language=language)
    people = open_people(tmp_path / "data", ctx.clock, keyring=None, argon2=FAST)
    me = people.add("Me", "none", "", chosen_by_caregiver=True)
    window = open_window(qtbot, ctx, people, size)
    ctx.session = people.unlock(me.id, "")
    try:
        screen = window.open(route)
        settle()
        seen = seen_on_pages(window, f"{route}-{language}-{size[0]}x{size[1]}")
        wanted = {b.accessibleName() for b in screen._choice_buttons}  # every choice it offers
        assert wanted <= seen
        assert screen.part_buttons() == []
        if screen.tell_more_button is not None and screen.tell_more_button.isVisible():
            folded = [label for label, _fn in screen._explanations if label.text()]
            assert not any(label.isVisible() for label in folded)
            screen.tell_more_button.click()
            settle()
            assert folded and all(label.isVisible() for label in folded)
    finally:
        if ctx.session is not None:
            ctx.session.close()
        set_language("en")
