"""My video sessions: the next session, the Join button, invitations and the add/edit form.

Light on purpose (no widgets imported here) so Home can list the feature without loading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.widgets.screen import Screen


def open_sessions(ctx: AppContext) -> Screen:
    """The Home choice's screen factory."""
    from ui.screens.sessions.sessions_screen import SessionsScreen

    return SessionsScreen(ctx)


def next_session_sentence(ctx: AppContext) -> str | None:
    """ "Next: Tuesday 14 March at 2:00 pm with Dr. Lee" for Home to show and say; None if none."""
    from companion.appointments.schedule import describe_next, next_appointment
    from ui.shared.appointments import appointment_store, display_zone

    now = ctx.clock.now()
    upcoming = next_appointment(appointment_store(ctx).all(), now)
    return describe_next(upcoming, now, display_zone(ctx)) if upcoming else None
