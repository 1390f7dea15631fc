"""Mood by day as a table, a page of days at a time (never a scroll bar), on its own screen
(mood_days.py) so it has the whole screen's height: in the chart's place, at 200% on 1024 x 768,
it held one day a page. Its "More days (page 1 of 3)" button is one of that screen's choices.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.checkin.trends import MoodTrend
from companion.i18n import _
from companion.when_words import date_words
from ui.widgets.big_button import BigButton


class PagedTable(QTableWidget):
    """A table that never scrolls: the rows that do not fit its height wait on other pages."""

    def __init__(self, on_resized: object) -> None:
        super().__init__(0, 2)
        self._on_resized = on_resized
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the day, the longer
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().hide()
        # A day and its mood need no column titles on screen (they are still the columns'
        # names for screen readers); the room goes to one more day a page.
        self.horizontalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabKeyNavigation(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(300, self.fontMetrics().height() * 2)  # a day's two lines at large text

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if callable(self._on_resized):
            self._on_resized()


class MoodTable(QWidget):
    """The days of the period as a table, a page at a time; `page_button` turns the page (the
    screen puts it among its choices, under the table, so the table has the full width and a
    day and its mood stand on one line)."""

    def __init__(self) -> None:
        super().__init__()
        self.page = 0
        self.per_page = 0  # rows the first page holds (from the height the table got)
        self.starts: list[int] = []  # the first row of each page
        self.table = PagedTable(self._repage)
        self.table.setAccessibleName(_("Mood by day, as a table"))
        self.page_button = BigButton(self._page_words, "plus", line_chars=16)
        self.page_button.clicked.connect(self.turn_page)
        self.page_button.hide()  # until there is more than one page
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(400, max(120, self.fontMetrics().height() * 2))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def fill(self, trend: MoodTrend, today: date) -> None:
        """The days of `trend`, newest first: the first page holds the days that matter most."""
        self.table.setHorizontalHeaderLabels([_("Day"), _("Mood")])
        self.table.setRowCount(len(trend.points))
        for row, point in enumerate(reversed(trend.points)):
            self.table.setItem(row, 0, QTableWidgetItem(date_words(point.day, today)))
            self.table.setItem(row, 1, QTableWidgetItem(point.word))
        self.table.setAccessibleName(_("Mood by day, as a table"))
        self.page = 0
        self._repage()

    def page_count(self) -> int:
        return max(1, len(self.starts))

    def _page_words(self) -> str:
        number, count = self.page + 1, self.page_count()
        if number >= count:
            return _("Back to the first days (page {number} of {count})").format(
                number=number, count=count
            )
        return _("More days (page {number} of {count})").format(number=number, count=count)

    def turn_page(self) -> None:
        self.page = 0 if self.page + 1 >= self.page_count() else self.page + 1
        self._show_page()

    def _repage(self) -> None:
        """As many whole rows a page as the table's height holds (rows that wrap are taller);
        again after a new height, new rows or new words."""
        rows = self.table.rowCount()
        if not self.isVisible():
            self.starts = [0] if rows else []  # paged when shown (showEvent), not before
            self.per_page = rows
            return
        for row in range(rows):  # a hidden row has no height to measure
            self.table.setRowHidden(row, False)
        self.table.resizeRowsToContents()
        room = self.table.viewport().height()
        starts = [0] if rows else []
        used = 0
        for row in range(rows):
            height = self.table.rowHeight(row)
            if used and used + height > room:
                starts.append(row)
                used = 0
            used += height
        if room <= 0:
            starts = [0] if rows else []  # not laid out yet: one page until it is
        self.starts = starts
        self.per_page = (starts[1] if len(starts) > 1 else rows) if rows else 0
        self.page = min(self.page, self.page_count() - 1)
        self._show_page()

    def _show_page(self) -> None:
        rows = self.table.rowCount()
        start = self.starts[self.page] if self.starts else 0
        end = self.starts[self.page + 1] if self.page + 1 < len(self.starts) else rows
        for row in range(rows):
            self.table.setRowHidden(row, not (start <= row < end))
        self.page_button.setVisible(self.page_count() > 1)
        self.page_button.set_icon_name("back" if self.page + 1 >= self.page_count() else "plus")
        self.page_button.retranslate()
        self.table.setAccessibleDescription(
            _("Page {number} of {count}").format(number=self.page + 1, count=self.page_count())
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._repage()  # the columns have their widths now: the rows their heights

    def retranslate(self) -> None:
        self.table.setAccessibleName(_("Mood by day, as a table"))
        self.table.setHorizontalHeaderLabels([_("Day"), _("Mood")])
        self.page_button.retranslate()
