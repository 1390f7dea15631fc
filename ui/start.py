"""Who is using Companion: the first screen at start, switching person, and locking.

Every change of person goes through `switch_to` (or `lock`), so the old session is always
closed and nothing of the last person stays on screen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ui.context import AppContext
from ui.widgets.screen import Screen

if TYPE_CHECKING:  # the storage stack loads in the background at start, not here
    from companion.people.profiles import PersonSession
    from ui.app import MainWindow

_log = logging.getLogger(__name__)


def first_screen(ctx: AppContext, needs_person_picker: bool) -> Screen | None:
    """The screen to show over Home at start: the person picker, or None for Home itself."""
    if not needs_person_picker or ctx.parts.people is None:
        return None
    from ui.screens.people.picker import PeopleScreen

    return PeopleScreen(ctx)


def switch_to(ctx: AppContext, session: PersonSession) -> None:
    """Close the old session, use `session` from now on, and go back to a fresh Home.

    What the last person copied is cleared from the clipboard on the way."""
    forget_clipboard()
    nav = ctx.nav()
    set_session = getattr(nav, "set_session", None)
    if set_session is not None:  # the window closes the old session and tells every screen
        # Home comes in the person's own look (read as their data opened), never in another.
        set_session(session, then=lambda: _switched(ctx, session))
        return
    old, ctx.session = ctx.session, session
    if old is not None and old is not session:
        ctx.runner.run(old.close)  # after the saves already asked for, never before
    _switched(ctx, session)


def _switched(ctx: AppContext, session: PersonSession) -> None:
    nav = ctx.nav()
    watch = ctx.parts.autolock
    if watch is not None:
        watch.restart()
    nav.clear_to_home()
    _log.info("Switched to %s session", "a guest" if session.is_guest else "a person's")


def show_people(ctx: AppContext) -> None:
    """Clear every screen and show "Who is using Companion?" over a Home that shows nothing."""
    from ui.screens.people.picker import PeopleScreen

    nav = ctx.nav()
    nav.clear_to_home()
    nav.push(PeopleScreen(ctx))


def forget_clipboard() -> None:
    """Clear what Companion put on the clipboard (a copied note), never another program's text.

    Platforms with no system clipboard (offscreen) keep it inside Companion: all of it is ours.
    """
    from PySide6.QtGui import QClipboard, QGuiApplication

    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    clipboard = app.clipboard()
    in_process_only = QGuiApplication.platformName() in ("offscreen", "minimal")
    if clipboard.ownsClipboard() or in_process_only:
        clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection() and clipboard.ownsSelection():
        clipboard.clear(QClipboard.Mode.Selection)


def lock(ctx: AppContext) -> None:
    """Lock now: close the person's data, forget every screen of theirs and what they copied,
    show the picker."""
    window = ctx.navigator
    banner = getattr(window, "reminder_banner", None)
    if banner is not None:  # a session reminder names the person's appointment
        banner.label.clear()
        banner.hide()
    from companion.people.profiles import guest_session

    switch_to(ctx, guest_session())
    show_people(ctx)
    _log.info("Locked")


def install_start(
    window: MainWindow, needs_person_picker: bool, unlock_person_id: str | None = None
) -> None:
    """The launcher's one call: the auto-lock watch and the keeper of each person's text size
    for the picker, then the picker when the start needs it, and on a PC that one person
    uses, their own PIN pad on top of it."""
    from ui.autolock import AutoLockWatch
    from ui.picker_text_size import PickerTextSize

    ctx = window.ctx
    ctx.parts.autolock = AutoLockWatch(window)
    PickerTextSize(window)  # the window keeps it; it keeps each person's size for the picker
    screen = first_screen(ctx, needs_person_picker)
    people = ctx.parts.people
    if screen is None or people is None:
        return
    window.push(screen)
    person = next((p for p in people.all() if p.id == unlock_person_id), None)
    if person is not None:
        from ui.screens.people.unlock import UnlockScreen

        window.push(UnlockScreen(ctx, person, someone_else=True))
