"""What every check-in screen needs: the person's store, their time zone, and face icons."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from companion.checkin.store import CheckInStore, MemoryCheckInStore
from ui.context import AppContext

GUEST_STORE_SERVICE = "checkin.guest_store"
MOOD_SMILE: dict[str, float] = {
    "very_good": 1.0,
    "good": 0.5,
    "okay": 0.0,
    "not_good": -0.5,
    "very_bad": -1.0,
}


def checkin_store(ctx: AppContext) -> CheckInStore:
    """The unlocked person's store, or (for a guest, or before profiles exist) one in memory."""
    if ctx.session is not None:
        store: CheckInStore = ctx.session.checkins
        return store
    found = ctx.services.get(GUEST_STORE_SERVICE)
    if found is None:
        found = MemoryCheckInStore()
        ctx.services[GUEST_STORE_SERVICE] = found
    return found


def local_zone(ctx: AppContext) -> tzinfo:
    """The computer's time zone, so "today" and chart days are the person's own days."""
    zone = ctx.clock.now().astimezone().tzinfo
    assert zone is not None
    return zone


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
