"""What the Learn and exercise screens share: the loaded library and the person's preferences.

The launcher may put a `LoadReport` in `ctx.services["library"]` and a `Preferences` backed by
the person's database in `ctx.services["library_prefs"]` (or on the session as `.preferences`);
otherwise the library is loaded here once and preferences stay in memory (as for a guest).
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.library import LoadReport, load_installed_library
from companion.library_prefs import (
    ActivityPlans,
    Favourites,
    MemoryPreferences,
    Preferences,
    ReadingPlaces,
)
from companion.library_schema import CONTENT_LANGUAGES
from ui.context import AppContext

LIBRARY_SERVICE = "library"
PREFERENCES_SERVICE = "library_prefs"


@dataclass(frozen=True)
class LearnServices:
    report: LoadReport
    favourites: Favourites
    places: ReadingPlaces
    plans: ActivityPlans


def load_report(ctx: AppContext) -> LoadReport:
    """The library, loaded on first use and kept for the life of the window."""
    report = ctx.services.get(LIBRARY_SERVICE)
    if not isinstance(report, LoadReport):
        report = load_installed_library(ctx.content_dir, ctx.data_dir)
        ctx.services[LIBRARY_SERVICE] = report
    return report


def preferences(ctx: AppContext) -> Preferences:
    from_session = getattr(ctx.session, "preferences", None)
    if from_session is not None:
        return from_session  # type: ignore[no-any-return]
    prefs = ctx.services.get(PREFERENCES_SERVICE)
    if prefs is None:
        prefs = MemoryPreferences()
        ctx.services[PREFERENCES_SERVICE] = prefs
    return prefs


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
