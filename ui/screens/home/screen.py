"""Home: a greeting, what is coming up, and at most six huge choices, each with a word and icon."""

from __future__ import annotations

import logging
from datetime import date
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent

from companion.i18n import _
from ui.context import AppContext
from ui.features import HomeChoice, home_choices
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)
COMING_UP_CHECK_MS = 60_000


class HomeScreen(Screen):
    screen_id = "home"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("What would you like to do?"))
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
        """Show a sentence that arrived after start (speech missing, data problems)."""
        self.add_text(partial(_, sentence), notice=True, below_choices=True)

    def on_session_changed(self) -> None:
        """Choices that use the person's data wait, greyed, until it is open."""
        ready = self.ctx.session is not None
        for button in self._needs_person:
            button.setEnabled(ready)
        self._refresh_coming_up()

    def _open(self, choice: HomeChoice) -> None:
        self.ctx.nav().open(choice.route)

    def _next_session(self) -> str:
        if self.ctx.session is None:
            return ""
        try:
            from ui.shared.appointments import next_session_sentence

            return next_session_sentence(self.ctx) or ""
        except Exception:  # Home must always show, whatever a feature's data says
            _log.exception("Could not find the next session for Home")
            return ""

    def _checkin_reminder(self) -> str:
        session = self.ctx.session
        if session is None:
            return ""
        try:
            from datetime import timedelta

            from companion.checkin.schedule import load_schedule, reminder_due, reminder_text
            from companion.reminders.background import NOT_TODAY_PREFERENCE
            from ui.shared.checkin_common import local_zone

            now = self.ctx.clock.now()
            today = now.astimezone(local_zone(self.ctx)).date().isoformat()
            if session.preferences.get(NOT_TODAY_PREFERENCE) == today:
                return ""  # they said "Not today" to this reminder
            recent = session.checkins.checkins_between(now - timedelta(days=2), now)
            due = reminder_due(
                load_schedule(session.preferences), recent, now, local_zone(self.ctx)
            )
            return reminder_text() if due else ""
        except Exception:
            _log.exception("Could not work out the check-in reminder for Home")
            return ""

    def _refresh_coming_up(self) -> None:
        if self.ctx.session is None:  # nothing to say until the person's data is open
            self.next_session_label.hide()
            self.checkin_reminder_label.hide()
            return
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
        self._refresh_coming_up()
        super().on_shown()
