"""Blocks measured into pieces: slices of known height a page break may fall between.

A heading keeps with what follows, a paragraph keeps its first two and last two lines together,
a table row is never cut and a continued table repeats its header row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextLine,
)

from companion.report.document import Alert, Block, Chart, Heading, Paragraph, ScoreSection, Table
from ui.pages.charts import chart_height, paint_chart
from ui.pages.style import INK, RULE_INK, SHADE, PageStyle

Draw = Callable[[QPainter, float, float], None]
WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


@dataclass
class Piece:
    """Something drawn at (x, y) that takes `height` device pixels and is never split."""

    height: float
    draw: Draw
    kind: str = "text"
    keep_with_next: bool = False
    space_before: float = 0.0
    repeat_on_new_page: Piece | None = None
    words: list[str] = field(default_factory=list)


def keep_ends_together(lines: list[Piece]) -> list[Piece]:
    """No orphans or widows: a paragraph's first two and last two lines stay together."""
    if len(lines) > 1:
        lines[0].keep_with_next = True
        lines[-2].keep_with_next = True
    return lines


class Measurer:
    """Turns blocks into pieces for one device, one style and one text width."""

    def __init__(
        self, device: QPaintDevice, style: PageStyle, width: float, page_height: float = 1e9
    ) -> None:
        self.device = device
        self.style = style
        self.width = width
        self.page_height = page_height

    def chart_height(self, width: float, chart: Chart, *, full_width: bool = False) -> float:
        """The chart's height, never more than most of a page (a small screen page too)."""
        return min(
            chart_height(self.style, width, chart, full_width=full_width), self.page_height * 0.8
        )

    # --- text ------------------------------------------------------------------------------
    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def text_lines(self, text: str, font: QFont, width: float) -> list[Piece]:
        """One piece per wrapped line, drawn by Qt's own text layout for this device."""
        pieces: list[Piece] = []
        for paragraph in text.split("\n") or [""]:
            layout = QTextLayout(paragraph, font, self.device)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
            layout.endLayout()
            leading = self.metrics(font).leading()
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)

                def draw(
                    painter: QPainter,
                    x: float,
                    y: float,
                    line: QTextLine = line,
                    layout: QTextLayout = layout,
                ) -> None:  # layout kept alive while its lines are drawn
                    painter.setPen(QColor(INK))
                    line.draw(painter, QPointF(x, y - line.y()))

                start, length = line.textStart(), line.textLength()
                said = paragraph[start : start + length].strip()
                pieces.append(Piece(line.height() + max(leading, 0.0), draw, words=[said]))
        return pieces

    def block_height(self, text: str, font: QFont, width: float) -> float:
        rect = self.metrics(font).boundingRect(QRectF(0, 0, width, 1e7), WRAP, text)
        return rect.height()

    # --- blocks ----------------------------------------------------------------------------
    def pieces(self, blocks: tuple[Block, ...]) -> list[Piece]:
        found: list[Piece] = []
        for block in blocks:
            made = self.block(block)
            if made:
                made[0].space_before = max(made[0].space_before, self.style.gap)
            found.extend(made)
        return found

    def block(self, block: Block) -> list[Piece]:
        if isinstance(block, Heading):
            return self.heading(block)
        if isinstance(block, Paragraph):
            return self.paragraph(block)
        if isinstance(block, Table):
            return self.table(block, self.width)
        if isinstance(block, Chart):
            height = self.chart_height(self.width, block, full_width=True)
            draw = self._chart_draw(block, self.width, height)
            return [Piece(height, draw, kind="chart", words=[block.caption])]
        if isinstance(block, ScoreSection):
            return self.score_section(block)
        return self.alert(block)

    def heading(self, block: Heading) -> list[Piece]:
        """One piece, however many lines: a heading is never cut across two pages."""
        lines = self.text_lines(block.text, self.style.heading_font(block.level), self.width)

        def draw(painter: QPainter, x: float, y: float) -> None:
            for line in lines:
                line.draw(painter, x, y)
                y += line.height

        heading = Piece(
            sum(line.height for line in lines),
            draw,
            kind="heading",
            keep_with_next=True,
            words=[w for line in lines for w in line.words],
        )
        if block.level < 3:
            heading.space_before = self.style.gap * 1.5
        return [heading]

    def paragraph(self, block: Paragraph) -> list[Piece]:
        font = self.style.font(
            self.style.small_scale if block.style == "small" else 1.0,
            bold=block.style == "lead",
        )
        lines = keep_ends_together(self.text_lines(block.text, font, self.width))
        if block.style == "lead":
            lines[-1].keep_with_next = True
        return lines

    def alert(self, block: Alert) -> list[Piece]:
        """A box with a thick edge, drawn as one piece so it is never cut in two."""
        pad = self.style.pts(self.style.body_pt * 0.7)
        edge = self.style.pts(2.0)
        inner = self.width - 2 * pad - 2 * edge
        parts = [(self.style.font(1.0, bold=True), block.heading)]
        parts += [(self.style.font(), line) for line in block.lines]
        heights = [self.block_height(text, font, inner) for font, text in parts]
        gap = self.style.pts(self.style.body_pt * 0.3)
        height = sum(heights) + gap * (len(parts) - 1) + 2 * pad + 2 * edge

        def draw(painter: QPainter, x: float, y: float) -> None:
            pen = QPen(QColor(INK))
            pen.setWidthF(edge)
            painter.setPen(pen)
            painter.setBrush(QColor(SHADE))
            half = edge / 2
            painter.drawRect(QRectF(x + half, y + half, self.width - edge, height - edge))
            top = y + edge + pad
            painter.setPen(QColor(INK))
            for (font, text), part_height in zip(parts, heights, strict=True):
                painter.setFont(font)
                painter.drawText(QRectF(x + edge + pad, top, inner, part_height), WRAP, text)
                top += part_height + gap

        return [Piece(height, draw, kind="alert", words=[block.heading, *block.lines])]

    # --- tables ----------------------------------------------------------------------------
    def column_widths(
        self, table: Table, width: float, scale: float = 1.0
    ) -> tuple[list[float], bool]:
        """Columns as wide as their content; when that is too wide, long ones wrap at spaces.

        The second value is False when even the longest words do not fit side by side.
        """
        pad = self._cell_pad(scale)
        head = self.metrics(self.style.font(scale, bold=True))
        body = self.metrics(self.style.font(scale))
        natural, narrowest = [], []
        for column, header in enumerate(table.headers):
            cells = [row[column] for row in table.rows]
            widest = max(
                [head.horizontalAdvance(header)] + [body.horizontalAdvance(c) for c in cells]
            )
            natural.append(widest + 2 * pad + self.style.pts(1))  # a point of slack: no wrap
            words = [w for text in [header, *cells] for w in text.split(" ")] or [""]
            longest = max(max(head.horizontalAdvance(w), body.horizontalAdvance(w)) for w in words)
            narrowest.append(longest + 2 * pad + self.style.pts(1))
        if sum(natural) <= width:
            return natural, True
        spare = width - sum(narrowest)
        if spare < 0:
            return [width * m / sum(narrowest) for m in narrowest], False
        stretch = [n - m for n, m in zip(natural, narrowest, strict=True)]
        total = sum(stretch) or 1.0
        return [m + spare * s / total for m, s in zip(narrowest, stretch, strict=True)], True

    def _cell_pad(self, scale: float) -> float:
        return self.style.pts(self.style.body_pt * scale * 0.45)

    def table_row(
        self,
        cells: tuple[str, ...],
        widths: list[float],
        *,
        header: bool,
        shaded: bool,
        scale: float = 1.0,
    ) -> Piece:
        pad = self._cell_pad(scale)
        font = self.style.font(scale, bold=header)
        heights = [
            self.block_height(text, font, w - 2 * pad)
            for text, w in zip(cells, widths, strict=True)
        ]
        height = max(heights) + 2 * pad * 0.6
        rule = self.style.pts(1.2 if header else 0.5)

        def draw(painter: QPainter, x: float, y: float) -> None:
            total = sum(widths)
            if shaded:
                painter.fillRect(QRectF(x, y, total, height), QColor(SHADE))
            painter.setFont(font)
            painter.setPen(QColor(INK))
            left = x
            for text, w in zip(cells, widths, strict=True):
                painter.drawText(QRectF(left + pad, y + pad * 0.6, w - 2 * pad, height), WRAP, text)
                left += w
            pen = QPen(QColor(INK if header else RULE_INK))
            pen.setWidthF(rule)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y + height), QPointF(x + total, y + height))

        return Piece(height, draw, kind="header" if header else "row", words=list(cells))

    def table_scale(self, table: Table, width: float) -> float:
        """1.0, or smaller (never under 11 pt) when the longest words would not fit side by side."""
        scale = 1.0
        floor = min(1.0, 11.0 / self.style.body_pt)
        while scale > floor and not self.column_widths(table, width, scale)[1]:
            scale = max(scale * 0.92, floor)
        return scale

    def table(self, table: Table, width: float) -> list[Piece]:
        if len(table.headers) > 2 and table.rows and not self.column_widths(table, width)[1]:
            return self.cards(table, width)
        scale = self.table_scale(table, width)
        widths, _fits = self.column_widths(table, width, scale)
        header = self.table_row(table.headers, widths, header=True, shaded=True, scale=scale)
        header.keep_with_next = True
        rows = [
            self.table_row(row, widths, header=False, shaded=False, scale=scale)
            for row in table.rows
        ]
        for row in rows:
            row.repeat_on_new_page = header
        if len(rows) > 1:
            rows[0].keep_with_next = True  # a header and a lone first row never end a page
        return [header, *rows]

    def cards(self, table: Table, width: float) -> list[Piece]:
        """A table too wide for the page (large print) becomes one small two-column table per
        row: the row's first cell on top, then each column's name beside its value."""
        pieces: list[Piece] = []
        for row in table.rows:
            card = Table(
                headers=(table.headers[0], row[0]),
                rows=tuple(zip(table.headers[1:], row[1:], strict=True)),
            )
            made = self.table(card, width)
            made[0].space_before = self.style.gap * 0.8
            for piece in made[:-1]:
                piece.keep_with_next = True  # a card is small: it stays on one page
            pieces.extend(made)
        return pieces

    def table_width(self, table: Table, width: float) -> float:
        return sum(self.column_widths(table, width, self.table_scale(table, width))[0])

    # --- one questionnaire: its table beside its line --------------------------------------
    def score_section(self, block: ScoreSection) -> list[Piece]:
        heading = self.heading(Heading(block.heading, level=3))
        table_w = self.table_width(block.table, self.width)
        chart_w = self.width - table_w - self.style.pts(self.style.body_pt * 1.5)
        body: list[Piece]
        table_h = sum(p.height for p in self.table(block.table, max(table_w, 1.0)))
        side_by_side = chart_w >= self.width * 0.4 and table_h <= self.page_height * 0.8
        if side_by_side:
            table_pieces = self.table(block.table, table_w)
            table_h = sum(p.height for p in table_pieces)
            line = self.style.pts(self.style.body_pt * 1.25)
            chart_h = max(table_h, min(line * 8, self.page_height * 0.8))
            height = chart_h
            chart_draw = self._chart_draw(block.chart, chart_w, chart_h)

            def draw(painter: QPainter, x: float, y: float) -> None:
                top = y
                for piece in table_pieces:
                    piece.draw(painter, x, top)
                    top += piece.height
                chart_draw(painter, x + self.width - chart_w, y)

            words = [w for p in table_pieces for w in p.words] + [block.chart.caption]
            body = [Piece(height, draw, kind="section", words=words)]
        else:  # large print on narrow paper: the line goes under its table
            height = self.chart_height(self.width, block.chart)
            body = [
                *self.table(block.table, self.width),
                Piece(
                    height,
                    self._chart_draw(block.chart, self.width, height),
                    kind="chart",
                    words=[block.chart.caption],
                ),
            ]
            body[-2].keep_with_next = True
        body[0].space_before = self.style.gap * 0.5
        change = keep_ends_together(self.text_lines(block.change, self.style.font(), self.width))
        body[-1].keep_with_next = True
        change[0].space_before = self.style.gap * 0.5
        return [*heading, *body, *change]

    def _chart_draw(self, chart: Chart, width: float, height: float) -> Draw:
        def draw(painter: QPainter, x: float, y: float) -> None:
            paint_chart(painter, QRectF(x, y, width, height), chart, self.style, self.device)

        return draw
