"""Break measured pieces into pages, and print a report on any paged device at its resolution.

`print_report_document` is the one way a report reaches paper or PDF: it reads the device's own
resolution and printable area, so a 1200 dpi PDF writer and a 600 dpi printer give the same
11 pt text, with the person's name, the dates and "Page 1 of 2" on every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QMarginsF, QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPen,
)

from companion.report.document import ReportDocument
from companion.report.words import page_label
from ui.pages.pieces import WRAP, Measurer, Piece
from ui.pages.style import INK, LARGE_PRINT_BODY_PT, NORMAL_BODY_PT, RULE_INK, PageStyle

PAGE_MARGIN_MM = 18.0
PAPER_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}


@dataclass
class Page:
    """What goes on one page: pieces and their top edge, from the top of the body area."""

    placed: list[tuple[Piece, float]] = field(default_factory=list)


def paginate(pieces: list[Piece], body_height: float) -> list[Page]:
    """Fill pages in order; a piece and those it keeps with move on together when they fit."""
    pages = [Page()]
    y = 0.0

    def new_page() -> None:
        nonlocal y
        pages.append(Page())
        y = 0.0

    flowing_until = -1  # inside a kept-together group taller than a page: break only as needed
    for index, piece in enumerate(pieces):
        # The group this piece starts: itself and every following piece it keeps with.
        group = [piece]
        while group[-1].keep_with_next and index + len(group) < len(pieces):
            group.append(pieces[index + len(group)])
        group_height = sum(p.height + p.space_before for p in group) - piece.space_before
        if group_height > body_height:
            flowing_until = max(flowing_until, index + len(group) - 1)
        # A heading (or a table's header row) is never last on a page: it needs room for what
        # it leads to, and if that is a table's header row, for the first row too.
        needed = piece.space_before + piece.height
        lead = index
        while (
            pieces[lead].kind in ("heading", "header")
            and pieces[lead].keep_with_next
            and lead + 1 < len(pieces)
        ):
            lead += 1
            needed += pieces[lead].space_before + pieces[lead].height
        if index <= flowing_until:
            fits = y + needed <= body_height
        else:
            fits = y + piece.space_before + group_height <= body_height
        if pages[-1].placed and not fits:
            new_page()
        if not pages[-1].placed and piece.repeat_on_new_page is not None:
            header = piece.repeat_on_new_page
            pages[-1].placed.append((header, y))
            y += header.height
        if pages[-1].placed:
            y += piece.space_before
        pages[-1].placed.append((piece, y))
        y += piece.height
    return pages


@dataclass
class LaidOut:
    """A document broken into pages for one device, ready to paint page by page."""

    document: ReportDocument
    style: PageStyle
    width: float
    height: float
    pages: list[Page]
    head_height: float
    foot_height: float
    device: QPaintDevice

    def paint_page(
        self, painter: QPainter, index: int, origin: QPointF, *, furniture: bool
    ) -> None:
        """Draw page `index` with its top-left body corner at `origin` (device pixels)."""
        top = origin.y()
        if furniture:
            self._paint_head(painter, origin)
            self._paint_foot(painter, origin, index)
            top += self.head_height
        for piece, y in self.pages[index].placed:
            piece.draw(painter, origin.x(), top + y)

    def _furniture(self) -> tuple[QFont, QFontMetricsF]:
        font = self.style.font(self.style.small_scale)
        return font, QFontMetricsF(font, self.device)

    def _paint_head(self, painter: QPainter, origin: QPointF) -> None:
        font, _metrics = self._furniture()
        painter.setFont(font)
        painter.setPen(QColor(INK))
        text_height = self.head_height - self.style.gap * 1.6 - self.style.pts(3)
        box = QRectF(origin.x(), origin.y(), self.width, text_height)
        painter.drawText(box, WRAP, self.document.running_head)
        rule = QPen(QColor(RULE_INK))
        rule.setWidthF(self.style.pts(0.6))
        painter.setPen(rule)
        y = origin.y() + text_height + self.style.pts(3)
        painter.drawLine(QPointF(origin.x(), y), QPointF(origin.x() + self.width, y))

    def _paint_foot(self, painter: QPainter, origin: QPointF, index: int) -> None:
        font, metrics = self._furniture()
        bottom = origin.y() + self.height
        text_height = self.foot_height - self.style.gap * 1.6 - self.style.pts(3)
        rule = QPen(QColor(RULE_INK))
        rule.setWidthF(self.style.pts(0.6))
        painter.setPen(rule)
        y = bottom - text_height - self.style.pts(3)
        painter.drawLine(QPointF(origin.x(), y), QPointF(origin.x() + self.width, y))
        painter.setFont(font)
        painter.setPen(QColor(INK))
        label = page_label(index + 1, len(self.pages))
        label_width = metrics.horizontalAdvance(label)
        top = bottom - text_height
        painter.drawText(
            QPointF(origin.x() + self.width - label_width, top + metrics.ascent()), label
        )
        room = self.width - label_width - self.style.pts(12)
        painter.drawText(
            QRectF(origin.x(), top, room, text_height), WRAP, self.document.running_foot
        )


def lay_out(
    document: ReportDocument,
    device: QPaintDevice,
    size: tuple[float, float],
    body_pt: float,
    *,
    furniture: bool,
) -> LaidOut:
    """Measure and paginate `document` for an area of `size` device pixels on `device`.

    `furniture` adds the running head (name, dates) and foot (made on, "Page 1 of 2").
    """
    style = PageStyle.for_device(device, body_pt)
    width, height = size
    head = foot = 0.0
    measurer = Measurer(device, style, width)
    if furniture:
        font = style.font(style.small_scale)
        label = QFontMetricsF(font, device).horizontalAdvance(page_label(88, 88))
        extra = style.pts(3) + style.gap * 1.6
        head = measurer.block_height(document.running_head, font, width) + extra
        room = width - label - style.pts(12)
        foot = measurer.block_height(document.running_foot, font, room) + extra
    measurer.page_height = height - head - foot
    pieces = measurer.pieces(document.blocks)
    pages = paginate(pieces, measurer.page_height)
    return LaidOut(document, style, width, height, pages, head, foot, device)


def set_paper(device: QPagedPaintDevice, paper: str) -> None:
    """Letter or A4 (from the region), with the same margins on every side."""
    device.setPageSize(QPageSize(PAPER_SIZES.get(paper, QPageSize.PageSizeId.A4)))
    set_margins(device)


def set_margins(device: QPagedPaintDevice) -> None:
    device.setPageMargins(
        QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def print_report_document(
    document: ReportDocument, device: QPagedPaintDevice, *, large_print: bool = False
) -> int:
    """Lay out and paint the report on a PDF writer or printer; returns the number of pages.

    The device's page size and margins are used as they are (see `set_paper`); sizes come from
    the device's own resolution, so text is 11 pt (18 pt in large print) whatever the dpi.
    """
    dpi = device.logicalDpiY()
    area = device.pageLayout().paintRectPixels(dpi)
    body_pt = LARGE_PRINT_BODY_PT if large_print else NORMAL_BODY_PT
    laid = lay_out(document, device, (area.width(), area.height()), body_pt, furniture=True)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("The page device could not be opened")
    try:
        for index in range(len(laid.pages)):
            if index:
                device.newPage()
            laid.paint_page(painter, index, QPointF(0, 0), furniture=True)
    finally:
        painter.end()
    return len(laid.pages)
