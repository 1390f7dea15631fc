"""My mood day by day: the history's days as a table, on a screen of their own.

Opened by "Show as a table" on the history screen, for the weeks chosen there. The table has
every bit of height the screen has left, and the whole width (a day and its mood on one line
where they fit), so a page holds as many days as it can: in the chart's place, at 200% on a
1024 x 768 screen, it held one. "More days (page 1 of 3)" and "Back to the chart" are the
screen's choices. The days are read on the runner, as the history's are.
"""

from __future__ import annotations

from companion.checkin.trends import MoodTrend
from companion.i18n import _
from ui.context import AppContext
from ui.screens.checkin.history import short_lines
from ui.screens.checkin.mood_table import MoodTable
from ui.shared.checkin_common import local_today, read_mood_trend
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


class MoodDaysScreen(Screen):
    screen_id = "mood_days"

    def __init__(self, ctx: AppContext, weeks: int = 2) -> None:
        super().__init__(ctx)
        self.weeks = weeks
        self.trend: MoodTrend | None = None
        self.failed = False
        self.set_title(lambda: _("My mood day by day"))  # one line at 200%: room for days
        self.status_label = self.add_text(self._status_words)
        self.mood_table = MoodTable()
        self.table = self.mood_table.table
        self.mood_table.hide()  # until there are days to show: no empty box
        self.add_widget(self.mood_table)
        self._extra_focusables.append(self.table)
        self.body_layout.setStretchFactor(self.mood_table, 1000)  # all the height left
        self.page_button = self.add_choice(self.mood_table.page_button)
        self.chart_button = self.add_choice(
            BigButton(lambda: _("Back to the chart"), "back", line_chars=short_lines(ctx, 12))
        )
        self.chart_button.clicked.connect(lambda: self.ctx.nav().back())
        self.finish_layout()
        self._read()

    def _status_words(self) -> str:
        if self.failed:
            return _("Your check-ins could not be read just now. Please try again later.")
        if self.trend is None:
            return _("Reading your check-ins...")
        if not self.trend.points:
            return self.trend.summary  # "No check-ins in these weeks yet..."
        return ""

    def _read(self) -> None:
        read_mood_trend(self.ctx, self.weeks, self._show, self._failed, self)

    def _show(self, trend: MoodTrend) -> None:
        self.trend = trend
        self.mood_table.fill(trend, local_today(self.ctx))
        self.mood_table.setVisible(bool(trend.points))
        self._say_status()

    def _failed(self, _error: Exception) -> None:
        self.failed = True
        self._say_status()

    def _say_status(self) -> None:
        words = self._status_words()
        self.status_label.setText(words)
        self.status_label.setVisible(bool(words))  # once read, the room goes to the days
        self.setAccessibleDescription(self.body_text())
        if self.isVisible():
            self.fit()

    def retranslate(self) -> None:
        super().retranslate()
        self.status_label.setVisible(bool(self._status_words()))
        self.mood_table.retranslate()
        if self.trend is not None:
            self._read()  # the days and moods in the new language
