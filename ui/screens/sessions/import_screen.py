"""Open a clinic's invitation file: read it off the UI thread, show what is in it, then add it.

A re-imported invitation (same UID) replaces the sessions it added before, so an updated
invitation never doubles the sessions. A refused link is left out, and the person is told why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject

from companion.appointments.ics import MAX_ICS_BYTES, IcsError, read_ics
from companion.appointments.model import Appointment
from companion.appointments.schedule import describe_next
from companion.i18n import _
from ui.context import AppContext
from ui.shared.appointments import (
    appointment_store,
    check_session_link,
    display_zone,
    trusted_domains,
)
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


class InvitationUnreadableError(Exception):
    """The file could not be read; the message is the one sentence the person sees."""


def read_invitation(path: Path, now: datetime, trusted: tuple[str, ...]) -> list[Appointment]:
    """Read and parse one invitation file (on the runner: a file up to 2 MB takes a moment)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_ICS_BYTES + 1)
        return read_ics(data, now=now, trusted_domains=trusted)
    except IcsError as error:
        raise InvitationUnreadableError(str(error)) from error
    except OSError as error:
        _log.warning("An invitation file could not be opened", exc_info=True)
        sentence = _("Companion could not open that file. Try another one.")
        raise InvitationUnreadableError(sentence) from error


def start_import(
    ctx: AppContext, path: Path, parent: QObject, on_error: Callable[[str], None]
) -> None:
    """Read `path` in the background; show what it holds, or pass one sentence to `on_error`."""

    def finished(sessions: list[Appointment]) -> None:
        now = ctx.clock.now()
        coming = [s for s in sessions if s.end > now]
        if not coming:
            on_error(_("This invitation is for a session that is already over."))
        else:
            ctx.nav().push(ImportReviewScreen(ctx, coming))

    def failed(error: Exception) -> None:
        if isinstance(error, InvitationUnreadableError):
            on_error(str(error))
        else:  # the runner logged its traceback
            on_error(_("Companion could not read that file. Try another one."))

    now, trusted = ctx.clock.now(), trusted_domains(ctx)
    ctx.runner.run(lambda: read_invitation(path, now, trusted), finished, failed, parent=parent)


class ImportReviewScreen(Screen):
    """What the invitation holds, in words, with Add and Do not add."""

    screen_id = "sessions_import_review"

    def __init__(self, ctx: AppContext, sessions: list[Appointment]) -> None:
        super().__init__(ctx)
        self.sessions = sessions
        first = sessions[0]
        self.verdict = check_session_link(ctx, first.link) if first.link else None
        # How many is in the title, and Add / Do not add sit side by side where they can, so
        # at 200% text the session, the link's warning and both choices fit on one screen.
        # Two plain strings rather than ngettext: the catalogs hold no plural forms yet.
        self.set_title(
            lambda: (
                _("Add this session?")
                if len(sessions) == 1
                else _("Add these {count} sessions?").format(count=len(sessions))
            )
        )
        self.add_text(lambda: describe_next(first, ctx.clock.now(), display_zone(ctx)) + ".")
        self.link_label = self.add_text(self._link_text, notice=True)
        self.add_button = self.add_choice(BigButton(self._add_words, "check", line_chars=12))
        self.add_button.clicked.connect(self.add_them)
        self.cancel_button = self.add_choice(
            BigButton(lambda: _("Do not add"), "back", line_chars=12)
        )
        self.cancel_button.clicked.connect(lambda: self.ctx.nav().back())
        self.finish_layout()

    def _link_text(self) -> str:
        if self.verdict is None:
            return _("It has no video link. You can add one later.")
        return self.verdict.reason

    def _add_words(self) -> str:
        """What Add does, in its own words: a refused link is left out."""
        if self.verdict is not None and not self.verdict.ok:
            return _("Add without this link")
        return _("Add to my sessions")

    def add_them(self) -> None:
        """One press, one transaction, on the runner; the sessions screen reads after it."""
        store, person = appointment_store(self.ctx), self.ctx.session
        uids = {s.uid for s in self.sessions if s.uid}
        adding = []
        for session in self.sessions:
            verdict = check_session_link(self.ctx, session.link) if session.link else None
            link = verdict.url if verdict is not None and verdict.ok else None
            adding.append(replace(session, link=link))

        def write() -> None:
            with person.one_transaction() if person is not None else nullcontext():
                for old in store.all():
                    if old.uid in uids and old.id is not None:
                        store.delete(old.id)
                for session in adding:
                    store.save(session)

        self.ctx.runner.run(write)
        _log.info("Added %d sessions from an invitation", len(self.sessions))
        self.ctx.nav().back()
