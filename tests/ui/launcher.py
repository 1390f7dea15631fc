"""Open the real window the way the launcher does for a data folder's people: the start
decision, then the picker or one person's PIN pad on top of Home (shared by the UI tests)."""

from __future__ import annotations

from companion.profiles import People
from companion.startup import open_start_session
from ui.app import MainWindow, build_window
from ui.context import AppContext
from ui.start import install_start


def start_like_the_launcher(qtbot, ctx: AppContext, people: People) -> MainWindow:  # type: ignore[no-untyped-def]
    decision = open_start_session(people)
    ctx.session = decision.session
    ctx.services["people"] = people
    window = build_window(ctx)
    qtbot.addWidget(window)
    install_start(window, decision.needs_person_picker, decision.unlock_person_id)
    window.show()
    qtbot.waitExposed(window)
    return window
