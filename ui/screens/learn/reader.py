"""The reader: one short page of an article at a time, in very large text, with big Next / Back.

"Read this to me" reads the page sentence by sentence and highlights the sentence being said.
Each page turn is remembered so Learn can offer "Continue where you stopped".
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel

from companion.i18n import _
from companion.library.schema import Article, Exercise, Page, split_sentences
from ui.context import AppContext
from ui.runner import failure_sentence
from ui.screens.learn.tiles import LearnButton
from ui.shared.library import content_language, learn_services
from ui.theme import BODY_POINTS
from ui.widgets.fit import RoomSaver
from ui.widgets.reading_box import ReadingBox
from ui.widgets.screen import Screen, SpokenPart, _restyle

_log = logging.getLogger(__name__)
READING_POINTS = 22  # the article text, at 100% text size (body text elsewhere is 18)
MIN_LINES = 4  # a part shows at least this many lines of the article where room allows


class ReaderScreen(Screen):
    screen_id = "learn_reader"
    refit_on_new_words = False  # each move says its place in new words and fits the box itself

    def __init__(self, ctx: AppContext, article_id: str, page: int = 0) -> None:
        super().__init__(ctx)
        self.services = learn_services(ctx)
        self.article_id = article_id
        self.page = 0
        self.set_title(lambda: self.article().title)
        self.position_label = self.add_text(self._position_text)
        self.heading_label = self.add_text(self._heading_text)
        self.heading_label.setProperty("heading", True)
        self.page_label = self.add_text(self._page_text)
        self.sources_label = self.add_text(self._sources_text)
        # The words go by parts in their own box where room is short; the choices stay.
        self.reading = ReadingBox([self.heading_label, self.page_label, self.sources_label])
        self.add_widget(self.reading)
        bar = self.reading.area.verticalScrollBar()
        bar.rangeChanged.connect(self._places_changed)
        bar.valueChanged.connect(self._places_changed)

        # Where room is short, "Previous" and "Next" alone (the words above say page or part;
        # the names keep the full words), so the choices sit in one row.
        self.previous_button = self.add_choice(
            LearnButton(self._previous_text, "back", short_fn=lambda: _("Previous"))
        )
        self.next_button = self.add_choice(
            LearnButton(self._next_text, "next", short_fn=self._next_short)
        )
        self.try_button = self.add_choice(
            LearnButton(self._try_text, "continue", short_fn=lambda: _("Try this"))
        )
        self.favourite_button = self.add_choice(
            LearnButton(lambda: _("Favourite"), "star", checkable=True)
        )
        self.previous_button.clicked.connect(self._previous)
        self.next_button.clicked.connect(self._next)
        self.try_button.clicked.connect(self._try_this)
        self.words_large = True  # the article in large print, unless room is short
        self.favourite_pressed = False  # pressed before the runner said whether it is one
        self.showing_favourite = False
        self.favourite_button.toggled.connect(self._set_favourite)
        self.may_page = False  # its few choices never page: the words go by parts instead
        self.finish_layout()
        self.go_to(page)
        favourites, key = self.services.favourites, self.key
        ctx.runner.run(lambda: favourites.contains(key), self._read_favourite, parent=self)

    def _read_favourite(self, chosen: bool) -> None:
        if not self.favourite_pressed:  # a press since is newer than what was read
            self._show_favourite(chosen)

    def _show_favourite(self, chosen: bool) -> None:
        self.showing_favourite = True  # showing what is kept saves nothing
        self.favourite_button.setChecked(chosen)
        self.showing_favourite = False

    # --- what is shown ------------------------------------------------------------------
    @property
    def key(self) -> str:
        return f"article:{self.article_id}"

    def article(self) -> Article:
        """The article in the person's language (or its twin, if that language has none)."""
        library = self.services.report.library
        found = library.article(self.article_id, content_language(self.ctx))
        if found is None:
            found = next(a for a in library.all_articles() if a.id == self.article_id)
        return found

    def current_page(self) -> Page:
        pages = self.article().pages
        return pages[min(self.page, len(pages) - 1)]

    def _is_last(self) -> bool:
        return self.page >= len(self.article().pages) - 1

    def _position_text(self) -> str:
        count = len(self.article().pages)
        reading: ReadingBox | None = getattr(self, "reading", None)  # built after this label
        if reading is not None and reading.count() > 1:
            return _("Page {page} of {count}, part {part} of {parts}").format(
                page=self.page + 1, count=count, part=reading.part() + 1, parts=reading.count()
            )
        return _("Page {page} of {count}").format(page=self.page + 1, count=count)

    def _more_parts(self) -> bool:
        return self.reading.part() < self.reading.count() - 1

    def _previous_text(self) -> str:
        return _("Previous part") if self.reading.part() > 0 else _("Previous page")

    def _leading_heading(self) -> str | None:
        blocks = self.current_page().blocks
        return blocks[0].text if blocks and blocks[0].kind == "heading" else None

    def _heading_text(self) -> str:
        return self._leading_heading() or ""

    def _page_text(self) -> str:
        blocks = self.current_page().blocks
        if self._leading_heading() is not None:
            blocks = blocks[1:]
        lines = []
        for block in blocks:
            if block.kind == "bullet":
                lines.append("•  " + block.text)
            else:
                lines.append(block.text)
        return "\n\n".join(lines)

    def _sources_text(self) -> str:
        if not self._is_last():
            return ""
        titles = "; ".join(s.title for s in self.article().sources)
        return _("Sources: {titles}").format(titles=titles)

    def _next_text(self) -> str:
        if self._more_parts():
            return _("Next part")
        return _("Finish") if self._is_last() else _("Next page")

    def _next_short(self) -> str:
        return _("Finish") if self._is_last() and not self._more_parts() else _("Next")

    def _try_target(self) -> object | None:
        article = self.article()
        exercise_id = article.try_this_exercise
        if exercise_id is not None:
            return self.services.report.library.exercise(exercise_id)
        return _checkin_choice()

    def _try_text(self) -> str:
        target = self._try_target()
        if isinstance(target, Exercise):
            return _("Try this: {title}").format(title=target.title.get(content_language(self.ctx)))
        title = target.title() if target is not None else ""  # type: ignore[attr-defined]
        return _("Try this: {title}").format(title=title)

    # --- fitting: the article's choices on screen, its words by parts -------------------
    def room_savers(self) -> list[RoomSaver]:
        """The usual savers, then the choices side by side (their words on two short lines),
        then the words by parts in their own box: the choices never leave the screen."""
        return [*super().room_savers(), self._choices_in_a_row, self._words_by_parts]

    def _words_by_parts(self, on: bool) -> None:
        """The words by parts in their box, the section heading at body size; where a part
        would show fewer than MIN_LINES lines, the article at the person's body size too
        (never smaller)."""
        box = self.reading.saver(self.fitter, self.body, self._scroll)
        self.heading_label.setProperty("tight", on)
        _restyle(self.heading_label)
        self.words_large = True
        self._style_words()
        box(on)
        if on and self._lines_shown() < MIN_LINES:
            self.words_large = False
            self._style_words()
            box(True)

    def _lines_shown(self) -> int:
        """How many whole lines of the article the first part shows."""
        limit = self.reading.limit
        margins = self.body_layout.contentsMargins()
        width = self.fitter.room()[0] - margins.left() - margins.right()
        width -= self._scroll.verticalScrollBar().sizeHint().width()
        lines = self.reading.lines(width, only=self.page_label)
        return sum(1 for line in lines if limit is None or line.bottom <= limit)

    def _style_words(self) -> None:
        points = READING_POINTS if self.words_large else BODY_POINTS
        self.page_label.setStyleSheet(f"font-size: {self.ctx.look().points(points)}pt;")

    def _choices_in_a_row(self, on: bool) -> None:
        for button, icon in (
            (self.previous_button, "back"),
            (self.next_button, "next"),
            (self.try_button, "continue"),
            (self.favourite_button, "star"),
        ):
            button.set_line_chars(10 if on else 24)
            button.set_icon_name(None if on else icon)
            if on:
                button.setIcon(QIcon())
        for button in (self.previous_button, self.next_button, self.try_button):
            button.set_short(on)  # "Try this": its name keeps the exercise's title

    def fit(self) -> None:
        super().fit()
        self._places_changed()  # the parts may be gone with no move of the box's words

    def highlight(self, part: SpokenPart | None) -> None:
        """The sentence read aloud is marked, and the box shows the part that holds it."""
        fraction = 0.0
        if part is not None and part.label is not None:
            text = part.label.text()
            fraction = max(0, text.find(part.sentence)) / max(1, len(text))
        super().highlight(part)
        if part is not None and part.label is not None:
            self.reading.follow(part.label, fraction)

    # --- moving -------------------------------------------------------------------------
    def go_to(self, page: int) -> None:
        """Show `page` (clamped), remember the place, and keep focus on the big buttons."""
        count = len(self.article().pages)
        self.page = max(0, min(page, count - 1))
        self.reading.to_start()  # a new page starts at its first part
        self.previous_button.setEnabled(self.page > 0)
        has_target = self._try_target() is not None
        self.try_button.setVisible(self._is_last() and has_target)
        self.try_button.setEnabled(self._is_last() and has_target)
        self.heading_label.setVisible(self._leading_heading() is not None)
        self.sources_label.setVisible(self._is_last())
        self._style_words()
        self.retranslate()
        self._places_changed()
        places, article_id, page = self.services.places, self.article_id, self.page
        self.ctx.runner.run(lambda: places.remember(article_id, page, count))  # where to come back
        if self.isVisible() and not (self.focusWidget() and self.focusWidget().isEnabled()):
            self.next_button.setFocus()

    def _places_changed(self, *_range: int) -> None:
        """The words' parts changed (a new fit, a new page): say where the reader is."""
        self.previous_button.setEnabled(self.page > 0 or self.reading.part() > 0)
        for label, text in ((self.position_label, self._position_text()),):
            if label.text() != text:
                label.setText(text)
        for button in (self.previous_button, self.next_button):
            button.retranslate()

    def _previous(self) -> None:
        if self.reading.part() > 0:
            self.reading.show_part(self.reading.part() - 1)
        else:
            self.go_to(self.page - 1)

    def _next(self) -> None:
        if self._more_parts():
            self.reading.show_part(self.reading.part() + 1)
            return
        if self._is_last():
            places, article_id = self.services.places, self.article_id
            self.ctx.runner.run(lambda: places.forget(article_id))
            self.ctx.nav().back()
        else:
            self.go_to(self.page + 1)

    def _try_this(self) -> None:
        target = self._try_target()
        if isinstance(target, Exercise):
            from ui.screens.learn.exercise.opening import exercise_screen

            self.ctx.nav().push(exercise_screen(self.ctx, target.id))
        elif target is not None:
            self.ctx.nav().push(target.open_screen(self.ctx))  # type: ignore[attr-defined]

    def _set_favourite(self, chosen: bool) -> None:
        """Kept on the runner; if it fails, the star shows what is kept and a sentence says so."""
        if self.showing_favourite:
            return
        self.favourite_pressed = True
        favourites, key = self.services.favourites, self.key
        work = (lambda: favourites.add(key)) if chosen else (lambda: favourites.remove(key))
        self.ctx.runner.run(
            work, None, lambda _error: self._favourite_not_kept(chosen), parent=self
        )

    def _favourite_not_kept(self, chosen: bool) -> None:
        self._show_favourite(not chosen)
        if self.ctx.runner.show_failure is not None:
            self.ctx.runner.show_failure(failure_sentence())

    # --- reading aloud ------------------------------------------------------------------
    def reading_order(self) -> list[SpokenPart]:
        """The title, then this page's sentences, each with the label it sits in."""
        parts = [SpokenPart(self.title(), self.title_label)]
        page = self.current_page()
        heading = self._leading_heading()
        for block in page.blocks:
            label: QLabel = self.page_label
            if heading is not None and block is page.blocks[0]:
                label = self.heading_label
            parts.extend(SpokenPart(s, label) for s in split_sentences(block.text))
        return parts


def _checkin_choice() -> object | None:
    """The check-in's Home choice, once that feature has added it (None until then)."""
    from ui.features import home_choices

    return next((c for c in home_choices() if c.choice_id == "checkin"), None)
