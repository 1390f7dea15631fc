"""Reminders while the app runs: a timer asks the core which are due and announces each once.

The main window shows `ReminderBanner` above every screen and connects `ReminderWatch.reminded`
to it; the banner stays until the person presses "Got it" (nothing vanishes on a timer).
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from companion.appointments.model import Appointment
from companion.appointments.reminders import ReminderBoard, reminder_text
from companion.i18n import _
from ui.context import AppContext
from ui.shared.appointments import appointment_store, display_zone
from ui.widgets.notice_bar import NoticeBar

_log = logging.getLogger(__name__)

CHECK_EVERY_MS = 30_000
SPEAK_SETTING = "speak_reminders"  # spoken unless Settings declares it and it is off


class ReminderWatch(QObject):
    """Looks at the person's sessions every 30 seconds (by the injected clock)."""

    reminded = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board = ReminderBoard()
        self.last_given: list[str] = []  # what the last check announced (for tests)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        """Read the sessions on the runner; `announce` gives what is due when they arrive."""
        now, store = self.ctx.clock.now(), appointment_store(self.ctx)
        # A failure is logged by the runner; the next check tries again.
        self.ctx.runner.run(
            store.all, lambda found: self.announce(found, now), lambda _e: None, parent=self
        )

    def announce(self, appointments: list[Appointment], now: datetime) -> list[str]:
        """Announce every reminder due now; returns the sentences (for tests and logs)."""
        due = self.board.due(appointments, now)
        self.last_given = sentences = [reminder_text(r, now, display_zone(self.ctx)) for r in due]
        for sentence in sentences:
            self.reminded.emit(sentence)
            if self._speaking():
                self.ctx.speech.say(sentence)
        if sentences:
            _log.info("Gave %d session reminders", len(sentences))
        return sentences

    def _speaking(self) -> bool:
        window = self.parent()
        if isinstance(window, QWidget) and not window.isVisible():
            return False  # closed to the tray: ui.tray's notification speaks instead
        try:
            return bool(self.ctx.settings.get(SPEAK_SETTING))
        except KeyError:
            return True


class ReminderBanner(NoticeBar):
    """The reminder sentence in large text, with a button to put it away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(lambda: _("Got it"), "check", parent)
        self.dismiss_button = self.button
        self.dismiss_button.clicked.connect(self.hide)

    def show_reminder(self, sentence: str) -> None:
        self.say(sentence)
        self.show()
