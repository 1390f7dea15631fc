"""The report on screen, one page at a time, at the person's own text size.

The pages are laid out for the space the screen has (by the same composer that prints), so no
page scrolls: big "Previous page" and "Next page" buttons turn them. What the page says is also
the preview's accessible description and is read aloud by "Read this to me".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from companion.i18n import _
from companion.report import ClinicianReport
from companion.report.document import ReportDocument, report_document
from companion.report.words import page_label
from ui.context import AppContext
from ui.pages.compose import LaidOut, lay_out
from ui.pages.style import RULE_INK
from ui.screens.report.choose import ReportChoice, making_words, not_made_words, report_maker
from ui.theme import BODY_POINTS, FOCUS_RING_PX, TARGET_GAP_PX
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen, SpokenPart, split_sentences

PAPER_PADDING_PX = 16
PAPER_EDGE_PX = FOCUS_RING_PX + 2  # as thick as the focus ring of every control
ONE_LINE_FROM_SCALE = 175
ONE_LINE_CHARS = 16


class PageView(QWidget):
    """One page of the report on white paper, filling the room it is given."""

    def __init__(
        self, document: ReportDocument | None, body_pt: float, focus_colour: Callable[[], str]
    ) -> None:
        """`document` None: the report is still being made (blank paper until it is set)."""
        super().__init__()
        self.focus_colour = focus_colour
        self.document = document
        self.body_pt = body_pt
        self.index = 0
        self.laid: LaidOut | None = None
        self.on_changed: Callable[[], None] = lambda: None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:
        """Small on purpose: the screen's layout gives the page all the room that is left, and
        a larger hint would make the whole screen scroll."""
        return self.minimumSizeHint()

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 120)

    def inner_size(self) -> tuple[float, float]:
        room = PAPER_PADDING_PX + PAPER_EDGE_PX
        return (max(self.width() - 2 * room, 100.0), max(self.height() - 2 * room, 80.0))

    def relayout(self) -> None:
        if self.document is None:
            self.laid = None
            return
        self.laid = lay_out(self.document, self, self.inner_size(), self.body_pt, furniture=False)
        self.index = min(self.index, self.page_count() - 1)
        self.on_changed()
        self.update()

    def page_count(self) -> int:
        return len(self.laid.pages) if self.laid is not None else 1

    def page_words(self) -> str:
        if self.laid is None:
            return ""
        words = [w for piece, _y in self.laid.pages[self.index].placed for w in piece.words]
        return " ".join(w for w in words if w)

    def turn(self, step: int) -> None:
        self.index = max(0, min(self.index + step, self.page_count() - 1))
        self.on_changed()
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_Right):
            self.turn(1)
        elif event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            self.turn(-1)
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.laid is None:
            self.relayout()
        painter = QPainter(self)
        try:
            # The page's edge is the focus ring when the page has focus (PageUp/PageDown turn it).
            focused = self.hasFocus()
            edge = QPen(QColor(self.focus_colour() if focused else RULE_INK))
            edge.setWidth(PAPER_EDGE_PX if focused else 2)
            painter.setPen(edge)
            painter.setBrush(QColor("#FFFFFF"))
            half = PAPER_EDGE_PX / 2
            painter.drawRect(
                QRectF(half, half, self.width() - PAPER_EDGE_PX, self.height() - PAPER_EDGE_PX)
            )
            room = PAPER_PADDING_PX + PAPER_EDGE_PX
            if self.laid is not None:
                self.laid.paint_page(painter, self.index, QPointF(room, room), furniture=False)
        finally:
            painter.end()


class ReportPreviewScreen(Screen):
    """See the report before saving: pages turned with big buttons, then "Save or print"."""

    screen_id = "report_preview"

    def __init__(
        self, ctx: AppContext, report: ClinicianReport | None, choice: ReportChoice
    ) -> None:
        """`report` None: it is made on the runner, the screen saying "Making your report..."
        on blank paper meanwhile (opened from the options, or by name)."""
        super().__init__(ctx)
        self.report = report
        self.choice = choice
        self.failed = False
        self.set_title(self._title_words)
        body_pt = ctx.look().points(BODY_POINTS)
        self.page_view = PageView(
            report_document(report) if report is not None else None,
            body_pt,
            lambda: ctx.look().palette.focus,
        )
        self.page_view.on_changed = self._page_changed
        # The buttons stand beside the page, so the page keeps the screen's full height; at
        # the largest text sizes each keeps to one line, so the three fit in the height too.
        chars = ONE_LINE_CHARS if ctx.look().text_scale >= ONE_LINE_FROM_SCALE else 11
        self.previous_button = BigButton(lambda: _("Previous page"), "back", line_chars=chars)
        self.previous_button.clicked.connect(lambda: self.page_view.turn(-1))
        self.next_button = BigButton(lambda: _("Next page"), "next", line_chars=chars)
        self.next_button.clicked.connect(lambda: self.page_view.turn(1))
        self.save_button = BigButton(lambda: _("Save or print"), "next", line_chars=chars)
        self.save_button.clicked.connect(self.open_save)
        self.buttons = [self.previous_button, self.next_button, self.save_button]
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.setSpacing(TARGET_GAP_PX + 4)
        row_layout.addWidget(self.page_view, 1)
        column = QVBoxLayout()
        column.setSpacing(TARGET_GAP_PX)
        for button in self.buttons:
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            column.addWidget(button)
        column.addStretch(1)
        row_layout.addLayout(column)
        self.add_widget(row)
        self.body_layout.setStretchFactor(row, 1000)
        self.finish_layout()
        self._page_changed()
        if report is None:
            self.ctx.runner.run(report_maker(ctx, choice), self._made, self._failed, parent=self)

    def _made(self, report: ClinicianReport) -> None:
        self.report = report
        self.page_view.document = report_document(report)
        self.page_view.relayout()

    def _failed(self, _error: Exception) -> None:
        self.failed = True
        self._page_changed()

    def _title_words(self) -> str:
        """ "Report, page 1 of 3" (the screen's title says where the person is); while the
        report is made, what is happening."""
        view = getattr(self, "page_view", None)
        if getattr(self, "failed", False):
            return not_made_words()
        if view is None or view.document is None:
            return making_words() if view is not None else _("Your report")
        page = page_label(view.index + 1, view.page_count())
        return _("Report, {page}").format(page=page[:1].lower() + page[1:])

    def _page_changed(self) -> None:
        view = self.page_view
        self.title_label.setText(self._title_words())
        self.setAccessibleName(self._title_words())
        if self.isVisible() and self.window() is not self:  # the window names where one is
            self.window().setWindowTitle(f"Companion: {self._title_words()}")
        self.previous_button.setEnabled(view.index > 0)
        self.next_button.setEnabled(view.index < view.page_count() - 1)
        self.save_button.setEnabled(self.report is not None)
        view.setAccessibleName(self._title_words())
        view.setAccessibleDescription(view.page_words())

    def choices(self) -> list[QWidget]:
        return [self.page_view, *self.buttons]

    def on_shown(self) -> None:
        """Back from Settings with another text size: the pages are laid out again for it."""
        body_pt = self.ctx.look().points(BODY_POINTS)
        if body_pt != self.page_view.body_pt:
            self.page_view.body_pt = body_pt
            self.page_view.relayout()
        super().on_shown()

    def retranslate(self) -> None:
        if self.report is not None:
            self.page_view.document = report_document(self.report)
            self.page_view.relayout()
        for button in self.buttons:
            button.retranslate()
        super().retranslate()

    def reading_order(self) -> list[SpokenPart]:
        """The title ("Report, page 1 of 3"), then what the page says, then the choices."""
        parts = [SpokenPart(s, self.title_label) for s in split_sentences(self.title())]
        parts += [SpokenPart(s, None) for s in split_sentences(self.page_view.page_words())]
        names = ", ".join(b.label() for b in self.buttons if b.isEnabled())
        parts.append(SpokenPart(_("You can choose: {choices}.").format(choices=names), None))
        return parts

    def open_save(self) -> None:
        from ui.screens.report.save import ReportSaveScreen

        if self.report is None:
            return
        self.ctx.nav().push(ReportSaveScreen(self.ctx, self.report, self.choice))
