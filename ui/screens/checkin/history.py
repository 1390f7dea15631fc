"""My history: a large, simple mood chart of 2, 4 or 12 weeks, one summary sentence, and a table.

The chart is a picture (painted, not pressable); the same data is in a table for screen readers.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from companion.checkin.trends import MOOD_VALUES, PERIOD_WEEKS, MoodTrend, mood_trend
from companion.checkin.wording import mood_word
from companion.i18n import _
from companion.when_words import date_words, day_month_words
from ui.context import AppContext
from ui.runner import storage_on_ui_thread_for_now
from ui.shared.checkin_common import checkin_store, local_zone
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

LINE_WIDTH_PX = 5
POINT_RADIUS_PX = 8


class MoodChart(QWidget):
    """Mood by day: thick line, a dot at each point, the mood words up the side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trend: MoodTrend | None = None
        self.line_colour = "#1A1A1A"
        self.text_colour = "#1A1A1A"
        self.setAccessibleName(_("Mood chart"))

    def sizeHint(self) -> QSize:
        return QSize(900, max(360, self.fontMetrics().height() * 10))

    def minimumSizeHint(self) -> QSize:
        """Tall enough for five mood rows and the point words at any text size."""
        return QSize(400, max(320, self.fontMetrics().height() * 10))

    def set_trend(self, trend: MoodTrend, line_colour: str, text_colour: str) -> None:
        self.trend = trend
        self.line_colour = line_colour
        self.text_colour = text_colour
        self.setAccessibleDescription(trend.summary)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            paint_chart(
                painter,
                QRectF(self.rect()),
                self.trend,
                self.line_colour,
                self.text_colour,
                self.font(),
            )
        finally:
            painter.end()


def paint_chart(
    painter: QPainter,
    area: QRectF,
    trend: MoodTrend | None,
    line_colour: str,
    text_colour: str,
    font: QFont,
) -> None:
    """Draw the chart into any painter (the report draws its own, in points: ui/pages/charts.py)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    metrics = QFontMetrics(font)
    words = {value: mood_word(mood) for mood, value in MOOD_VALUES.items()}
    left = area.left() + max(metrics.horizontalAdvance(w) for w in words.values()) + 24
    top, bottom = area.top() + metrics.height(), area.bottom() - metrics.height() * 2
    right = area.right() - 16

    def y_for(value: float) -> float:
        return bottom - (value - 1) / 4 * (bottom - top)

    grid = QPen(text_colour)
    grid.setWidth(1)
    grid.setStyle(Qt.PenStyle.DotLine)
    for value, word in words.items():
        painter.setPen(text_colour)
        painter.drawText(QPointF(area.left() + 4, y_for(value) + metrics.ascent() / 2), word)
        painter.setPen(grid)
        painter.drawLine(QPointF(left, y_for(value)), QPointF(right, y_for(value)))
    if trend is None:
        return
    days = (trend.last_day - trend.first_day).days or 1

    def x_for(day_index: int) -> float:
        return left + day_index / days * (right - left)

    painter.setPen(text_colour)
    painter.drawText(QPointF(left, area.bottom() - 4), day_month_words(trend.first_day))
    last_label = day_month_words(trend.last_day)
    painter.drawText(
        QPointF(right - metrics.horizontalAdvance(last_label), area.bottom() - 4), last_label
    )
    points = [QPointF(x_for((p.day - trend.first_day).days), y_for(p.value)) for p in trend.points]
    line = QPen(line_colour)
    line.setWidth(LINE_WIDTH_PX)
    line.setCapStyle(Qt.PenCapStyle.RoundCap)
    line.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(line)
    if len(points) > 1:
        painter.drawPolyline(points)
    painter.setBrush(painter.pen().color())
    for point in points:
        painter.drawEllipse(point, POINT_RADIUS_PX, POINT_RADIUS_PX)
    # A word at each point where it fits without overlapping the next one.
    painter.setPen(text_colour)
    free_from = -1e9
    for point, mood_point in zip(points, trend.points, strict=True):
        word = mood_point.word
        width = metrics.horizontalAdvance(word)
        x = min(max(point.x() - width / 2, left), right - width)
        if x >= free_from:
            painter.drawText(QPointF(x, point.y() - POINT_RADIUS_PX - 6), word)
            free_from = x + width + 12


class HistoryScreen(Screen):
    screen_id = "history"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.weeks = 2
        self.trend: MoodTrend | None = None
        self.set_title(lambda: _("How I have been feeling"))
        self.summary_label = self.add_text(lambda: self.trend.summary if self.trend else "")
        self.chart = MoodChart()
        self.add_widget(self.chart)
        self.table = QTableWidget(0, 2)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(_("Mood by day, as a table"))
        self.table.setTabKeyNavigation(False)
        self.table.hide()
        self.add_widget(self.table, focusable=True)
        self.period_buttons: dict[int, BigButton] = {}
        for weeks in PERIOD_WEEKS:
            button = self.add_choice(
                BigButton(
                    lambda w=weeks: _("{weeks} weeks").format(weeks=w),  # type: ignore[misc]
                    None,
                    checkable=True,
                )
            )
            button.clicked.connect(partial(self.show_weeks, weeks))
            self.period_buttons[weeks] = button
        self.table_button = self.add_choice(
            BigButton(lambda: _("Show as a table"), None, checkable=True)
        )
        self.table_button.toggled.connect(self._show_table)
        self.scores_button = self.add_choice(
            BigButton(lambda: _("My questionnaire scores"), "check", line_chars=26)
        )
        self.scores_button.clicked.connect(self._scores)
        self.finish_layout()
        self.show_weeks(2)

    def show_weeks(self, weeks: int) -> None:
        self.weeks = weeks
        for other, button in self.period_buttons.items():
            button.setChecked(other == weeks)
        store = checkin_store(self.ctx)
        with storage_on_ui_thread_for_now("checkin.history"):
            self.trend = mood_trend(store, self.ctx.clock.now(), weeks, local_zone(self.ctx))
        palette = self.ctx.look().palette
        self.chart.set_trend(self.trend, palette.edge, palette.text)
        self._fill_table()
        self.summary_label.setText(self.trend.summary)
        self.setAccessibleDescription(self.body_text())

    def _fill_table(self) -> None:
        assert self.trend is not None
        self.table.setHorizontalHeaderLabels([_("Day"), _("Mood")])
        self.table.setRowCount(len(self.trend.points))
        today = self.ctx.clock.now().date()
        for row, point in enumerate(self.trend.points):
            self.table.setItem(row, 0, QTableWidgetItem(date_words(point.day, today)))
            self.table.setItem(row, 1, QTableWidgetItem(point.word))

    def _scores(self) -> None:
        from ui.screens.checkin.score_history import ScoreHistoryScreen

        self.ctx.nav().push(ScoreHistoryScreen(self.ctx))

    def _show_table(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self.chart.setVisible(not shown)

    def retranslate(self) -> None:
        super().retranslate()
        if self.trend is not None:
            self.trend = mood_trend(
                checkin_store(self.ctx), self.ctx.clock.now(), self.weeks, local_zone(self.ctx)
            )
            self.summary_label.setText(self.trend.summary)
            self.chart.setAccessibleName(_("Mood chart"))
            self.chart.setAccessibleDescription(self.trend.summary)
            self.table.setAccessibleName(_("Mood by day, as a table"))
            self.table.setHorizontalHeaderLabels([_("Day"), _("Mood")])
            for row, point in enumerate(self.trend.points):
                item = self.table.item(row, 1)
                if item is not None:
                    item.setText(point.word)
