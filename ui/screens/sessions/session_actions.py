"""One session's own choices: change it, save it to a calendar file, or delete it.

Kept off the sessions screen so that screen stays at five choices with Join on top.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from companion.appointments.ics import write_ics
from companion.appointments.model import Appointment
from companion.appointments.schedule import describe_next
from companion.community.shared_pc import (
    guest_save_folder,
    is_in_guest_folder,
    make_guest_save_folder,
)
from companion.config import write_file_atomically
from companion.i18n import _
from companion.when_words import short_date_words
from ui.context import AppContext
from ui.shared.appointments import appointment_store, check_session_link, display_zone
from ui.widgets.big_button import BigButton
from ui.widgets.place_chooser import PlaceChooser
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


def calendar_bytes(ctx: AppContext, session: Appointment) -> tuple[bytes, str | None]:
    """The .ics of `session` with only the checked link in it, and the reason if it was left out."""
    verdict = check_session_link(ctx, session.link) if session.link else None
    link = verdict.url if verdict is not None and verdict.ok else None
    refused = verdict.reason if verdict is not None and not verdict.ok else None
    return write_ics(replace(session, link=link), stamp=ctx.clock.now()), refused


class SessionChoicesScreen(Screen):
    """The session in words, then Change it, Save to my calendar and Delete it."""

    screen_id = "sessions_this_session"

    def __init__(self, ctx: AppContext, session: Appointment) -> None:
        super().__init__(ctx)
        self.session = session
        self._outcome = ""
        self.set_title(lambda: _("This session"))
        self.add_text(lambda: describe_next(session, ctx.clock.now(), display_zone(ctx)) + ".")
        self.outcome_label = self.add_text(lambda: self._outcome, notice=True)
        self.outcome_label.setVisible(False)
        self.change_button = self.add_choice(BigButton(lambda: _("Change it"), "settings"))
        self.change_button.clicked.connect(self.change)
        self.save_button = self.add_choice(BigButton(lambda: _("Save to my calendar"), "sessions"))
        self.save_button.clicked.connect(self.save_to_calendar)
        self.delete_button = self.add_choice(BigButton(lambda: _("Delete it"), "delete"))
        self.delete_button.clicked.connect(self.ask_to_delete)
        self.finish_layout()

    def change(self) -> None:
        """The guided form takes this screen's place, so saving lands on the sessions screen."""
        from ui.screens.sessions.form_screens import start_form

        nav, session = self.ctx.nav(), self.session
        nav.back()
        start_form(self.ctx, session)

    def ask_to_delete(self) -> None:
        self.ctx.nav().push(DeleteSessionScreen(self.ctx, self.session))

    # --- saving a calendar file -----------------------------------------------------------
    def save_to_calendar(self) -> None:
        """Ask where, write the .ics there in one go, and say where it went (or why not)."""
        day = self.session.start.astimezone(display_zone(self.ctx)).date()
        suggested = _("Session, {day}.ics").format(day=short_date_words(day))
        is_guest = self.ctx.session is not None and self.ctx.session.is_guest
        folder = guest_save_folder(self.ctx.data_dir) if is_guest else default_folder()
        path = self.ask_where_to_save(self, folder / suggested)
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        data, refused = calendar_bytes(self.ctx, self.session)
        wiped = is_guest and is_in_guest_folder(self.ctx.data_dir, path)
        try:
            if wiped:
                make_guest_save_folder(self.ctx.data_dir)
            write_file_atomically(path, data)
        except OSError as error:
            # The path can hold a name the person typed, so only the kind of error is logged.
            _log.warning(
                "Saving a calendar file failed: %s (errno %s)", type(error).__name__, error.errno
            )
            self.tell(
                _(
                    "Companion could not save the file in that folder. "
                    "Try again and choose another folder, like Documents."
                )
            )
            return
        _log.info("Saved a session as a calendar file")
        sentence = _(
            "Saved. The file {name} is in your folder {folder}. "
            "Open it to add the session to your calendar."
        ).format(name=path.name, folder=path.parent.name or str(path.parent))
        if wiped:
            sentence += " " + _("It will be removed when you leave.")
        elif is_guest:
            sentence += " " + _("It stays on this computer after you leave.")
        if refused:
            sentence += " " + refused + " " + _("The file has no link.")
        self.tell(sentence)

    @classmethod
    def ask_where_to_save(cls, parent: QWidget, suggested: Path) -> Path | None:
        """The save dialog (tests replace this classmethod; no dialog opens in tests)."""
        return PlaceChooser.save_path(parent, _("Save to my calendar"), suggested.name, ".ics")

    def tell(self, sentence: str) -> None:
        self._outcome = sentence
        self.outcome_label.setText(sentence)
        self.outcome_label.setVisible(True)
        self.ctx.speech.say(sentence)


def default_folder() -> Path:
    """The person's Documents folder when there is one, else their home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


class DeleteSessionScreen(Screen):
    """A second question before a session goes, since a deleted session cannot come back."""

    screen_id = "sessions_delete"

    def __init__(self, ctx: AppContext, session: Appointment) -> None:
        super().__init__(ctx)
        self.session = session
        self.set_title(lambda: _("Delete this session?"))
        self.add_text(lambda: describe_next(session, ctx.clock.now(), display_zone(ctx)) + ".")
        self.add_text(lambda: _("Only this one session is deleted. It cannot be brought back."))
        self.yes_button = self.add_choice(BigButton(lambda: _("Yes, delete it"), "check"))
        self.yes_button.clicked.connect(self.delete)
        self.no_button = self.add_choice(BigButton(lambda: _("No, keep it"), "back"))
        self.no_button.clicked.connect(lambda: self.ctx.nav().back())
        self.finish_layout()

    def delete(self) -> None:
        if self.session.id is not None:
            store, appointment_id = appointment_store(self.ctx), self.session.id
            self.ctx.runner.run(lambda: store.delete(appointment_id))  # before the re-read
            _log.info("Deleted one session")
        nav = self.ctx.nav()
        nav.back()  # this question
        nav.back()  # the session's choices: back on the sessions screen, which re-reads
