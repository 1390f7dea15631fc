"""My video sessions: the next session in words, a countdown, and one huge Join button.

Join turns on from 15 minutes before the start to the end. The time is read from the injected
clock on a timer (and whenever the screen shows), so tests move a FixedClock and call refresh().
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from companion.appointments.model import Appointment
from companion.appointments.schedule import (
    can_join,
    countdown_words,
    describe_next,
    has_started,
    next_appointment,
)
from companion.i18n import _
from ui.context import AppContext
from ui.screens.sessions.window_drop import invitation_in
from ui.shared.appointments import (
    appointment_store,
    check_session_link,
    display_zone,
    open_checked_link,
)
from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import OFF_PAGE
from ui.widgets.place_chooser import PlaceChooser
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)

JOIN_MIN_HEIGHT_PX = 128
REFRESH_MS = 15_000  # the countdown speaks in minutes; Join turns on within 15 s of its time


class SessionsScreen(Screen):
    """The person's next session and the way into it."""

    screen_id = "sessions"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.store = appointment_store(ctx)
        self.upcoming: Appointment | None = None
        self.read = False  # the sessions have come back from the runner at least once
        self.appointments: list[Appointment] = []
        self._problem = ""
        self.set_title(lambda: _("My video sessions"))
        self.next_label = self.add_text(self._next_text)
        # When it starts, and when Join turns on: where room is short (200% text) this folds
        # behind "Tell me more". A session without a link says how to attend instead, and
        # that sentence never folds.
        self.when_label = self.add_text(self._when_text, notice=True, explain=True)
        self.no_link_label = self.add_text(self._no_link_text, notice=True)
        self.problem_label = self.add_text(lambda: self._problem, notice=True)
        # The one button that matters here gets a full-width row of its own, above the others
        # (still first in Tab order, scanning and "You can choose").
        self.join_button = BigButton(lambda: _("Join my session"), "sessions")
        self.add_widget(self.join_button)
        self._choice_buttons.append(self.join_button)
        self._join_tall(True)
        self.join_button.clicked.connect(self.join)
        self.check_button = self.add_choice(
            BigButton(lambda: _("Check my camera and microphone"), "voice")
        )
        self.check_button.clicked.connect(self.check_devices)
        self.add_button = self.add_choice(BigButton(lambda: _("Add a session"), "plus"))
        self.add_button.clicked.connect(self.add_session)
        self.edit_button = self.add_choice(
            BigButton(lambda: _("Change or save this session"), "person")
        )
        self.edit_button.clicked.connect(self.edit_session)
        self.import_button = self.add_choice(
            BigButton(lambda: _("Open an invitation file"), "next")
        )
        self.import_button.clicked.connect(self.import_invitation)
        self.setAcceptDrops(True)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.finish_layout()
        self.join_button.setEnabled(False)
        self._show_choice(self.edit_button, False)
        self.reload()

    def _show_choice(self, button: QWidget, shown: bool) -> None:
        """Show or hide a choice for good. The pages go first (a choice hidden only because
        its page is not shown counts as shown), then the fit pages the choices again."""
        if shown == (not button.isHidden() or bool(button.property(OFF_PAGE))):
            return
        self.grid.set_pages(None)
        button.setVisible(shown)
        self.fit()

    def _join_tall(self, on: bool) -> None:
        """Twice the usual height (a widget style, because the app style sets min-height)."""
        self.join_button.setStyleSheet(
            f"QToolButton {{ min-height: {JOIN_MIN_HEIGHT_PX}px; }}" if on else ""
        )

    def room_savers(self) -> list[Callable[[bool], None]]:
        """Where room is short, Join goes to the usual height last (still the first choice,
        a whole row of its own)."""
        return [*super().room_savers(), lambda on: self._join_tall(not on)]

    # --- what the person sees -------------------------------------------------------------
    def reload(self) -> None:
        """Read the sessions again (on the runner); the screen refreshes when they arrive."""
        self.ctx.runner.run(self.store.all, self._read, parent=self)

    def _read(self, appointments: list[Appointment]) -> None:
        self.read = True
        self.appointments = appointments
        self.refresh()

    def refresh(self) -> None:
        """Look at the clock again: texts, and whether Join is on."""
        now = self.ctx.clock.now()
        self.upcoming = next_appointment(self.appointments, now)
        session = self.upcoming
        self.join_button.setEnabled(
            session is not None and session.link is not None and can_join(session, now)
        )
        self._show_choice(self.edit_button, session is not None)
        self.problem_label.setVisible(bool(self._problem))
        self.no_link_label.setVisible(bool(self._no_link_text()))
        # A session without a link can never be joined here: its sentence says how to attend,
        # in Join's place.
        self.join_button.setVisible(session is None or session.link is not None)
        self.retranslate()

    def _next_text(self) -> str:
        if not self.read:
            return ""  # for the moment the sessions take to read
        if self.upcoming is None:
            return _("You have no video sessions planned.")
        return describe_next(self.upcoming, self.ctx.clock.now(), display_zone(self.ctx))

    def _when_text(self) -> str:
        session, now = self.upcoming, self.ctx.clock.now()
        if not self.read:
            return ""
        if session is None:
            return _("A helper can add one, or open the invitation your clinic sent.")
        if session.link is None:
            return ""  # said by the no-link sentence, which never folds
        if can_join(session, now):
            if has_started(session, now):
                return _("Your session has started. Press Join my session.")
            return _("You can join now. Press Join my session.")
        return _("It starts {countdown}. The Join button turns on 15 minutes before.").format(
            countdown=countdown_words(session, now)
        )

    def _no_link_text(self) -> str:
        session = self.upcoming
        if not self.read or session is None or session.link is not None:
            return ""
        if session.phone:
            return _("This session has no link. Call {phone} at the time of your session.").format(
                phone=session.phone
            )
        return _("This session has no link yet. A helper can add it.")

    # --- what the person does -------------------------------------------------------------
    def join(self) -> None:
        """Check the link again, open exactly the checked link, then say what to expect."""
        session = self.upcoming
        if session is None or not can_join(session, self.ctx.clock.now()):
            self.refresh()
            return
        verdict = check_session_link(self.ctx, session.link)
        if not verdict.ok:
            self.show_problem(verdict.reason)
            return
        if not open_checked_link(verdict):
            self.show_problem(
                _("Companion could not open your web browser. Call your clinic if you need help.")
            )
            return
        from ui.screens.sessions.expect_screen import WhatToExpectScreen

        self.ctx.nav().push(WhatToExpectScreen(self.ctx, session))

    def show_problem(self, sentence: str) -> None:
        self._problem = sentence
        self.problem_label.setText(sentence)
        self.problem_label.setVisible(bool(sentence))
        if sentence:
            self.ctx.speech.say(sentence)

    def check_devices(self) -> None:
        from ui.screens.sessions.device_check import DeviceCheckScreen

        self.ctx.nav().push(DeviceCheckScreen(self.ctx, self.upcoming))

    def add_session(self) -> None:
        from ui.screens.sessions.form_screens import start_form

        start_form(self.ctx, None)

    def edit_session(self) -> None:
        """The next session's own choices: change it, save it to a calendar, or delete it."""
        if self.upcoming is not None:
            from ui.screens.sessions.session_actions import SessionChoicesScreen

            self.ctx.nav().push(SessionChoicesScreen(self.ctx, self.upcoming))

    def import_invitation(self) -> None:
        path = self.ask_for_file(self)
        if path is not None:
            self.import_file(path)

    @classmethod
    def ask_for_file(cls, parent: QWidget) -> Path | None:
        """The file dialog (tests replace this classmethod; no dialog opens in tests)."""
        return PlaceChooser.open_path(parent, _("Open an invitation file"), (".ics",))

    def import_file(self, path: Path) -> None:
        from ui.screens.sessions.import_screen import start_import

        self._problem = ""
        start_import(self.ctx, path, self, on_error=self.show_problem)

    # --- drag and drop an invitation onto the screen --------------------------------------
    # (window_drop takes drops for the whole window once installed; these serve the screen alone)
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if invitation_in(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = invitation_in(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.import_file(path)

    # --- life on the stack ----------------------------------------------------------------
    def on_shown(self) -> None:
        self.reload()  # a session may have been added or changed on another screen
        self.timer.start()
        super().on_shown()

    def on_hidden(self) -> None:
        self.timer.stop()
        super().on_hidden()

    def on_closed(self) -> None:
        self.timer.stop()
