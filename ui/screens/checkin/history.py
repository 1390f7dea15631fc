"""My history: a large, simple mood chart of 2, 4 or 12 weeks, one summary sentence, and a table.

The three periods stand side by side in one row at every text size ("Weeks: 2 4 12" where a
third of the row is too narrow for "12 weeks"); "Show as a table" and "My questionnaire scores"
are in the screen's pageable grid, the table first, shown as "Table" and "My scores" where room
is short, so the summary and a chart whose mood words do not crowd stay on screen with them.

The chart (ui/screens/checkin/mood_chart.py) is a picture that takes the focus and says each
day's mood; "Show as a table" opens the same days as a table on a screen of its own
(mood_days.py), a page at a time. The weeks are read on the runner: the screen shows at once
with "Reading your check-ins..." and fills in.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from companion.checkin.trends import PERIOD_WEEKS, MoodTrend
from companion.i18n import _
from ui.context import AppContext
from ui.screens.checkin.mood_chart import MoodChart
from ui.shared.checkin_common import local_today, read_mood_trend
from ui.theme import TARGET_GAP_PX
from ui.widgets.big_button import BigButton
from ui.widgets.fit import RoomSaver
from ui.widgets.screen import Screen

# Re-exported: the chart's parts lived here before it had its own module.
__all__ = ["HistoryScreen", "MoodChart"]


SHORT_LINES_FROM_SCALE = 150
ONE_LINE = 40  # a choice's words on one line


def short_lines(ctx: AppContext, chars: int) -> int:
    """Short lines at large text, so three choices stand side by side; one line otherwise."""
    return chars if ctx.look().text_scale >= SHORT_LINES_FROM_SCALE else 26


class PeriodRow(QWidget):
    """2, 4 and 12 weeks side by side. Where "12 semaines" is wider than a third of the row
    (French at 200% on a small screen) the row says "Weeks:" once and the buttons show only the
    number (their names keep the words): one line, not two, so the summary and chart keep room."""

    def __init__(self, buttons: list[BigButton]) -> None:
        super().__init__()
        self.buttons = buttons
        row = self.row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(TARGET_GAP_PX)
        self.label = QLabel(_("Weeks:"))
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.hide()
        row.addWidget(self.label)
        for button in buttons:
            row.addWidget(button, 1)

    def retranslate(self) -> None:
        self.label.setText(_("Weeks:"))

    def fit_to(self, width: int) -> None:
        for button in self.buttons:
            button.set_short(False)
        spacing = max(0, self.row.spacing()) * (len(self.buttons) - 1)
        third = (width - spacing) // max(1, len(self.buttons))
        numbers = any(button.sizeHint().width() > third for button in self.buttons)
        for button in self.buttons:
            button.set_short(numbers)
        self.label.setVisible(numbers)
        tallest = max(max(b.sizeHint().height(), b.minimumHeight()) for b in self.buttons)
        self.setFixedHeight(max(tallest, self.label.sizeHint().height()))

    def hasHeightForWidth(self) -> bool:
        return True  # for the screen-fit's measure (its layout keeps the height fixed)

    def heightForWidth(self, width: int) -> int:
        self.fit_to(width)
        return self.minimumHeight()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_to(event.size().width())


class HistoryScreen(Screen):
    screen_id = "history"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.weeks = 2
        self.trend: MoodTrend | None = None
        self.reading = False  # a read of the weeks asked for is on the runner
        self.failed = False
        self.set_title(lambda: _("How I have been feeling"))
        self.summary_label = self.add_text(self._summary_words)
        self.chart = MoodChart()
        self.add_widget(self.chart, focusable=True)
        # The chart takes whatever height the screen has left.
        self.body_layout.setStretchFactor(self.chart, 1000)
        # The periods: one row of three, each a third of the width, never paged.
        self.period_buttons: dict[int, BigButton] = {}
        for weeks in PERIOD_WEEKS:
            button = BigButton(
                lambda w=weeks: _("{weeks} weeks").format(weeks=w),  # type: ignore[misc]
                None,
                checkable=True,
                line_chars=ONE_LINE,
                short_fn=lambda w=weeks: str(w),  # type: ignore[misc]
            )
            self._choice_buttons.append(button)  # a choice of the screen, in a row of its own
            button.clicked.connect(partial(self.show_weeks, weeks))
            self.period_buttons[weeks] = button
        self.period_row = PeriodRow(list(self.period_buttons.values()))
        self.add_widget(self.period_row)
        # "Show as a table" first: on the first page where the choices page.
        self.table_button = self.add_choice(
            BigButton(
                lambda: _("Show as a table"),
                None,
                line_chars=ONE_LINE,
                short_fn=lambda: _("Table"),
            )
        )
        self.table_button.clicked.connect(self._table)
        self.scores_button = self.add_choice(
            BigButton(
                lambda: _("My questionnaire scores"),
                "check",
                line_chars=short_lines(ctx, 16),
                short_fn=lambda: _("My scores"),
            )
        )
        self.scores_button.clicked.connect(self._scores)
        self.finish_layout()
        self.show_weeks(2)

    def room_savers(self) -> list[RoomSaver]:
        """First "My scores" in place of "My questionnaire scores", then "Table" in place of
        "Show as a table" (their names keep the full words): the two stand side by side on one
        line, and the chart keeps its room."""
        return [self.scores_button.set_short, self.table_button.set_short, *super().room_savers()]

    def snug_choices(self, on: bool) -> None:
        """The periods' row gets snug with the grid's choices (still at least 64 px tall)."""
        super().snug_choices(on)
        for button in self.period_buttons.values():
            if bool(button.property("snug")) != on:
                button.setProperty("snug", on)
                button.style().unpolish(button)
                button.style().polish(button)

    def _summary_words(self) -> str:
        if self.failed:
            return _("Your check-ins could not be read just now. Please try again later.")
        if self.trend is None or self.reading:
            return _("Reading your check-ins...")
        return self.trend.summary

    def show_weeks(self, weeks: int) -> None:
        """Read `weeks` on the runner; the chart, table and sentence follow when it answers."""
        self.weeks = weeks
        for other, button in self.period_buttons.items():
            button.setChecked(other == weeks)
        self.reading = True
        self.failed = False
        self.summary_label.setText(self._summary_words())
        read_mood_trend(self.ctx, weeks, partial(self._show_trend, weeks), self._failed, self)

    def _show_trend(self, weeks: int, trend: MoodTrend) -> None:
        if weeks != self.weeks:
            return  # another period was pressed meanwhile: its own answer follows
        self.trend = trend
        self.reading = False
        palette = self.ctx.look().palette
        self.chart.set_trend(trend, palette.edge, palette.text, local_today(self.ctx))
        self.summary_label.setText(self._summary_words())
        self.setAccessibleDescription(self.body_text())
        if self.isVisible():
            self.fit()  # the sentence may be longer or shorter than the wait

    def _failed(self, _error: Exception) -> None:
        self.reading = False
        self.failed = True
        self.summary_label.setText(self._summary_words())
        self.setAccessibleDescription(self.body_text())

    def _scores(self) -> None:
        self.ctx.nav().open("checkin.score_history")

    def _table(self) -> None:
        self.ctx.nav().open("checkin.mood_days", weeks=self.weeks)

    def retranslate(self) -> None:
        super().retranslate()
        self.chart.setAccessibleName(_("Mood chart"))
        self.period_row.retranslate()
        if self.trend is not None:
            self.show_weeks(self.weeks)  # the summary and the mood words in the new language
