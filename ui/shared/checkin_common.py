"""What every check-in screen needs: the person's store, their time zone and today, the mood of
their weeks read on the runner, and face icons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from companion.checkin.store import CheckInStore
from companion.checkin.trends import MoodTrend, mood_trend
from ui.context import AppContext

MOOD_SMILE: dict[str, float] = {
    "very_good": 1.0,
    "good": 0.5,
    "okay": 0.0,
    "not_good": -0.5,
    "very_bad": -1.0,
}


def checkin_store(ctx: AppContext) -> CheckInStore:
    """The unlocked person's store, or (for a guest, or before the data opens) one in memory."""
    return ctx.stores().checkins


def local_zone(ctx: AppContext) -> tzinfo:
    """The computer's time zone, so "today" and chart days are the person's own days."""
    zone = ctx.clock.now().astimezone().tzinfo
    assert zone is not None
    return zone


def local_today(ctx: AppContext) -> date:
    """The person's today, in the computer's time zone."""
    return ctx.clock.now().astimezone(local_zone(ctx)).date()


def read_mood_trend(
    ctx: AppContext,
    weeks: int,
    on_done: Callable[[MoodTrend], object],
    on_failed: Callable[[Exception], None],
    parent: QObject,
) -> None:
    """The mood of the last `weeks` weeks, read on the runner (the history's chart and its
    table of days); `on_done` or `on_failed` on the UI thread, dropped if `parent` is gone."""
    store, now, zone = checkin_store(ctx), ctx.clock.now(), local_zone(ctx)
    ctx.runner.run(lambda: mood_trend(store, now, weeks, zone), on_done, on_failed, parent=parent)


def face_icon(mood: str, colour: str, size: int = 96) -> QIcon:
    """A large drawn face in one colour (never colour alone): each mood differs in its mouth,
    eyes and brows, so "Very good" (a wide open grin, smiling eyes) and "Good" (a soft smile,
    round eyes) do not look alike, nor "Not good" (a frown, worried brows) and "Very bad" (a
    deep frown, shut eyes, a tear)."""
    pixmap = QPixmap(QSize(size * 2, size * 2))
    pixmap.fill(Qt.GlobalColor.transparent)
    pixmap.setDevicePixelRatio(2)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour))
    pen.setWidthF(size / 16)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    margin = size / 12
    painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    _draw_eyes(painter, mood, size, QColor(colour))
    _draw_mouth(painter, mood, size, QColor(colour))
    painter.end()
    return QIcon(pixmap)


def _draw_eyes(painter: QPainter, mood: str, size: float, colour: QColor) -> None:
    y = size * 0.40
    for x, side in ((size * 0.36, -1), (size * 0.64, 1)):
        if mood == "very_good":  # smiling eyes: arcs bowed upward
            arc = QPainterPath(QPointF(x - size * 0.07, y + size * 0.02))
            arc.quadTo(QPointF(x, y - size * 0.08), QPointF(x + size * 0.07, y + size * 0.02))
            painter.drawPath(arc)
        elif mood == "very_bad":  # shut, squeezed eyes
            painter.drawLine(QPointF(x - size * 0.07, y), QPointF(x + size * 0.07, y))
        else:
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x, y), size * 0.045, size * 0.045)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        if mood in ("not_good", "very_bad"):  # worried brows, high in the middle
            lift = 0.06 if mood == "very_bad" else 0.035
            inner = QPointF(x - side * size * 0.04, y - size * (0.12 + lift))
            outer = QPointF(x + side * size * 0.09, y - size * 0.12)
            painter.drawLine(inner, outer)
    if mood == "very_bad":  # a tear under one eye
        tear = QPainterPath(QPointF(size * 0.66, size * 0.47))
        tear.quadTo(QPointF(size * 0.70, size * 0.56), QPointF(size * 0.66, size * 0.58))
        tear.quadTo(QPointF(size * 0.62, size * 0.56), QPointF(size * 0.66, size * 0.47))
        painter.setBrush(colour)
        painter.drawPath(tear)
        painter.setBrush(Qt.BrushStyle.NoBrush)


def _draw_mouth(painter: QPainter, mood: str, size: float, colour: QColor) -> None:
    left, right, y = size * 0.30, size * 0.70, size * 0.66
    if mood == "very_good":  # a wide open grin, filled
        grin = QPainterPath(QPointF(size * 0.27, size * 0.60))
        grin.lineTo(QPointF(size * 0.73, size * 0.60))
        grin.quadTo(QPointF(size * 0.5, size * 0.92), QPointF(size * 0.27, size * 0.60))
        painter.setBrush(colour)
        painter.drawPath(grin)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        return
    bend = MOOD_SMILE.get(mood, 0.0) * size * 0.14
    if mood == "okay":
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        return
    top = y + (0.0 if bend > 0 else -bend * 0.6)
    mouth = QPainterPath(QPointF(left, top))
    mouth.quadTo(QPointF(size * 0.5, top + bend * 1.6), QPointF(right, top))
    painter.drawPath(mouth)
