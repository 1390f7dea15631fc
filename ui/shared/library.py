"""What the Learn and exercise screens share: the loaded library and the person's preferences.

The library is `ctx.parts.library` (loaded on first use, then kept); preferences are the open
person's (`ctx.session.preferences`), or in memory before the data opens (as for a guest).
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.library.packs import LoadReport
from companion.library.prefs import ActivityPlans, Favourites, ReadingPlaces
from companion.library.schema import CONTENT_LANGUAGES
from companion.preferences import Preferences
from ui.context import AppContext


@dataclass(frozen=True)
class LearnServices:
    report: LoadReport
    favourites: Favourites
    places: ReadingPlaces
    plans: ActivityPlans


def load_report(ctx: AppContext) -> LoadReport:
    """The library, loaded on first use and kept for the life of the window."""
    return ctx.parts.library.get()


def preferences(ctx: AppContext) -> Preferences:
    return ctx.stores().preferences


def learn_services(ctx: AppContext) -> LearnServices:
    prefs = preferences(ctx)
    return LearnServices(
        report=load_report(ctx),
        favourites=Favourites(prefs),
        places=ReadingPlaces(prefs, ctx.clock),
        plans=ActivityPlans(prefs),
    )


def content_language(ctx: AppContext) -> str:
    """The person's language if we have content in it, else English."""
    language = ctx.language()
    return language if language in CONTENT_LANGUAGES else "en"
