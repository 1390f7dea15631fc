"""What every check-in screen needs: the person's store, their time zone, and face icons."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPainterPath, QPen, QPixmap

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
    return found  # type: ignore[no-any-return]


def local_zone(ctx: AppContext) -> tzinfo:
    """The computer's time zone, so "today" and chart days are the person's own days."""
    zone = ctx.clock.now().astimezone().tzinfo
    assert zone is not None
    return zone


def face_icon(mood: str, colour: str, size: int = 56) -> QIcon:
    """A simple drawn face (thick lines, no colour coding needed): smile to frown by mood."""
    pixmap = QPixmap(QSize(size * 2, size * 2))
    pixmap.fill(Qt.GlobalColor.transparent)
    pixmap.setDevicePixelRatio(2)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour)
    pen.setWidthF(size / 14)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    margin = size / 10
    painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    eye = size / 16
    painter.setBrush(Qt.GlobalColor.transparent)
    for x in (size * 0.37, size * 0.63):
        painter.drawEllipse(QPointF(x, size * 0.4), eye, eye)
    smile = MOOD_SMILE.get(mood, 0.0)
    mouth = QPainterPath(QPointF(size * 0.32, size * 0.66))
    mouth.quadTo(
        QPointF(size * 0.5, size * (0.66 + 0.16 * smile)), QPointF(size * 0.68, size * 0.66)
    )
    painter.drawPath(mouth)
    painter.end()
    return QIcon(pixmap)
