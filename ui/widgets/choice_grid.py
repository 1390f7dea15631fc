"""A grid of choices that reflows to fewer columns as text grows, and pages what does not fit.

Where the screen-fit layout (ui/widgets/fit.py) finds too little height, it gives the grid a page
size: the grid shows that many choices and one more button, "More choices" (on the last page
"Back to the first choices"), with the page in words ("More choices (page 1 of 2)"). Pinned choices
("Tell me more") stay on every page. Choices keep their state (chosen or not) across pages.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from companion.i18n import _
from ui.theme import TARGET_GAP_PX
from ui.widgets.big_button import BigButton, SmallPrintButton

OFF_PAGE = "offPage"  # widget property: hidden only because it sits on another page


def lay_out_now(widget: QWidget) -> None:
    """Lay out `widget` and everything round it at once, not at the next turn of the event
    loop: the new page is in place before anyone (or a test) looks."""
    chain: list[QWidget] = []
    current: QWidget | None = widget
    while current is not None:
        chain.append(current)
        current = current.parentWidget()
    for each in chain:
        layout = each.layout()
        if layout is not None:
            layout.activate()
    for each in reversed(chain):
        layout = each.layout()
        if layout is not None:
            layout.activate()


class ChoiceGrid(QWidget):
    """Lays its buttons out left to right, top to bottom, in as many columns as fit."""

    def __init__(self, max_columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_columns = max_columns
        self._items: list[QWidget] = []
        self._pinned: list[QWidget] = []
        self._columns = 0
        self._placed: tuple[object, ...] = ()
        self._pages: list[int] | None = None
        self.page = 0
        self._busy = False
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(TARGET_GAP_PX + 4)
        self.page_button = BigButton(self._page_words, "plus", description_fn=self._page_place)
        self.page_button.setParent(self)
        self.page_button.hide()
        self.page_button.clicked.connect(self.turn_page)

    def add(self, widget: QWidget, *, pinned: bool = False) -> None:
        """A choice; a `pinned` one stays on every page, after the page's own choices."""
        if widget.parentWidget() is None:
            widget.setParent(self)  # never a window of its own, even for a moment
        self._items.append(widget)
        if pinned:
            self._pinned.append(widget)
        widget.installEventFilter(self)  # a choice hidden or shown later closes up the gap
        self.refresh()

    def set_items(self, widgets: list[QWidget]) -> None:
        """Another set or order of choices (widgets left out are taken out of the grid)."""
        for widget in self._items:
            if widget not in widgets:
                widget.removeEventFilter(self)
                self._layout.removeWidget(widget)
        for widget in widgets:
            if widget not in self._items:
                widget.installEventFilter(self)
                if widget.parentWidget() is not self:
                    widget.setParent(self)
        self._items = list(widgets)
        self._pinned = [w for w in self._pinned if w in widgets]
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._busy and event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.refresh()
        return False

    def _shown(self) -> list[QWidget]:
        """The choices not hidden on purpose (a widget not yet on screen still counts; one
        hidden only because it is on another page counts too)."""
        explicit = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        hidden = Qt.WidgetAttribute.WA_WState_Hidden
        return [
            w
            for w in self._items
            if w.property(OFF_PAGE) or not (w.testAttribute(explicit) and w.testAttribute(hidden))
        ]

    def items(self) -> list[QWidget]:
        return list(self._items)

    def set_spacing(self, gap: int) -> None:
        self._layout.setSpacing(gap)

    def set_max_columns(self, columns: int) -> None:
        self._max_columns = columns
        self.refresh()

    # --- pages ------------------------------------------------------------------------------
    def set_page_size(self, size: int | None) -> None:
        """Show at most `size` choices at a time (None: all)."""
        if size is None:
            self.set_pages(None)
            return
        count, size = len(self._pageable()), max(1, size)
        self.set_pages([min(size, count - start) for start in range(0, count, size)])

    def set_pages(self, lengths: list[int] | None) -> None:
        """How many choices each page shows, in order (None: one page with them all); the page
        shown is kept if it still exists."""
        if lengths is not None and len(lengths) < 2:
            lengths = None
        if lengths == self._pages:
            return
        self._pages = lengths
        self.page = min(self.page, self.page_count() - 1)
        self.refresh()

    def pages(self) -> list[int] | None:
        return list(self._pages) if self._pages else None

    def _pageable(self) -> list[QWidget]:
        return [w for w in self._shown() if w not in self._pinned]

    def pageable_count(self) -> int:
        return len(self._pageable())

    def page_count(self) -> int:
        if not self._pages or sum(self._pages) != len(self._pageable()):
            return 1  # no pages, or choices came or went since: all on one until refitted
        return len(self._pages)

    def turn_page(self) -> None:
        """On to the next page of choices; from the last, back to the first. The first choice
        of the new page takes the focus, so a keyboard or switch user goes on from there."""
        self.show_page(0 if self.page >= self.page_count() - 1 else self.page + 1)
        lay_out_now(self)
        first = next((w for w in self.on_page() if w.isEnabled()), None)
        if first is not None and self.isVisible():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_page(self, page: int) -> None:
        self.page = max(0, min(page, self.page_count() - 1))
        self.refresh()

    def on_page(self) -> list[QWidget]:
        """The choices shown now, in reading order (the page button last)."""
        pageable = self._pageable()
        if self.page_count() > 1 and self._pages:
            start = sum(self._pages[: self.page])
            pageable = pageable[start : start + self._pages[self.page]]
        pinned = [w for w in self._shown() if w in self._pinned]
        paging = [self.page_button] if self.page_count() > 1 else []
        return [*pageable, *pinned, *paging]

    def _page_words(self) -> str:
        """ "More choices (page 1 of 2)": where the person is, in words, on the button."""
        number, count = self.page + 1, self.page_count()
        if self.page >= count - 1:
            return _("Back to the first choices (page {number} of {count})").format(
                number=number, count=count
            )
        return _("More choices (page {number} of {count})").format(number=number, count=count)

    def _page_place(self) -> str:
        return _("Page {number} of {count}").format(number=self.page + 1, count=self.page_count())

    # --- layout -----------------------------------------------------------------------------
    def _columns_for(self, width: int, shown: list[QWidget]) -> int:
        widest = max((w.sizeHint().width() for w in shown), default=1)
        gap = self._layout.spacing()
        fit = max(1, (width + gap) // (widest + gap))
        return max(1, min(self._max_columns, fit, len(shown) or 1))

    def _reflow(self, width: int) -> None:
        shown = self.on_page()
        for widget in shown:  # the natural width first: it decides the columns
            if isinstance(widget, BigButton):
                widget.wrap_to(None)
        columns = self._columns_for(width, shown)
        if columns == 1:  # one column: the words may use the whole width (fewer lines)
            for widget in shown:
                if isinstance(widget, BigButton) and not isinstance(widget, SmallPrintButton):
                    widget.wrap_to(width)
        placed = (columns, width if columns == 1 else 0, *shown)
        if placed == self._placed:
            return
        self._placed = placed
        self._columns = columns
        self._busy = True
        try:
            paging = self.page_count() > 1
            if paging:
                self.page_button.retranslate()
                last = self.page >= self.page_count() - 1
                self.page_button.set_icon_name("back" if last else "plus")
            for widget in [*self._items, self.page_button]:
                self._layout.removeWidget(widget)
            for widget in self._shown():
                off = widget not in shown
                if off != bool(widget.property(OFF_PAGE)):
                    widget.setProperty(OFF_PAGE, off)
                    if off:
                        widget.hide()  # shown again below, once back in the grid
            self.page_button.setVisible(paging)
            for index, widget in enumerate(shown):
                self._layout.addWidget(widget, index // columns, index % columns)
                if widget.isHidden() and widget.parentWidget() is self:
                    widget.show()  # moved in from elsewhere (a new parent hides a widget)
        finally:
            self._busy = False

    def height_for(self, width: int) -> int:
        """The height the grid needs at `width` with the page it shows (rows of choices)."""
        self.refresh(width)
        shown = self.on_page()
        if not shown:
            return 0
        columns = max(1, self._columns)
        gap = self._layout.spacing()
        rows = [shown[i : i + columns] for i in range(0, len(shown), columns)]
        tallest = [max(max(w.sizeHint().height(), w.minimumHeight()) for w in row) for row in rows]
        return sum(tallest) + gap * (len(rows) - 1)

    def columns(self) -> int:
        return self._columns

    def refresh(self, width: int | None = None) -> None:
        """Lay the choices out again (after the text size, the language or the page changed)."""
        self._placed = ()
        self.page_button.retranslate()
        self._reflow(width if width is not None else (self.width() or 1280))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow(event.size().width())
