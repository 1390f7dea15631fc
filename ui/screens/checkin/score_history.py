"""My questionnaire scores: how each questionnaire's score changed over the last year, in words.

The scores are read on the runner: the screen shows at once with "Reading your scores..." and
fills in, one questionnaire a paragraph, when they are read. Where they do not all fit (large
text, a small screen) they come a few questionnaires at a time, with "More scores (page 1 of 3)"
among the choices, so "Back to my mood" is never below the edge and nothing reads by parts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel

from companion.checkin.score_history import score_history
from companion.i18n import _
from ui.context import AppContext
from ui.screens.checkin.history import ONE_LINE, short_lines
from ui.shared.checkin_common import checkin_store, local_zone
from ui.widgets.big_button import BigButton
from ui.widgets.fit import RoomSaver
from ui.widgets.screen import Screen

PER_PAGE_STEPS = (3, 2, 1)  # questionnaires a page, tried in turn where room is short


class PagesLabel(QLabel):
    """The scores shown now, as tall as the tallest page: the screen fits every page alike, so
    turning the page never moves the choices or changes how many questionnaires a page holds."""

    def __init__(self, pages: Callable[[], list[str]]) -> None:
        super().__init__()
        self._pages = pages
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def heightForWidth(self, width: int) -> int:
        own = super().heightForWidth(width)
        margins = self.contentsMargins()
        room = QRect(0, 0, max(1, width - margins.left() - margins.right()), 100_000)
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        metrics = self.fontMetrics()
        pages = [metrics.boundingRect(room, flags, text).height() for text in self._pages()]
        return max([own, *(h + margins.top() + margins.bottom() for h in pages)])


class ScoreHistoryScreen(Screen):
    screen_id = "score_history"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.sentences: list[str] | None = None  # None until they are read
        self.failed = False
        self.page = 0
        self._caps: set[int] = set()  # the per-page limits the fit has turned on
        self.set_title(lambda: _("My questionnaire scores"))
        # One paragraph a questionnaire (a line break ends a sentence when it is read aloud).
        self.scores_label = PagesLabel(self._page_texts)
        self.scores_label.setText(self._score_words())
        self._insert(self.scores_label)
        self._texts.append((self.scores_label, self._score_words))
        self.add_text(
            lambda: _("A score is not a diagnosis. Your clinician can help you read it."),
            explain=True,
        )
        self.back_button = self.add_choice(
            BigButton(lambda: _("Back to my mood"), "back", line_chars=short_lines(ctx, 12))
        )
        self.back_button.clicked.connect(lambda: self.ctx.nav().back())
        self.more_button = self.add_choice(
            BigButton(self._more_scores_words, "plus", line_chars=short_lines(ctx, 16))
        )
        self.more_button.clicked.connect(self.turn_page)
        self.more_button.hide()
        self.finish_layout()
        self._read()

    # --- pages of questionnaires ------------------------------------------------------------
    def per_page(self) -> int | None:
        """Questionnaires a page (None: all on one)."""
        return min(self._caps) if self._caps else None

    def page_count(self) -> int:
        size = self.per_page()
        if not self.sentences or size is None:
            return 1
        return max(1, -(-len(self.sentences) // size))

    def _more_scores_words(self) -> str:
        count = self.page_count()
        number = min(self.page, count - 1) + 1
        if number >= count:
            return _("Back to start (page {number} of {count})").format(number=number, count=count)
        return _("More scores (page {number} of {count})").format(number=number, count=count)

    def turn_page(self) -> None:
        """The next questionnaires (from the last page, the first); the focus stays here."""
        self.page = 0 if self.page + 1 >= self.page_count() else self.page + 1
        self.fit()  # this page's questionnaires may take more lines or fewer
        if self.page >= self.page_count():
            self.page = self.page_count() - 1
            self._show_page()
        self.more_button.setFocus()

    def _cap(self, size: int, on: bool) -> None:
        if on:
            self._caps.add(size)
        else:
            self._caps.discard(size)
        self._show_page()  # the page asked for is kept while the fit tries page sizes

    def _show_page(self) -> None:
        self.scores_label.setText(self._score_words())
        self.more_button.setVisible(self.page_count() > 1)
        self.more_button.retranslate()
        self.setAccessibleDescription(self.body_text())

    def room_savers(self) -> list[RoomSaver]:
        """After the usual ones, fewer questionnaires a page (3, then 2, then 1)."""
        caps: list[RoomSaver] = [partial(self._cap, size) for size in PER_PAGE_STEPS]
        if not self.sentences:
            return super().room_savers()
        return [*super().room_savers(), *caps, self.words_only]

    def words_only(self, on: bool) -> None:
        """ "More scores" and "Tell me more" without their icons (last: narrower, so the three
        choices take two rows of two columns, not three rows)."""
        for button, name in ((self.more_button, "plus"), (self.tell_more_button, "about")):
            if button is None:
                continue
            button.icon_name = None if on else name
            if on:
                button.setIcon(QIcon())
            else:
                self._restyle_icon(button)

    def fold_explanations(self, on: bool) -> None:
        """ "Tell me more" on one line, so it stands under "Back to my mood" in two columns
        (in French, "Dites-m'en plus" on two lines made the choices a row too tall)."""
        super().fold_explanations(on)
        if self.tell_more_button is not None:
            self.tell_more_button.set_line_chars(ONE_LINE)

    # --- the words ----------------------------------------------------------------------------
    def _score_words(self) -> str:
        if self.failed:
            return _("Your scores could not be read just now. Please try again later.")
        if self.sentences is None:
            return _("Reading your scores...")
        if not self.sentences:
            return _("No questions answered this year yet. You can answer them any time.")
        pages = self._page_texts()
        return pages[min(self.page, len(pages) - 1)] if pages else "\n".join(self.sentences)

    def _page_texts(self) -> list[str]:
        """Each page's questionnaires, one a paragraph ([] while they are not paged)."""
        size = self.per_page()
        if not self.sentences or size is None:
            return []
        found = self.sentences
        return ["\n".join(found[start : start + size]) for start in range(0, len(found), size)]

    def _read(self) -> None:
        """Read on the runner (again after a change of language: the sentences are words)."""
        store, now, zone = checkin_store(self.ctx), self.ctx.clock.now(), local_zone(self.ctx)
        self.ctx.runner.run(
            lambda: score_history(store, now, zone), self._show, self._failed, parent=self
        )

    def _show(self, sentences: list[str]) -> None:
        self.sentences = list(sentences)
        self.failed = False
        self.page = 0
        self._refill()

    def _failed(self, _error: Exception) -> None:
        self.failed = True
        self._refill()

    def _refill(self) -> None:
        self._show_page()
        self.fit()

    def retranslate(self) -> None:
        super().retranslate()
        if self.sentences is not None:
            self._read()
