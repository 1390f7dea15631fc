"""Learn and feel better: topic tiles, article lists, the reader, search and the exercises."""

from __future__ import annotations

from ui.router import Route, lazy


def routes() -> list[Route]:
    """The screens of this feature other features, Home and the tests open by name."""
    return [
        Route("learn", lazy("ui.screens.learn.home", "LearnScreen")),
        Route("learn.topics", lazy("ui.screens.learn.home", "topics_screen")),
        Route("learn.articles", lazy("ui.screens.learn.home", "articles_screen")),
        Route("learn.exercises", lazy("ui.screens.learn.home", "exercises_screen")),
        Route("learn.favourites", lazy("ui.screens.learn.home", "favourites_screen")),
        Route("learn.search", lazy("ui.screens.learn.search", "SearchScreen")),
        Route("learn.reader", lazy("ui.screens.learn.reader", "ReaderScreen")),
        Route("learn.exercise", lazy("ui.screens.learn.exercise.opening", "exercise_screen")),
    ]
