"""The screen-fit layout: every choice a screen offers is on screen without scrolling.

A screen measures the room it has (its window, less the top bar) against what its words and
choices need at the person's text size, and saves room in this order until everything fits:

1. nothing: everything is shown as built (the choice grid already picks its columns);
2. the screen's own ways to save room, tried one after another and kept: explanations fold
   behind a "Tell me more" choice, tiles put their icon beside their words, the PIN pad puts
   Open beside the keys... (`Screen.room_savers()`);
3. the choices page: as many as fit, then "More choices" with the page in words.

Long reading is different: it may be taller than the room, and ui/widgets/reading.py shows it
a screenful at a time with "Next part" / "Previous part".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLayout, QScrollArea, QWidget

from ui.widgets.choice_grid import ChoiceGrid, lay_out_now
from ui.widgets.layout_items import layout_items, release_item_wrappers

RoomSaver = Callable[[bool], None]  # on(True) saves room; on(False) gives it back


def polish_all(root: QWidget) -> None:
    """Style sheets reach a widget only when it is polished; measure after they did."""
    root.ensurePolished()
    for widget in root.findChildren(QWidget):
        widget.ensurePolished()


def needed_height(body: QWidget, width: int) -> int:
    """The height `body` asks for at `width`, wrapped words included, measured item by item
    (a layout's own caches lag behind words and pages that just changed)."""
    for widget in body.findChildren(QWidget):
        widget.updateGeometry()  # every size cached by a layout is asked again
    layout = body.layout()
    if layout is None:
        return widget_height(body, width)
    margins = layout.contentsMargins()
    inner = width - margins.left() - margins.right()
    heights: list[int] = []
    for item in layout_items(layout):
        if item.widget is not None:
            if not item.widget.isHidden():
                heights.append(widget_height(item.widget, inner))
        elif item.layout is not None:
            invalidate_all(item.layout)
            heights.append(item.layout.totalSizeHint().height())
        elif item.spacer_height:
            heights.append(item.spacer_height)
    spacing = max(0, layout.spacing()) if isinstance(layout, QBoxLayout) else 0
    gaps = spacing * max(0, len(heights) - 1)
    return margins.top() + margins.bottom() + sum(heights) + gaps


def invalidate_all(layout: QLayout) -> None:
    """Forget every size a layout and the layouts inside it worked out before (a nested
    layout, a PIN pad's keys, is not told when its widgets change)."""
    for item in layout_items(layout):
        if item.layout is not None:
            invalidate_all(item.layout)
    layout.invalidate()


def widget_height(widget: QWidget, width: int) -> int:
    """What one widget needs at `width`: a choice grid counts its rows, wrapped words their
    lines, anything else its size hint (never under its minimum)."""
    if isinstance(widget, ChoiceGrid):
        return widget.height_for(width)
    if widget.hasHeightForWidth():
        needed = widget.heightForWidth(width)
    else:
        layout = widget.layout()
        if layout is not None:
            invalidate_all(layout)
            if layout.hasHeightForWidth():
                needed = layout.totalHeightForWidth(width)
            else:
                needed = layout.totalSizeHint().height()
        else:
            needed = widget.sizeHint().height()
    return max(needed, widget.minimumHeight())


class ScreenFit:
    """Fits one screen's body into its scroll area's room: the decisions of the list above."""

    def __init__(
        self,
        scroll: QScrollArea,
        body: QWidget,
        grid: Callable[[], ChoiceGrid | None],
        savers: Callable[[], Sequence[RoomSaver]],
        may_page: Callable[[], bool] = lambda: True,
        room_of: QWidget | None = None,
    ) -> None:
        self._scroll = scroll
        self._room_of = room_of or scroll  # the whole screen: a parts bar may take some now
        self._body = body
        self._grid = grid
        self._savers = savers
        self._may_page = may_page
        self._busy = False
        self.saved = 0  # how many room savers are on (for tests and screenshots)
        self.fitted = True

    def room(self) -> tuple[int, int]:
        """The width and height a screen has without a scroll bar."""
        return self._scroll.width(), self._room_of.height()

    def fits(self) -> bool:
        """Measured at the whole width (what fits shows no scroll bar) and as if a scroll bar
        took its width: words wrap sooner there, and a choice grid may take fewer columns, so
        either can be the taller (a grid of tiles in two columns at the whole width)."""
        width, height = self.room()
        bar = self._scroll.verticalScrollBar()
        narrow = width - max(bar.sizeHint().width(), bar.width() if bar.isVisible() else 0)
        return self._fits_at(narrow, height) and self._fits_at(width, height)

    def _fits_at(self, width: int, height: int) -> bool:
        grid = self._grid()
        body_layout = self._body.layout()
        margins = body_layout.contentsMargins() if body_layout is not None else None
        if grid is not None:
            inner = width - (margins.left() + margins.right() if margins else 0)
            if grid.parentWidget() is self._body:
                grid.refresh(inner)
            else:  # inside something narrower (the PIN pad's column): the width it gets there
                lay_out_now(grid)
                grid.refresh(grid.width())
        return needed_height(self._body, width) <= height

    def fit(self) -> None:
        """Decide again (the room, the text size, the language or the words changed)."""
        width, height = self.room()
        if self._busy or width < 100 or height < 100:
            return  # not laid out yet: nothing to measure against
        self._busy = True
        try:
            release_item_wrappers()  # the ways to save room move widgets between layouts
            polish_all(self._body)
            self._fit()
            # What fits shows no scroll bar at all; what cannot fit keeps it as a last resort.
            policy = Qt.ScrollBarPolicy
            fitted = self.fits()
            self._scroll.setVerticalScrollBarPolicy(
                policy.ScrollBarAlwaysOff if fitted else policy.ScrollBarAsNeeded
            )
            self.fitted = fitted
            grid = self._grid()
            lay_out_now(grid if grid is not None else self._body)
        finally:
            self._busy = False

    def _fit(self) -> None:
        grid = self._grid()
        savers = list(self._savers())
        self._keep_page = 0
        if grid is not None:
            self._keep_page = grid.page  # a refit (a resize, coming back) keeps the page
            grid.set_page_size(None)
        for saver in reversed(savers):
            saver(False)
        self.saved = 0
        if self.fits():
            return
        for index, saver in enumerate(savers):
            saver(True)
            self.saved += 1
            if self.fits():
                # A later saver may have made an earlier one needless: give that room back.
                for earlier in reversed(savers[:index]):
                    earlier(False)
                    if not self.fits():
                        earlier(True)
                return
        if grid is None or not self._may_page():
            return
        self._page(grid)

    def _page(self, grid: ChoiceGrid) -> None:
        """Each page takes as many choices as fit with the page button (at least one), so a
        tall crisis line has a page to itself and two short choices share the next."""
        count = grid.pageable_count()
        pages: list[int] = []
        start = 0
        while start < count:
            take = 1
            for size in range(count - start, 1, -1):
                if start == 0 and size == count:
                    continue  # all on one page was tried first
                grid.set_pages([*pages, size, *([1] * (count - start - size))])
                grid.show_page(len(pages))
                if self.fits():
                    take = size
                    break
            pages.append(take)
            start += take
        grid.set_pages(pages)
        grid.show_page(0)
        if not self.fits():
            grid.set_pages(None)  # pages that still do not fit only hide things: read by parts
            return
        grid.show_page(self._keep_page)
