"""A reminders sentence My data shows (reminders catalog): what is kept outside the file."""

from __future__ import annotations

from companion.i18n import _
from ui.context import AppContext


def kept_outside_sentence(ctx: AppContext) -> str:
    """For "What Companion keeps": the one thing kept outside the locked file, and only when
    the person chose reminders with Companion closed."""
    if ctx.settings.get("background_reminders"):
        return _(
            "You asked for reminders when Companion is closed. So that they still come while "
            "your notes are closed, Companion keeps the times of your next reminders beside "
            "your own file. Only the times: never what they are for, or with whom."
        )
    return _("Companion keeps nothing about you outside your own file.")
