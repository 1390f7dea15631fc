"""Lists of things to open (topics, articles, exercises, favourites), four to a page.

A screen offers at most six choices, so a long list shows four items with "More" and
"Earlier ones" buttons rather than a long scroll.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from companion.i18n import _
from ui.context import AppContext
from ui.screens.learn.tiles import LearnButton
from ui.widgets.screen import Screen, TextFn

ITEMS_PER_PAGE = 4


@dataclass(frozen=True)
class ListItem:
    """One thing in a list: its words, icon, a short description, and what opening it does."""

    key: str
    text: TextFn
    icon: str
    open: Callable[[], None]
    description: TextFn | None = None


class PagedListScreen(Screen):
    """A titled list of big buttons, four per page, with More / Earlier ones when needed."""

    screen_id = "learn_list"

    def __init__(
        self,
        ctx: AppContext,
        title: TextFn,
        items: Callable[[], Sequence[ListItem]],
        empty_text: TextFn,
        intro: TextFn | None = None,
    ) -> None:
        super().__init__(ctx)
        self._items_fn = items
        self._items: list[ListItem] = list(items())
        self._page = 0
        self.set_title(title)
        if intro is not None:
            self.add_text(intro)
        self.empty_label = self.add_text(empty_text, notice=True)
        self.page_label = self.add_text(self._page_text)
        self.item_buttons: list[LearnButton] = []
        for slot in range(ITEMS_PER_PAGE):
            button = LearnButton(
                partial(self._item_text, slot),
                None,
                tile=True,
                description_fn=partial(self._item_description, slot),
            )
            button.clicked.connect(partial(self._open, slot))
            self.item_buttons.append(self.add_choice(button))  # type: ignore[arg-type]
        self.earlier_button = self.add_choice(LearnButton(lambda: _("Earlier ones"), "back"))
        self.more_button = self.add_choice(LearnButton(lambda: _("More"), "more"))
        self.earlier_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.more_button.clicked.connect(lambda: self.show_page(self._page + 1))
        self.finish_layout()
        self.show_page(0)

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self._items) // ITEMS_PER_PAGE))

    def items(self) -> list[ListItem]:
        return list(self._items)

    def _slot_item(self, slot: int) -> ListItem | None:
        index = self._page * ITEMS_PER_PAGE + slot
        return self._items[index] if index < len(self._items) else None

    def _item_text(self, slot: int) -> str:
        item = self._slot_item(slot)
        return item.text() if item else ""

    def _item_description(self, slot: int) -> str:
        item = self._slot_item(slot)
        return item.description() if item and item.description else ""

    def _page_text(self) -> str:
        if self.page_count <= 1:
            return ""
        return _("Page {page} of {count}").format(page=self._page + 1, count=self.page_count)

    def _open(self, slot: int) -> None:
        item = self._slot_item(slot)
        if item is not None:
            item.open()

    def show_page(self, page: int) -> None:
        self._page = max(0, min(page, self.page_count - 1))
        look = self.ctx.look()
        for slot, button in enumerate(self.item_buttons):
            item = self._slot_item(slot)
            button.setVisible(item is not None)
            button.setEnabled(item is not None)  # hidden and disabled: skipped by Tab and scanning
            button.icon_name = item.icon if item else None
            button.retranslate()
            button.set_icon_colour(look.palette.button_text, look.text_scale)
        paging = self.page_count > 1
        self.earlier_button.setVisible(paging)
        self.more_button.setVisible(paging)
        self.earlier_button.setEnabled(paging and self._page > 0)
        self.more_button.setEnabled(paging and self._page < self.page_count - 1)
        self.empty_label.setVisible(not self._items)
        self.page_label.setVisible(paging)
        self.retranslate()
        first = next((b for b in self.choices() if b.isVisibleTo(self) and b.isEnabled()), None)
        if first is not None and self.isVisible():
            first.setFocus()

    def refill(self) -> None:
        """Build the list again from `items` (it may have changed), on the same page."""
        self._items = list(self._items_fn())
        self.show_page(self._page)

    def on_shown(self) -> None:
        """Lists can change while covered (a favourite removed): rebuild them on return."""
        self.refill()
        super().on_shown()
