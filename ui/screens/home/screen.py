"""Home: a greeting, what is coming up, and at most six huge choices, each with a word and icon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent

from companion.i18n import _
from ui.context import AppContext
from ui.features import HomeChoice, home_choices
from ui.shared.safety_plan_ways_in import know_plan_soon
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from companion.appointments.model import Appointment
    from companion.people.profiles import PersonSession

COMING_UP_CHECK_MS = 60_000


@dataclass(frozen=True)
class ComingUp:
    """What Home says is coming: read from storage on the runner, shown on the UI thread."""

    next_session: Appointment | None = None
    checkin_due: bool = False


def read_coming_up(session: PersonSession, now: datetime, zone: tzinfo) -> ComingUp:
    """The next session and whether the check-in reminder is due (storage reads, in one
    transaction)."""
    from companion.appointments.schedule import next_appointment
    from companion.checkin.schedule import load_schedule, reminder_due
    from companion.reminders.background import NOT_TODAY_PREFERENCE

    with session.one_transaction():
        upcoming = next_appointment(session.appointments.all(), now)
        today = now.astimezone(zone).date().isoformat()
        if session.preferences.get(NOT_TODAY_PREFERENCE) == today:
            return ComingUp(upcoming)  # they said "Not today" to this reminder
        recent = session.checkins.checkins_between(now - timedelta(days=2), now)
        schedule = load_schedule(session.preferences)
    return ComingUp(upcoming, reminder_due(schedule, recent, now, zone))


class HomeScreen(Screen):
    screen_id = "home"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("What would you like to do?"))
        self._coming_up = ComingUp()
        # Where room is short these fold behind "Tell me more" (the screen-fit layout).
        self.next_session_label = self.add_text(self._next_session, notice=True, explain=True)
        self.checkin_reminder_label = self.add_text(
            self._checkin_reminder, notice=True, explain=True
        )
        self.buttons: dict[str, BigButton] = {}
        self._needs_person: list[BigButton] = []
        shared_pc = bool(ctx.settings.get("shared_pc"))
        for choice in [c for c in home_choices() if shared_pc or not c.shared_pc_only][:6]:
            button = self.add_choice(BigButton(choice.title, choice.icon_name, tile=True))
            button.clicked.connect(partial(self._open, choice))
            self.buttons[choice.choice_id] = button
            if choice.needs_person:
                self._needs_person.append(button)
        for notice in ctx.startup_notices:
            self.add_notice(notice)
        self.finish_layout()
        self._reminder_said_on: date | None = None
        # Time passes while Home is open: look again each minute (by the injected clock).
        self._coming_up_timer = QTimer(self)
        self._coming_up_timer.setInterval(COMING_UP_CHECK_MS)
        self._coming_up_timer.timeout.connect(self._refresh_coming_up)
        self._coming_up_timer.start()
        self.on_session_changed()

    def add_notice(self, sentence: str) -> None:
        """Show a sentence that arrived after start (speech missing, data problems). Below the
        choices, and where room is short it folds behind "Tell me more" (which shows and reads
        it): a long notice at 200% paged Home's choices one a page."""
        self.add_text(partial(_, sentence), notice=True, below_choices=True, explain=True)
        if self.isVisible():
            self.fit()

    def on_session_changed(self) -> None:
        """Choices that use the person's data wait, greyed, until it is open."""
        ready = self.ctx.session is not None
        for button in self._needs_person:
            button.setEnabled(ready)
        self._show_coming_up(ComingUp())  # nothing of the last person stays while reading
        self._refresh_coming_up()
        know_plan_soon(self.ctx)  # Get help now then knows, without storage, to offer the plan

    def _open(self, choice: HomeChoice) -> None:
        self.ctx.nav().open(choice.route)

    def _next_session(self) -> str:
        upcoming = self._coming_up.next_session
        if upcoming is None or self.ctx.session is None:
            return ""
        from companion.appointments.schedule import describe_next
        from ui.shared.appointments import display_zone

        return describe_next(upcoming, self.ctx.clock.now(), display_zone(self.ctx))

    def _checkin_reminder(self) -> str:
        if not (self._coming_up.checkin_due and self.ctx.session is not None):
            return ""  # the check-in's rules load only when one is due (not before Home)
        from companion.checkin.schedule import reminder_text

        return reminder_text()

    def _refresh_coming_up(self) -> None:
        """Read what is coming up on the runner; the labels change when it answers."""
        session = self.ctx.session
        if session is None:  # nothing to say until the person's data is open
            self._show_coming_up(ComingUp())
            return
        from ui.shared.checkin_common import local_zone

        now, zone = self.ctx.clock.now(), local_zone(self.ctx)

        def show(coming_up: ComingUp) -> None:
            if self.ctx.session is session:  # never the last person's, after a lock
                self._show_coming_up(coming_up)

        self.ctx.runner.run(
            lambda: read_coming_up(session, now, zone),
            show,
            lambda _error: None,  # Home must always show, whatever a feature's data says
            parent=self,
        )

    def _show_coming_up(self, coming_up: ComingUp) -> None:
        self._coming_up = coming_up
        for label, text_fn in (
            (self.next_session_label, self._next_session),
            (self.checkin_reminder_label, self._checkin_reminder),
        ):
            text = text_fn()
            label.setText(text)
            label.setVisible(bool(text))
        self.fit()  # a notice came or went: fold it again where room is short
        self._say_checkin_reminder_once_a_day()

    def _say_checkin_reminder_once_a_day(self) -> None:
        """The gentle reminder is also said aloud, once a day, when reminders are spoken."""
        text = self.checkin_reminder_label.text()
        today = self.ctx.clock.now().date()
        if not text or self._reminder_said_on == today or not self.isVisible():
            return
        if not self.ctx.settings.get("speak_reminders"):
            return
        self._reminder_said_on = today
        self.ctx.speech.say(text)

    def retranslate(self) -> None:
        super().retranslate()
        self._refresh_coming_up()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._say_checkin_reminder_once_a_day()  # now that Home is really on screen

    def on_shown(self) -> None:
        # After the events in hand: Home passed through on the way to another screen (the
        # thank-you after a check-in) reads nothing.
        QTimer.singleShot(0, self, self._refresh_if_shown)
        super().on_shown()

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self._refresh_coming_up()
