"""The history screen's mood chart: a thick line of moods by day, the mood words up the side.

Every word is drawn whole or not at all: a word that would overlap the line, a dot, another word
or the chart's edge is left out (at large text many are), and a point without its word says its
day and mood in words when it has the focus (Left / Right move from point to point).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from companion.checkin.trends import MOOD_VALUES, MoodTrend
from companion.checkin.wording import mood_word
from companion.i18n import _
from companion.when_words import date_words, day_month_words

LINE_WIDTH_PX = 5
POINT_RADIUS_PX = 8
GAP_PX = 6  # between a word and what it must not touch
AXIS_ORDER = (5, 1, 3, 4, 2)  # the side words kept first where not all five fit
DATES_FROM_LINES = 5  # the chart's height, in lines of text, from which the dates show


@dataclass
class Drawn:
    """Where the words, dots and line went (for tests: nothing overlaps, nothing is cut)."""

    area: QRectF = field(default_factory=QRectF)
    words: list[QRectF] = field(default_factory=list)  # side words, dates, point words
    point_words: dict[int, QRectF] = field(default_factory=dict)  # point index -> its word
    dots: list[QRectF] = field(default_factory=list)
    line: list[QLineF] = field(default_factory=list)
    focus_box: QRectF | None = None  # the focused point's word, boxed over the line
    xs: list[float] = field(default_factory=list)  # the dots' centres, left to right


def touches_line(rect: QRectF, segments: list[QLineF]) -> bool:
    """True when `rect` (grown by half the line's width) meets any segment of the line."""
    grown = rect.adjusted(-LINE_WIDTH_PX, -LINE_WIDTH_PX, LINE_WIDTH_PX, LINE_WIDTH_PX)
    left, right, top, bottom = grown.left(), grown.right(), grown.top(), grown.bottom()
    for segment in segments:
        x1, y1, x2, y2 = segment.x1(), segment.y1(), segment.x2(), segment.y2()
        if max(x1, x2) < left or min(x1, x2) > right or max(y1, y2) < top or min(y1, y2) > bottom:
            continue  # far from the word: most of the line, measured first (cheap)
        if grown.contains(segment.p1()) or grown.contains(segment.p2()):
            return True
        edges = (
            QLineF(grown.topLeft(), grown.topRight()),
            QLineF(grown.topRight(), grown.bottomRight()),
            QLineF(grown.bottomRight(), grown.bottomLeft()),
            QLineF(grown.bottomLeft(), grown.topLeft()),
        )
        if any(
            segment.intersects(edge)[0] == QLineF.IntersectionType.BoundedIntersection
            for edge in edges
        ):
            return True
    return False


def _free(rect: QRectF, drawn: Drawn) -> bool:
    """Inside the chart, touching no word, dot or piece of the line. The dots go left to right
    (one a day), so only those under the word, and the line between them, are looked at."""
    if not drawn.area.contains(rect) or any(rect.intersects(other) for other in drawn.words):
        return False
    if drawn.focus_box is not None and rect.intersects(drawn.focus_box):
        return False
    reach = POINT_RADIUS_PX + LINE_WIDTH_PX
    low = bisect_left(drawn.xs, rect.left() - reach)
    high = bisect_right(drawn.xs, rect.right() + reach)
    if any(rect.intersects(dot) for dot in drawn.dots[low:high]):
        return False
    return not touches_line(rect, drawn.line[max(0, low - 1) : high])


def _word_rect(metrics: QFontMetrics, word: str, x: float, top: float) -> QRectF:
    return QRectF(x, top, metrics.horizontalAdvance(word), metrics.height())


def paint_chart(
    painter: QPainter,
    area: QRectF,
    trend: MoodTrend | None,
    line_colour: str,
    text_colour: str,
    font: QFont,
    focused: int | None = None,
) -> Drawn:
    """Draw the chart into `area`; `focused`: the point whose word is always shown, boxed."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    metrics = QFontMetrics(font)
    drawn = Drawn(area=QRectF(area))
    words = {value: mood_word(mood) for mood, value in MOOD_VALUES.items()}
    left = area.left() + max(metrics.horizontalAdvance(w) for w in words.values()) + 24
    # The dots touch neither edge; the dates go below. A point's word goes above or below its
    # dot where there is room (a short chart at large text leaves many out: focus says them).
    # Where the chart is short (large text on a small screen) the dates go: the plot keeps its
    # height, and the table and the focus still say each day.
    with_dates = area.height() >= metrics.height() * DATES_FROM_LINES
    top = area.top() + POINT_RADIUS_PX + 4
    bottom = area.bottom() - POINT_RADIUS_PX - 4
    if with_dates:
        bottom -= metrics.height() + GAP_PX
    right = area.right() - POINT_RADIUS_PX - 8

    def y_for(value: float) -> float:
        return bottom - (value - 1) / 4 * (bottom - top)

    grid = QPen(QColor(text_colour))
    grid.setWidth(1)
    grid.setStyle(Qt.PenStyle.DotLine)
    for value in AXIS_ORDER:  # the side words that fit without touching each other
        word = words[value]
        middle = y_for(value) - metrics.height() / 2  # beside its row, kept inside the chart
        rect = _word_rect(
            metrics,
            word,
            area.left() + 4,
            min(max(middle, area.top()), area.bottom() - metrics.height()),
        )
        painter.setPen(grid)
        painter.drawLine(QPointF(left, y_for(value)), QPointF(right, y_for(value)))
        # A side word keeps a gap from the others: where rows are close, fewer words, not
        # words crowded one on the next.
        spaced = rect.adjusted(0, -GAP_PX, 0, GAP_PX)
        if _free(rect, drawn) and not any(spaced.intersects(o) for o in drawn.words):
            painter.setPen(QColor(text_colour))
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, word)
            drawn.words.append(rect)
    if trend is None:
        return drawn
    days = (trend.last_day - trend.first_day).days or 1

    def x_for(day: date) -> float:
        return left + (day - trend.first_day).days / days * (right - left)

    points = [QPointF(x_for(p.day), y_for(p.value)) for p in trend.points]
    drawn.line = [QLineF(a, b) for a, b in pairwise(points)]
    drawn.xs = [point.x() for point in points]
    drawn.dots = [
        QRectF(
            p.x() - POINT_RADIUS_PX,
            p.y() - POINT_RADIUS_PX,
            2 * POINT_RADIUS_PX,
            2 * POINT_RADIUS_PX,
        )
        for p in points
    ]
    date_top = area.bottom() - metrics.height()
    last_word = day_month_words(trend.last_day)
    first_word = day_month_words(trend.first_day)
    for word, x in (
        (last_word, right - metrics.horizontalAdvance(last_word)),
        (first_word, left),
    )[: 2 if with_dates else 0]:
        rect = _word_rect(metrics, word, max(x, area.left()), date_top)
        if _free(rect, drawn):
            painter.setPen(QColor(text_colour))
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, word)
            drawn.words.append(rect)
    line = QPen(QColor(line_colour))
    line.setWidth(LINE_WIDTH_PX)
    line.setCapStyle(Qt.PenCapStyle.RoundCap)
    line.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(line)
    if len(points) > 1:
        painter.drawPolyline(points)
    painter.setBrush(QColor(line_colour))
    for point in points:
        painter.drawEllipse(point, POINT_RADIUS_PX, POINT_RADIUS_PX)
    if focused is not None and 0 <= focused < len(points):
        _paint_focused(painter, metrics, drawn, points[focused], trend, focused, text_colour)
    # A word at each point where it fits whole, touching nothing (newest first: today matters).
    painter.setPen(QColor(text_colour))
    for index in reversed(range(len(points))):
        if index in drawn.point_words:
            continue
        word = trend.points[index].word
        width = metrics.horizontalAdvance(word)
        x = min(max(points[index].x() - width / 2, left), right - width)
        for top_edge in (
            points[index].y() - POINT_RADIUS_PX - GAP_PX - metrics.height(),
            points[index].y() + POINT_RADIUS_PX + GAP_PX,
        ):
            rect = _word_rect(metrics, word, x, top_edge)
            if _free(rect, drawn):
                painter.drawText(
                    rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, word
                )
                drawn.words.append(rect)
                drawn.point_words[index] = rect
                break
    return drawn


def _paint_focused(
    painter: QPainter,
    metrics: QFontMetrics,
    drawn: Drawn,
    point: QPointF,
    trend: MoodTrend,
    index: int,
    text_colour: str,
) -> None:
    """A ring round the focused point and its word in a box, over the line, inside the chart."""
    ring = QPen(QColor(text_colour))
    ring.setWidth(3)
    painter.setPen(ring)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(point, POINT_RADIUS_PX + 6, POINT_RADIUS_PX + 6)
    word = trend.points[index].word
    width = metrics.horizontalAdvance(word) + 16
    height = metrics.height() + 8
    x = min(max(point.x() - width / 2, drawn.area.left()), drawn.area.right() - width)
    above = point.y() - POINT_RADIUS_PX - GAP_PX - height
    y = above if above >= drawn.area.top() else point.y() + POINT_RADIUS_PX + GAP_PX
    box = QRectF(x, y, width, height)
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawRect(box)
    painter.setPen(QColor("#1A1A1A"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, word)
    drawn.focus_box = box
    drawn.point_words[index] = box


def least_height(line: int) -> int:
    """The least height of the chart (and of the table in its place): two lines of words with
    a gap between, so the top and bottom mood words never crowd."""
    return max(120, line * 2 + 4 * GAP_PX)


class MoodChart(QWidget):
    """Mood by day; it takes the focus, and Left / Right say each day's mood in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trend: MoodTrend | None = None
        self.line_colour = "#1A1A1A"
        self.text_colour = "#1A1A1A"
        self.today: date | None = None
        self.focused: int | None = None  # the point said in words (while the chart has focus)
        self.drawn = Drawn()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Mood chart"))

    def sizeHint(self) -> QSize:
        """What the screen-fit counts: the top and bottom mood words with a gap between them
        (the five rows a dot's height and more apart); the chart grows into whatever room the
        screen has left (its words are left out where they would touch or crowd)."""
        return QSize(400, least_height(self.fontMetrics().height()))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_trend(self, trend: MoodTrend, line_colour: str, text_colour: str, today: date) -> None:
        self.trend = trend
        self.line_colour = line_colour
        self.text_colour = text_colour
        self.today = today
        if self.focused is not None:
            self.focused = len(trend.points) - 1 if trend.points else None
        self._describe()
        self.update()

    def point_words(self, index: int) -> str:
        """ "Tuesday 18 November: Okay": one point in words."""
        assert self.trend is not None
        point = self.trend.points[index]
        day = date_words(point.day, self.today or point.day)
        return _("{day}: {mood}").format(day=day, mood=point.word)

    def _describe(self) -> None:
        if self.trend is None:
            return
        if self.focused is not None and self.trend.points:
            self.setAccessibleDescription(self.point_words(self.focused))
        else:
            self.setAccessibleDescription(self.trend.summary)

    def move_focus(self, step: int) -> None:
        if self.trend is None or not self.trend.points:
            return
        last = len(self.trend.points) - 1
        start = last if self.focused is None else self.focused + step
        self.focused = max(0, min(start, last))
        self._describe()
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.move_focus(0)  # the newest day first

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focused = None
        self._describe()
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Left:
            self.move_focus(-1)
        elif event.key() == Qt.Key.Key_Right:
            self.move_focus(1)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A press on a dot says that day's mood."""
        super().mousePressEvent(event)
        for index, dot in enumerate(self.drawn.dots):
            if dot.adjusted(-12, -12, 12, 12).contains(event.position()):
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self.focused = index
                self._describe()
                self.update()
                return

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.drawn = paint_chart(
                painter,
                QRectF(self.rect()),
                self.trend,
                self.line_colour,
                self.text_colour,
                self.font(),
                self.focused,
            )
        finally:
            painter.end()
