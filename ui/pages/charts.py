"""A line chart drawn with vector strokes onto any page: the days across, its own scale up the side.

Line widths and text are in points, so the chart looks the same on a 1200 dpi PDF, a printer and
the screen. Date labels that would touch are left out, never drawn over each other.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPaintDevice, QPainter, QPen

from companion.report.document import Chart
from ui.pages.style import INK, LINE_INK, RULE_INK, PageStyle


def chart_height(
    style: PageStyle, width: float, chart: Chart, *, full_width: bool = False
) -> float:
    """A pleasant height for `width`: flatter when wide, never taller than 16 lines of text."""
    line = style.pts(style.body_pt * 1.25)
    ratio = 0.3 if full_width else 0.55
    return min(max(width * ratio, line * 7), line * 16)


def paint_chart(
    painter: QPainter, area: QRectF, chart: Chart, style: PageStyle, device: QPaintDevice
) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = style.font(style.small_scale)
    metrics = QFontMetricsF(font, device)
    painter.setFont(font)
    gap = style.pts(style.body_pt * 0.4)
    left = area.left() + max(metrics.horizontalAdvance(label) for _v, label in chart.y_ticks) + gap
    right = area.right() - metrics.horizontalAdvance("00") / 2
    top = area.top() + metrics.height() * (1.4 if not chart.words_axis else 0.6)
    bottom = area.bottom() - metrics.height() - gap

    def y_for(value: float) -> float:
        span = (chart.y_high - chart.y_low) or 1.0
        return bottom - (value - chart.y_low) / span * (bottom - top)

    days = max((chart.last_day - chart.first_day).days, 1)

    def x_for(day_index: int) -> float:
        return left + day_index / days * (right - left)

    grid = QPen(QColor(RULE_INK))
    grid.setWidthF(style.pts(0.4))
    grid.setStyle(Qt.PenStyle.DotLine)
    last_label_y = 1e12
    for value, label in chart.y_ticks:
        y = y_for(value)
        if last_label_y - y >= metrics.height() * 0.9:  # labels that would touch are left out
            painter.setPen(QColor(INK))
            width = metrics.horizontalAdvance(label)
            painter.drawText(QPointF(left - gap - width, y + metrics.ascent() / 2.5), label)
            last_label_y = y
        painter.setPen(grid)
        painter.drawLine(QPointF(left, y), QPointF(right, y))
    axis = QPen(QColor(INK))
    axis.setWidthF(style.pts(0.8))
    painter.setPen(axis)
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    painter.drawLine(QPointF(left, top), QPointF(left, bottom))

    # Date labels under the axis, the ones that would touch a neighbour left out.
    placed: list[tuple[float, float, float, str]] = []
    for day, label in chart.x_ticks:
        x = x_for((day - chart.first_day).days)
        width = metrics.horizontalAdvance(label)
        start = min(max(x - width / 2, left - gap), area.right() - width)
        if placed and start < placed[-1][1] + gap * 2:
            if day != chart.x_ticks[-1][0]:
                continue
            placed.pop()  # the period's last day wins over the label before it
            if placed and start < placed[-1][1] + gap * 2:
                continue
        placed.append((start, start + width, x, label))
    for start, _end, x, label in placed:
        painter.setPen(axis)
        painter.drawLine(QPointF(x, bottom), QPointF(x, bottom + gap * 0.6))
        painter.setPen(QColor(INK))
        painter.drawText(QPointF(start, area.bottom() - metrics.descent()), label)

    points = [
        QPointF(x_for((day - chart.first_day).days), y_for(value)) for day, value in chart.points
    ]
    line = QPen(QColor(LINE_INK))
    line.setWidthF(style.pts(1.6 if chart.words_axis else 2.0))
    line.setCapStyle(Qt.PenCapStyle.RoundCap)
    line.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(line)
    for run in _runs(points, chart):
        if len(run) > 1:
            painter.drawPolyline(run)
    painter.setBrush(QColor(LINE_INK))
    radius = style.pts(2.2 if chart.words_axis else 3.0)
    for point in points:
        painter.drawEllipse(point, radius, radius)
    if not chart.words_axis:  # each score written above its dot
        painter.setPen(QColor(INK))
        free_from = -1e12
        for point, (_day, value) in zip(points, chart.points, strict=True):
            label = str(round(value))
            width = metrics.horizontalAdvance(label)
            x = min(max(point.x() - width / 2, left), area.right() - width)
            if x >= free_from:
                painter.drawText(QPointF(x, point.y() - radius - gap * 0.5), label)
                free_from = x + width + gap
    painter.restore()


def _runs(points: list[QPointF], chart: Chart) -> list[list[QPointF]]:
    """Scores join up; mood days join only day to day, so a day with no check-in is a gap."""
    if not chart.words_axis:
        return [points]
    runs: list[list[QPointF]] = []
    previous = None
    for point, (day, _value) in zip(points, chart.points, strict=True):
        if previous is None or (day - previous).days > 1:
            runs.append([])
        runs[-1].append(point)
        previous = day
    return runs
