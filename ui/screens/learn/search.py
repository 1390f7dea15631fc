"""Search: type a few words (spelling mistakes are fine) and pick from up to four results."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QLineEdit

from companion.i18n import _
from companion.library.schema import Article, Exercise
from ui.context import AppContext
from ui.screens.learn.tiles import LearnButton
from ui.shared.library import content_language, learn_services
from ui.widgets.screen import Screen

MAX_RESULTS = 4


class SearchScreen(Screen):
    screen_id = "learn_search"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.services = learn_services(ctx)
        self.set_title(lambda: _("Search"))
        self.add_text(lambda: _("Type a word, like sleep or worry. Spelling does not matter."))
        self.box = QLineEdit()
        self.box.setAccessibleName(_("Words to search for"))
        self.box.setMaxLength(80)
        self.add_widget(self.box, focusable=True)
        self.result_label = self.add_text(self._result_text)
        self._keys: list[str] = []
        self.result_buttons: list[LearnButton] = []
        for slot in range(MAX_RESULTS):
            button = LearnButton(partial(self._result_title, slot), None, tile=True)
            button.clicked.connect(partial(self._open, slot))
            self.result_buttons.append(button)
            self.add_choice(button)
        self.box.textChanged.connect(self.run_search)
        self.box.returnPressed.connect(self._focus_first_result)
        self.finish_layout()
        self.run_search("")

    def _item(self, slot: int) -> Article | Exercise | None:
        if slot >= len(self._keys):
            return None
        return self.services.report.library.by_key(self._keys[slot], content_language(self.ctx))

    def _result_title(self, slot: int) -> str:
        item = self._item(slot)
        if isinstance(item, Exercise):
            return item.title.get(content_language(self.ctx))
        return item.title if item is not None else ""

    def _result_text(self) -> str:
        if not self.box.text().strip():
            return ""
        if not self._keys:
            return _("Nothing found. Try another word, or look at the topics.")
        return _("Here is what I found:")

    def run_search(self, text: str) -> None:
        hits = self.services.report.library.search(text, content_language(self.ctx), MAX_RESULTS)
        self._keys = [h.key for h in hits]
        look = self.ctx.look()
        for slot, button in enumerate(self.result_buttons):
            item = self._item(slot)
            button.setVisible(item is not None)
            button.setEnabled(item is not None)
            button.icon_name = _icon_for(item)
            button.retranslate()
            button.set_icon_colour(look.palette.button_text, look.text_scale)
        self.result_label.setText(self._result_text())

    def _focus_first_result(self) -> None:
        if self.result_buttons[0].isEnabled():
            self.result_buttons[0].setFocus()

    def _open(self, slot: int) -> None:
        item = self._item(slot)
        if isinstance(item, Article):
            from ui.screens.learn.reader import ReaderScreen

            self.ctx.nav().push(ReaderScreen(self.ctx, item.id))
        elif isinstance(item, Exercise):
            from ui.screens.learn.exercise.opening import exercise_screen

            self.ctx.nav().push(exercise_screen(self.ctx, item.id))

    def retranslate(self) -> None:
        super().retranslate()
        self.box.setAccessibleName(_("Words to search for"))
        self.result_label.setText(self._result_text())


def _icon_for(item: Article | Exercise | None) -> str | None:
    if isinstance(item, Article):
        return item.topics[0]
    if isinstance(item, Exercise):
        return (
            item.id if item.id in ("breathing", "grounding", "relaxation", "planner") else "topics"
        )
    return None
