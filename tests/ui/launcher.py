"""Open the real window the way the launcher does for a data folder's people: the start
decision, then the picker or one person's PIN pad on top of Home (shared by the UI tests)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from companion.people.profiles import People, ensure_default_person, open_people
from companion.startup import open_start_session
from tests.fast_argon2 import FAST
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.start import install_start


def start_like_the_launcher(qtbot: QtBot, ctx: AppContext, people: People) -> MainWindow:
    decision = open_start_session(people)
    ctx.session = decision.session
    ctx.parts.people = people
    window = build_window(ctx)
    qtbot.addWidget(window)
    install_start(window, decision.needs_person_picker, decision.unlock_person_id)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_new_pc(qtbot: QtBot, ctx: AppContext, data_dir: Path) -> MainWindow:
    """A brand-new PC as the launcher opens it: "Me" with no PIN, their data open, Home shown
    (the caller closes `ctx.session`). Cheap Argon2, so tests stay fast."""
    people = open_people(data_dir, ctx.clock, keyring=None, argon2=FAST)
    me = ensure_default_person(people)
    assert me is not None
    ctx.session = people.unlock(me.id, "")
    ctx.parts.people = people
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
