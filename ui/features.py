"""The choices on Home. A feature adds its line here once its screen works end to end; each
choice opens a route by name (ui/router.py), so Home imports no feature's screens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from companion.i18n import _


@dataclass(frozen=True)
class HomeChoice:
    choice_id: str
    title: Callable[[], str]
    icon_name: str
    route: str  # the screen it opens, by name: ctx.nav().open(route)
    needs_person: bool = True  # waits until the person's data is open (a moment after start)
    shared_pc_only: bool = False  # shown only in community-centre mode


def _finished_words() -> str:
    from companion.community.shared_pc import finished_words

    return finished_words()


def home_choices() -> list[HomeChoice]:
    """At most six, in the order they appear on Home."""
    return [
        HomeChoice("checkin", lambda: _("How am I feeling?"), "mood", "checkin"),
        HomeChoice("sessions", lambda: _("My video sessions"), "sessions", "sessions"),
        HomeChoice("learn", lambda: _("Learn and feel better"), "learn", "learn"),
        # Settings, behind the helper's PIN where a helper set one.
        HomeChoice("settings", lambda: _("Settings"), "settings", "settings", needs_person=False),
        HomeChoice(
            "finished",
            _finished_words,
            "lock",
            "setup.finished",
            needs_person=False,
            shared_pc_only=True,
        ),
    ]
