"""The first report screens: which weeks (one question), then what goes in (notes, large print).

One question a screen, so each fits at 200% text: the weeks, then two yes/no toggles and "See the
report", which opens the pages one at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from companion.i18n import _
from companion.report import ClinicianReport, build_report
from ui.context import AppContext
from ui.shared.checkin_common import checkin_store, local_zone
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

REPORT_WEEKS = (2, 4, 12)
WRAP_FROM_SCALE = 150  # from 150% text, labels wrap to short lines so buttons sit side by side


def line_chars(ctx: AppContext, short: int) -> int:
    """`short` characters a line at large text sizes; one line at the usual sizes."""
    return short if ctx.look().text_scale >= WRAP_FROM_SCALE else 30


@dataclass(frozen=True)
class ReportChoice:
    """What the person chose on the first screen, carried to the preview and save screens."""

    weeks: int
    include_notes: bool
    large_print: bool


def report_maker(ctx: AppContext, choice: ReportChoice) -> Callable[[], ClinicianReport]:
    """The report's building, for the runner: what it needs is taken here, on the UI thread,
    and the weeks are read when the returned function runs (off it)."""
    zone = local_zone(ctx)
    now = ctx.clock.now()
    last_day = now.astimezone(zone).date()
    first_day = last_day - timedelta(days=choice.weeks * 7 - 1)
    name = ctx.session.display_name if ctx.session is not None else ""
    store = checkin_store(ctx)

    def make() -> ClinicianReport:
        return build_report(
            store,
            first_day,
            last_day,
            zone,
            now=now,
            include_notes=choice.include_notes,
            person_name=name,
        )

    return make


def making_words() -> str:
    """What the report screens say while the report is made on the runner."""
    return _("Making your report...")


def not_made_words() -> str:
    return _("Your report could not be made just now. Please try again.")


def preview_screen(
    ctx: AppContext, weeks: int = 4, include_notes: bool = True, large_print: bool = False
) -> Screen:
    """The pages of a report for `weeks`, for opening the preview by name (it makes the report
    on the runner, saying so meanwhile)."""
    from ui.screens.report.preview import ReportPreviewScreen

    return ReportPreviewScreen(ctx, None, ReportChoice(weeks, include_notes, large_print))


def save_screen(
    ctx: AppContext, weeks: int = 4, include_notes: bool = True, large_print: bool = False
) -> Screen:
    """Save or print a report for `weeks`, for opening it by name (made on the runner)."""
    from ui.screens.report.save import ReportSaveScreen

    return ReportSaveScreen(ctx, None, ReportChoice(weeks, include_notes, large_print))


class ReportScreen(Screen):
    """Which weeks: one question, three answers; each goes on to what goes in."""

    screen_id = "report"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Report for my doctor or counsellor"))
        self.week_buttons: dict[int, BigButton] = {}
        for weeks in REPORT_WEEKS:
            button = self.add_choice(
                BigButton(
                    lambda w=weeks: _("Last {weeks} weeks").format(weeks=w),  # type: ignore[misc]
                    None,
                    line_chars=line_chars(ctx, 8),
                )
            )
            button.clicked.connect(partial(self.choose_weeks, weeks))
            self.week_buttons[weeks] = button
        self.add_text(
            lambda: _("You choose what goes in. Nothing is sent. You choose where it is saved."),
            below_choices=True,
        )
        self.finish_layout()

    def choose_weeks(self, weeks: int) -> None:
        self.ctx.nav().push(ReportOptionsScreen(self.ctx, weeks))


class ReportOptionsScreen(Screen):
    """What goes in: notes or not, large print or not, then see the report."""

    screen_id = "report_options"

    def __init__(self, ctx: AppContext, weeks: int) -> None:
        super().__init__(ctx)
        self.weeks = weeks
        self.set_title(lambda: _("What goes in the report?"))
        self.notes_button = self.add_choice(
            BigButton(
                lambda: _("Include my notes"), None, checkable=True, line_chars=line_chars(ctx, 10)
            )
        )
        self.large_button = self.add_choice(
            BigButton(
                lambda: _("Large print"), None, checkable=True, line_chars=line_chars(ctx, 10)
            )
        )
        self.see_button = self.add_choice(
            BigButton(lambda: _("See the report"), "next", line_chars=line_chars(ctx, 10))
        )
        self.see_button.clicked.connect(self.open_preview)
        self.add_text(
            lambda: _("The last {weeks} weeks. Your notes go in only if you choose.").format(
                weeks=self.weeks
            ),
            below_choices=True,
        )
        self.finish_layout()

    def choice(self) -> ReportChoice:
        return ReportChoice(
            weeks=self.weeks,
            include_notes=self.notes_button.isChecked(),
            large_print=self.large_button.isChecked(),
        )

    def open_preview(self) -> None:
        from ui.screens.report.preview import ReportPreviewScreen

        # The preview shows at once and says "Making your report..." until its pages are ready.
        self.ctx.nav().push(ReportPreviewScreen(self.ctx, None, self.choice()))
