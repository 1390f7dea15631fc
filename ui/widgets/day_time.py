"""Big-button day and time steps, used by every screen that asks for a day or a time.

A day: "Today", "Tomorrow", "Another day" (a big month grid, one week per row, the day names in
words). A time: the time in large words, "Earlier" / "Later" by 15 minutes, and common times.
No spin boxes: their arrows are tiny, unnamed for screen readers, and do not grow with the text.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from companion.i18n import _
from companion.when_words import (
    MINUTES_STEP,
    clock_words,
    date_words,
    month_words,
    weekday_names,
)
from ui.theme import TARGET_GAP_PX
from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import ChoiceGrid

COMMON_TIMES: tuple[time, ...] = (time(10, 0), time(14, 0), time(16, 0))
GRID_CELLS = 42  # six weeks of seven days: any month fits


class DayPicker(QWidget):
    """Today / Tomorrow / Another day; "Another day" asks the host to show the month grid."""

    chosen = Signal(object)  # the date pressed
    another_day = Signal()  # the host shows a MonthScreen, then calls choose()

    def __init__(self, today: date, current: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.current = current
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.quick = ChoiceGrid(max_columns=2)
        self.today_button = BigButton(lambda: _("Today"), "sessions", checkable=True)
        self.tomorrow_button = BigButton(lambda: _("Tomorrow"), "sessions", checkable=True)
        self.other_button = BigButton(self._other_words, "plus", checkable=True)
        self.today_button.clicked.connect(lambda: self.choose(self.today))
        self.tomorrow_button.clicked.connect(lambda: self.choose(self.today + timedelta(days=1)))
        self.other_button.clicked.connect(self._another)
        for button in self.controls():
            self.quick.add(button)
        layout.addWidget(self.quick)
        self.retranslate()

    def _other_words(self) -> str:
        quick = (self.today, self.today + timedelta(days=1))
        if self.current is not None and self.current not in quick:
            return date_words(self.current, self.today)
        return _("Another day")

    def controls(self) -> list[QWidget]:
        return [self.today_button, self.tomorrow_button, self.other_button]

    def _another(self) -> None:
        self._sync()  # a press must not leave it looking chosen before a day is picked
        self.another_day.emit()

    def choose(self, day: date) -> None:
        self.current = day
        self._sync()
        self.chosen.emit(day)

    def _sync(self) -> None:
        self.today_button.setChecked(self.current == self.today)
        self.tomorrow_button.setChecked(self.current == self.today + timedelta(days=1))
        self.other_button.setChecked(
            self.current is not None
            and not self.today_button.isChecked()
            and not self.tomorrow_button.isChecked()
        )
        self.other_button.retranslate()

    def retranslate(self) -> None:
        self.today_button.retranslate()
        self.tomorrow_button.retranslate()
        self._sync()


class MonthGrid(QWidget):
    """One month, one week per row, Monday first; earlier/later month beside its name.

    Days before `today` are greyed. Day numbers stop growing at 140% text so six weeks fit a
    1024 x 768 screen at 200%; each day's spoken name is the whole date in words.
    """

    chosen = Signal(object)

    def __init__(self, today: date, current: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.current = current
        self.month = (current or today).replace(day=1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(TARGET_GAP_PX // 2)
        turn = QHBoxLayout()
        turn.setSpacing(TARGET_GAP_PX)
        # Short words on screen ("Earlier"), the whole name for screen readers and scanning.
        self.earlier_month = BigButton(lambda: _("Earlier"), "back")
        self.later_month = BigButton(lambda: _("Later"), "next")
        self.earlier_month.clicked.connect(partial(self.turn_month, -1))
        self.later_month.clicked.connect(partial(self.turn_month, 1))
        self.month_label = QLabel()
        self.month_label.setProperty("heading", True)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        turn.addWidget(self.earlier_month)
        turn.addWidget(self.month_label, 1)
        turn.addWidget(self.later_month)
        layout.addLayout(turn)
        grid = QGridLayout()
        grid.setSpacing(TARGET_GAP_PX // 2)
        self.day_names = [QLabel() for _day in range(7)]
        for column, label in enumerate(self.day_names):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, 0, column)
        self.day_buttons: list[BigButton] = []
        for cell in range(GRID_CELLS):
            button = BigButton(lambda: "", None, checkable=True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # a blank day keeps its place in the week
            button.setSizePolicy(policy)
            button.clicked.connect(partial(self._day_pressed, cell))
            grid.addWidget(button, 1 + cell // 7, cell % 7)
            self.day_buttons.append(button)
        layout.addLayout(grid)
        self._cells: list[date | None] = [None] * GRID_CELLS
        self.retranslate()

    def controls(self) -> list[QWidget]:
        return [self.earlier_month, self.later_month, *self.day_buttons]

    def set_text_scale(self, scale: int) -> None:
        """Day numbers and names stop growing at 140%, the month buttons at 150%."""
        points = round(18 * min(scale, 140) / 100)
        compact = f"font-size: {points}pt; padding: 1px; min-height: 56px;"  # 64 px in all
        for widget in [*self.day_buttons, *self.day_names]:
            widget.setStyleSheet(compact)
        for button in (self.earlier_month, self.later_month):
            button.setStyleSheet(f"font-size: {round(18 * min(scale, 150) / 100)}pt;")

    def turn_month(self, step: int) -> None:
        year, month = divmod(self.month.year * 12 + self.month.month - 1 + step, 12)
        self.month = date(year, month + 1, 1)
        self._fill()

    def _fill(self) -> None:
        self.month_label.setText(month_words(self.month))
        lead = self.month.weekday()  # Monday first
        days = calendar.monthrange(self.month.year, self.month.month)[1]
        weeks = -(-(lead + days) // 7)
        for cell, button in enumerate(self.day_buttons):
            number = cell - lead + 1
            day = self.month.replace(day=number) if 1 <= number <= days else None
            self._cells[cell] = day
            button.setVisible(day is not None)
            if cell // 7 >= weeks:
                button.hide()
                policy = button.sizePolicy()
                policy.setRetainSizeWhenHidden(False)  # no empty sixth week
                button.setSizePolicy(policy)
            else:
                policy = button.sizePolicy()
                policy.setRetainSizeWhenHidden(True)
                button.setSizePolicy(policy)
            button.setText(str(day.day) if day else "")
            button.setAccessibleName(date_words(day, self.today) if day else "")
            button.setEnabled(day is not None and day >= self.today)
            button.setChecked(day is not None and day == self.current)
        self.earlier_month.setEnabled(self.month > self.today.replace(day=1))

    def _day_pressed(self, cell: int) -> None:
        day = self._cells[cell]
        if day is not None:
            self.current = day
            self.chosen.emit(day)

    def retranslate(self) -> None:
        for label, name in zip(self.day_names, weekday_names(), strict=True):
            label.setText(name)
        self.earlier_month.retranslate()
        self.later_month.retranslate()
        self.earlier_month.setAccessibleName(_("Earlier month"))
        self.later_month.setAccessibleName(_("Later month"))
        self._fill()


class TimePicker(QWidget):
    """The time in large words, Earlier / Later by 15 minutes, and a few common times."""

    changed = Signal(object)  # the new time

    def __init__(
        self, current: time, common: Sequence[time] = COMMON_TIMES, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.current = current
        self.common = tuple(common)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(TARGET_GAP_PX)
        self.time_label = QLabel()
        self.time_label.setProperty("heading", True)
        self.time_label.setProperty("notice", True)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Words without arrows: at 200% an icon squeezed "Plus tôt" to "Pl…ôt".
        self.earlier_button = BigButton(lambda: _("Earlier"), None)
        self.later_button = BigButton(lambda: _("Later"), None)
        self.earlier_button.clicked.connect(partial(self.move_by, -MINUTES_STEP))
        self.later_button.clicked.connect(partial(self.move_by, MINUTES_STEP))
        for button in (self.earlier_button, self.later_button):  # never squeezed to "Pl…ôt"
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.setSpacing(TARGET_GAP_PX)
        row.addWidget(self.earlier_button)
        row.addWidget(self.time_label, 1)
        row.addWidget(self.later_button)
        layout.addLayout(row)
        self.grid = ChoiceGrid(max_columns=3)
        self.common_buttons: dict[time, BigButton] = {}
        for at in self.common:
            button = BigButton(partial(clock_words, at), None, checkable=True)
            button.clicked.connect(partial(self.set_time, at))
            self.grid.add(button)
            self.common_buttons[at] = button
        layout.addWidget(self.grid)
        self.retranslate()

    def controls(self) -> list[QWidget]:
        return [self.earlier_button, self.later_button, *self.common_buttons.values()]

    def move_by(self, minutes: int) -> None:
        self.set_time(self._moved(minutes))

    def set_time(self, at: time) -> None:
        self.current = at
        self.retranslate()
        self.changed.emit(at)

    def retranslate(self) -> None:
        words = clock_words(self.current)
        self.earlier_button.retranslate()
        self.later_button.retranslate()
        self.time_label.setText(words)
        self.time_label.setAccessibleName(_("The time: {time}").format(time=words))
        self.earlier_button.setAccessibleName(
            _("Earlier, {time}").format(time=clock_words(self._moved(-MINUTES_STEP)))
        )
        self.later_button.setAccessibleName(
            _("Later, {time}").format(time=clock_words(self._moved(MINUTES_STEP)))
        )
        for at, button in self.common_buttons.items():
            button.retranslate()
            button.setChecked(at == self.current)

    def _moved(self, minutes: int) -> time:
        moment = datetime.combine(date(2000, 1, 2), self.current) + timedelta(minutes=minutes)
        return moment.time()
