"""The router: every screen another feature (or Home, or a test) opens has a name, such as
"checkin.history", declared by its own feature package, so no feature imports another's screens.

Each package under ui/screens/ has a `routes()` function returning its `Route`s; the main window
builds one `Router` from them (a table, like Anki's DialogManager; nothing global) and opens a
screen with `ctx.nav().open("checkin.history", **kwargs)`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.widgets.screen import Screen

# The feature packages under ui/screens/ that declare routes, in no particular order.
FEATURES = (
    "home",
    "help_now",
    "checkin",
    "learn",
    "report",
    "safety_plan",
    "sessions",
    "people",
    "settings",
    "setup",
)


@dataclass(frozen=True)
class Route:
    """A screen by name: `build(ctx, **kwargs)` makes it (importing its module only then).
    `title` is the words of the tile or choice that opens it, for a screen another feature
    offers as a tile (the words stay in the catalog of the feature that owns the screen)."""

    name: str
    build: Callable[..., Screen]
    title: Callable[[], str] | None = None


class UnknownRouteError(KeyError):
    """A name no feature declared (a typo, or a feature that forgot to declare its screen)."""


class Router:
    """The table of every declared route; each name once."""

    def __init__(self, routes: Iterable[Route]) -> None:
        self._routes: dict[str, Route] = {}
        for route in routes:
            if route.name in self._routes:
                raise ValueError(f"The route {route.name!r} is declared twice")
            self._routes[route.name] = route

    @classmethod
    def of_features(cls, features: Iterable[str] = FEATURES) -> Router:
        """Every route the feature packages declare; a route's name starts with its feature."""
        routes: list[Route] = []
        for feature in features:
            declared: list[Route] = importlib.import_module(f"ui.screens.{feature}").routes()
            for route in declared:
                if route.name.split(".")[0] != feature:
                    raise ValueError(f"{feature} declares {route.name!r}, outside its own name")
            routes.extend(declared)
        return cls(routes)

    def names(self) -> list[str]:
        return sorted(self._routes)

    def route(self, name: str) -> Route:
        try:
            return self._routes[name]
        except KeyError:
            raise UnknownRouteError(name) from None

    def build(self, name: str, ctx: AppContext, **kwargs: Any) -> Screen:
        return self.route(name).build(ctx, **kwargs)

    def title(self, name: str) -> Callable[[], str]:
        title = self.route(name).title
        if title is None:
            raise ValueError(f"The route {name!r} declares no title for a tile")
        return title


def lazy(module: str, name: str) -> Callable[..., Any]:
    """`module.name`, imported only when called: a route's screen class or factory (so the
    feature packages stay light to list), or the words of its tile."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    return call
