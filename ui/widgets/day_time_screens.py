"""A screen that asks for a day, and one that asks for a time, around the shared pickers.

Any screen that needs a day or a time pushes one of these with what to do with the answer;
the sessions form's own steps embed the same pickers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from functools import partial
from typing import TYPE_CHECKING

from companion.i18n import _
from ui.widgets.big_button import BigButton
from ui.widgets.day_time import DayPicker, MonthGrid, TimePicker
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from ui.context import AppContext


class PickDayScreen(Screen):
    """Today, Tomorrow or another day; pressing one answers and goes back."""

    screen_id = "pick_day"

    def __init__(
        self,
        ctx: AppContext,
        title: Callable[[], str],
        today: date,
        current: date | None,
        on_chosen: Callable[[date], None],
    ) -> None:
        super().__init__(ctx)
        self.set_title(title)
        self.picker = DayPicker(today, current)
        self.add_widget(self.picker)
        self._extra_focusables.extend(self.picker.controls())
        self._on_chosen = on_chosen
        self.picker.chosen.connect(self._chosen)
        self.picker.another_day.connect(partial(show_month, ctx, self.picker))
        self.finish_layout()

    def _chosen(self, day: date) -> None:
        self._on_chosen(day)
        self.ctx.nav().back()

    def retranslate(self) -> None:
        super().retranslate()
        self.picker.retranslate()


class MonthScreen(Screen):
    """Another day: the month grid on a screen of its own, so six weeks fit at 200% text."""

    screen_id = "pick_day_month"

    def __init__(self, ctx: AppContext, picker: DayPicker) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Which day?"))
        self.title_label.hide()  # the month's name is the heading; the title is still spoken
        self.body_layout.setContentsMargins(24, 8, 24, 4)
        self.body_layout.setSpacing(8)
        self.grid_part = MonthGrid(picker.today, picker.current)
        self.grid_part.set_text_scale(ctx.look().text_scale)
        self.add_widget(self.grid_part)
        self._extra_focusables.extend(self.grid_part.controls())
        self._picker = picker
        self.grid_part.chosen.connect(self._chosen)
        self.finish_layout()

    def _chosen(self, day: date) -> None:
        self.ctx.nav().back()  # first leave the grid, then the day's own screen goes on
        self._picker.choose(day)

    def retranslate(self) -> None:
        super().retranslate()
        self.grid_part.retranslate()


def show_month(ctx: AppContext, picker: DayPicker) -> None:
    """What "Another day" does on every screen that asks for a day."""
    ctx.nav().push(MonthScreen(ctx, picker))


class PickTimeScreen(Screen):
    """The time with Earlier / Later and common times, then "This time"."""

    screen_id = "pick_time"

    def __init__(
        self,
        ctx: AppContext,
        title: Callable[[], str],
        current: time,
        on_chosen: Callable[[time], None],
    ) -> None:
        super().__init__(ctx)
        self.set_title(title)
        self.picker = TimePicker(current)
        self.add_widget(self.picker)
        self._extra_focusables.extend(self.picker.controls())
        self._on_chosen = on_chosen
        self.done_button = self.add_choice(BigButton(lambda: _("This time"), "check"))
        self.done_button.clicked.connect(self._done)
        self.finish_layout()

    def _done(self) -> None:
        self._on_chosen(self.picker.current)
        self.ctx.nav().back()

    def retranslate(self) -> None:
        super().retranslate()
        self.picker.retranslate()
