"""Learn and feel better: continue reading, topics, exercises, favourites and search."""

from __future__ import annotations

from functools import partial

from companion.i18n import _
from companion.library.prefs import ReadingPlace
from companion.library.schema import Article, Exercise
from ui.context import AppContext
from ui.screens.learn.lists import ListItem, PagedListScreen
from ui.screens.learn.tiles import LearnButton, topic_name
from ui.shared.library import content_language, learn_services
from ui.shared.safety_plan_ways_in import add_learn_choice
from ui.widgets.screen import Screen

EXERCISE_ICONS = ("breathing", "grounding", "relaxation", "planner")


class LearnScreen(Screen):
    screen_id = "learn"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.services = learn_services(ctx)
        self._place: ReadingPlace | None = None  # until the runner has read it
        self.set_title(lambda: _("Learn and feel better"))
        self.add_text(
            lambda: _(
                "Short, plain articles you can read or hear, and exercises to feel calmer. "
                "They do not replace care from your doctor."
            )
        )
        self.continue_button = self.add_choice(
            LearnButton(self._continue_text, "continue", tile=True)
        )
        self.topics_button = self.add_choice(LearnButton(lambda: _("Topics"), "topics", tile=True))
        self.exercises_button = self.add_choice(
            LearnButton(lambda: _("Exercises to feel better"), "breathing", tile=True)
        )
        self.favourites_button = self.add_choice(
            LearnButton(lambda: _("My favourites"), "star", tile=True)
        )
        self.search_button = self.add_choice(LearnButton(lambda: _("Search"), "search", tile=True))
        add_learn_choice(self)  # "My safety plan", for a person (never a guest)
        self.continue_button.clicked.connect(self._continue)
        self.topics_button.clicked.connect(lambda: ctx.nav().push(topics_screen(ctx)))
        self.exercises_button.clicked.connect(lambda: ctx.nav().push(exercises_screen(ctx)))
        self.favourites_button.clicked.connect(lambda: ctx.nav().push(favourites_screen(ctx)))
        self.search_button.clicked.connect(self._search)
        self.finish_layout()
        self._show_place(None)

    def _place_article(self) -> Article | None:
        if self._place is None:
            return None
        library = self.services.report.library
        return library.article(self._place.article_id, content_language(self.ctx))

    def _continue_text(self) -> str:
        article = self._place_article()
        if article is None:
            return ""
        return _("Continue reading: {title}").format(title=article.title)

    def _update_continue(self) -> None:
        """Where reading stopped is read on the runner; "Continue reading" shows once it is."""
        self.ctx.runner.run(self.services.places.last, self._show_place, parent=self)

    def _show_place(self, place: ReadingPlace | None) -> None:
        self._place = place
        has_place = self._place_article() is not None
        self.continue_button.setVisible(has_place)
        self.continue_button.setEnabled(has_place)
        self.retranslate()  # its words, and the screen fitted to the tile shown or gone

    def _continue(self) -> None:
        from ui.screens.learn.reader import ReaderScreen

        if self._place is not None:
            self.ctx.nav().push(ReaderScreen(self.ctx, self._place.article_id, self._place.page))

    def _search(self) -> None:
        from ui.screens.learn.search import SearchScreen

        self.ctx.nav().push(SearchScreen(self.ctx))

    def on_shown(self) -> None:
        self._update_continue()
        super().on_shown()


def article_item(ctx: AppContext, article: Article) -> ListItem:
    from ui.screens.learn.reader import ReaderScreen

    def text(article_id: str = article.id) -> str:
        found = learn_services(ctx).report.library.article(article_id, content_language(ctx))
        return found.title if found else article.title

    return ListItem(
        key=article.key,
        text=text,
        icon=article.topics[0],
        open=lambda: ctx.nav().push(ReaderScreen(ctx, article.id)),
        description=lambda: article.summary,
    )


def exercise_item(ctx: AppContext, exercise: Exercise) -> ListItem:
    from ui.screens.learn.exercise.opening import exercise_screen

    return ListItem(
        key=exercise.key,
        text=lambda: exercise.title.get(content_language(ctx)),
        icon=exercise.id if exercise.id in EXERCISE_ICONS else exercise.topics[0],
        open=lambda: ctx.nav().push(exercise_screen(ctx, exercise.id)),
        description=lambda: exercise.summary.get(content_language(ctx)),
    )


def topics_screen(ctx: AppContext) -> PagedListScreen:
    library = learn_services(ctx).report.library

    def items() -> list[ListItem]:
        return [
            ListItem(
                key=f"topic:{topic}",
                text=partial(topic_name, topic),
                icon=topic,
                open=partial(lambda t: ctx.nav().push(articles_screen(ctx, t)), topic),
            )
            for topic in library.topics(content_language(ctx))
        ]

    return PagedListScreen(
        ctx, lambda: _("Topics"), items, lambda: _("There are no articles in this language yet.")
    )


def articles_screen(ctx: AppContext, topic: str) -> PagedListScreen:
    library = learn_services(ctx).report.library

    def items() -> list[ListItem]:
        return [article_item(ctx, a) for a in library.articles_about(topic, content_language(ctx))]

    return PagedListScreen(
        ctx, partial(topic_name, topic), items, lambda: _("There are no articles on this yet.")
    )


def exercises_screen(ctx: AppContext) -> PagedListScreen:
    library = learn_services(ctx).report.library
    return PagedListScreen(
        ctx,
        lambda: _("Exercises to feel better"),
        lambda: [exercise_item(ctx, e) for e in library.exercises()],
        lambda: _("There are no exercises yet."),
        intro=lambda: _("Each one takes a few minutes. You can stop at any time."),
    )


def favourites_screen(ctx: AppContext) -> PagedListScreen:
    from ui.screens.learn.favourites import FavouritesScreen

    return FavouritesScreen(ctx)
