"""The choices on Home. A feature adds its line here once its screen works end to end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from companion.i18n import _

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.widgets.screen import Screen


@dataclass(frozen=True)
class HomeChoice:
    choice_id: str
    title: Callable[[], str]
    icon_name: str
    open_screen: Callable[[AppContext], Screen]
    needs_person: bool = True  # waits until the person's data is open (a moment after start)
    shared_pc_only: bool = False  # shown only in community-centre mode


def _settings(ctx: AppContext) -> Screen:
    """Settings, behind the helper's PIN where a helper set one."""
    from ui.screens.settings.screen import SettingsScreen
    from ui.shared.caregiver_gate import guarded

    return guarded(ctx, SettingsScreen)


def _finished(ctx: AppContext) -> Screen:
    from ui.screens.setup import open_finished

    screen: Screen = open_finished(ctx)
    return screen


def _finished_words() -> str:
    from companion.community import finished_words

    return finished_words()


def _checkin(ctx: AppContext) -> Screen:
    from ui.screens.checkin.hub import CheckInHubScreen

    return CheckInHubScreen(ctx)


def _learn(ctx: AppContext) -> Screen:
    from ui.screens.learn import open_learn

    screen: Screen = open_learn(ctx)
    return screen


def _sessions(ctx: AppContext) -> Screen:
    from ui.screens.sessions import open_sessions

    screen: Screen = open_sessions(ctx)
    return screen


def home_choices() -> list[HomeChoice]:
    """At most six, in the order they appear on Home."""
    return [
        HomeChoice("checkin", lambda: _("How am I feeling?"), "mood", _checkin),
        HomeChoice("sessions", lambda: _("My video sessions"), "sessions", _sessions),
        HomeChoice("learn", lambda: _("Learn and feel better"), "learn", _learn),
        HomeChoice("settings", lambda: _("Settings"), "settings", _settings, needs_person=False),
        HomeChoice(
            "finished", _finished_words, "lock", _finished, needs_person=False, shared_pc_only=True
        ),
    ]
