"""Reminders in Settings (the check-in time, reminding with Companion closed, starting with the
computer) and the check-in invitation a notification opens, with its "Not today"."""

from __future__ import annotations

from collections.abc import Callable

from companion.i18n import _
from companion.reminders.background import NOT_TODAY_PREFERENCE
from ui.context import AppContext
from ui.screens.settings.options import ChoiceSettingScreen
from ui.screens.settings.screen import TileScreen
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen


def reminders_tile_title() -> str:
    return _("Reminders")


class RemindersScreen(TileScreen):
    """Three tiles: the daily check-in reminder, reminders with Companion closed, and starting
    with the computer (the helper's, behind the helper PIN)."""

    screen_id = "reminders"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(reminders_tile_title)
        self.add_route_tile("checkin.schedule", "mood")
        self.add_tile(lambda: _("Remind me when Companion is closed"), "later", background_screen)
        self.add_tile(
            lambda: _("Start Companion when the computer starts"), "settings", open_start_screen
        )
        self.finish_layout()


def background_screen(ctx: AppContext) -> Screen:
    return ChoiceSettingScreen(
        ctx,
        "background_reminders",
        lambda: _("Remind me when Companion is closed"),
        lambda: _(
            "When you close Companion, it can wait near the clock and still remind you. For "
            "that, it keeps the times of your reminders, and nothing else, outside your own "
            "file."
        ),
        [(True, lambda: _("Yes, remind me")), (False, lambda: _("No, only when it is open"))],
    )


def open_start_screen(ctx: AppContext) -> Screen:
    from ui.shared.caregiver_gate import guarded

    return guarded(ctx, start_with_computer_screen)


def start_with_computer_screen(ctx: AppContext) -> Screen:
    return ChoiceSettingScreen(
        ctx,
        "start_with_computer",
        lambda: _("Start Companion when the computer starts"),
        lambda: _("Companion then waits quietly near the clock, and reminds you when it is time."),
        [
            (True, lambda: _("Yes, start with the computer")),
            (False, lambda: _("No, I will open it myself")),
        ],
    )


class StillRemindingScreen(Screen):
    """Said once, the first time the window is closed: Companion keeps running to remind, and
    how to quit it for good."""

    screen_id = "still_reminding"

    def __init__(
        self, ctx: AppContext, close_window: Callable[[], None], quit_app: Callable[[], None]
    ) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Your reminders keep coming"))
        self.add_text(lambda: _("Companion waits near the clock when its window is closed."))
        self.close_button = self.add_choice(BigButton(lambda: _("Close the window"), "check"))
        self.close_button.clicked.connect(close_window)
        self.quit_button = self.add_choice(BigButton(lambda: _("Quit Companion")))
        self.quit_button.clicked.connect(quit_app)
        self.add_text(
            lambda: _(
                "To stop it for good later, press its small picture near the clock and choose "
                "Quit Companion."
            ),
            below_choices=True,
        )
        self.finish_layout()


class CheckInInvitationScreen(Screen):
    """What the daily check-in notification opens: an invitation, and a kind way to say no."""

    screen_id = "checkin_invitation"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Would you like to check in?"))
        self.yes_button = self.add_choice(BigButton(lambda: _("Check in now"), "mood"))
        self.yes_button.clicked.connect(self.check_in)
        self.no_button = self.add_choice(BigButton(lambda: _("Not today"), "later"))
        self.no_button.clicked.connect(self.not_today)
        self.add_text(
            lambda: _("It takes about a minute. There are no wrong answers."), below_choices=True
        )
        self.finish_layout()

    def check_in(self) -> None:
        from ui.features import home_choices

        choice = next(c for c in home_choices() if c.choice_id == "checkin")
        nav = self.ctx.nav()
        nav.home()
        nav.open(choice.route)

    def not_today(self) -> None:
        """No more check-in reminders today, in a notification or on Home."""
        session = self.ctx.session
        if session is not None and not session.is_guest:
            from ui.shared.appointments import named_local_zone

            today = self.ctx.clock.now().astimezone(named_local_zone(self.ctx)).date()
            preferences = session.preferences
            self.ctx.runner.run(lambda: preferences.set(NOT_TODAY_PREFERENCE, today.isoformat()))
        self.ctx.nav().home()
