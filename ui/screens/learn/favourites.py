"""My favourites: the articles and exercises a person starred, read on the runner.

The list shows a short wait sentence until the favourites are read, then fills in; it is read
again each time it comes back to the front (a favourite may have been taken away meanwhile).
"""

from __future__ import annotations

from companion.i18n import _
from companion.library.schema import Article, Exercise
from ui.context import AppContext
from ui.screens.learn.lists import ListItem, PagedListScreen
from ui.shared.library import content_language, learn_services


class FavouritesScreen(PagedListScreen):
    def __init__(self, ctx: AppContext) -> None:
        self.services = learn_services(ctx)
        self.keys: list[str] | None = None  # None until the runner has read them
        self.failed = False
        super().__init__(ctx, lambda: _("My favourites"), self._favourite_items, self._empty_words)

    def _empty_words(self) -> str:
        if self.failed:
            return _("Your favourites could not be read. Please go back and try again.")
        if self.keys is None:
            return _("Reading your favourites...")
        return _(
            "You have no favourites yet. When you read an article, press Favourite to keep it here."
        )

    def _favourite_items(self) -> list[ListItem]:
        from ui.screens.learn.home import article_item, exercise_item

        found: list[ListItem] = []
        for key in self.keys or ():
            item = self.services.report.library.by_key(key, content_language(self.ctx))
            if isinstance(item, Article):
                found.append(article_item(self.ctx, item))
            elif isinstance(item, Exercise):
                found.append(exercise_item(self.ctx, item))
        return found

    def _read(self) -> None:
        self.ctx.runner.run(
            self.services.favourites.in_order, self._fill, self._not_read, parent=self
        )

    def _fill(self, keys: list[str]) -> None:
        self.keys, self.failed = keys, False
        self.refill()

    def _not_read(self, _error: Exception) -> None:
        self.failed = True
        self.refill()

    def on_shown(self) -> None:
        """Read each time it comes to the front (the first time too: a push shows it)."""
        self._read()
        super().on_shown()
