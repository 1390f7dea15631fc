"""Which person's data the app opens at start, decided without Qt so it can be tested alone."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from companion.i18n import _
from companion.people.profiles import (
    NotesMissingError,
    People,
    PersonSession,
    ensure_default_person,
    guest_session,
)
from companion.security import SecurityError
from companion.storage import StorageError

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartDecision:
    """The session to start with, and a sentence for the screen when something went wrong."""

    session: PersonSession
    needs_person_picker: bool
    problem: str | None = None
    # One person with a PIN or passphrase: open on their own unlock screen, not the picker.
    unlock_person_id: str | None = None
    notes_missing: bool = False  # offer to bring them back from a backup


def open_start_session(people: People) -> StartDecision:
    """A newcomer gets "Me" (no PIN) at once; one person with no PIN opens directly; one
    person with a PIN opens on their own PIN pad (the picker behind it, for "Someone else").

    Several people need the "Who is using Companion?" screen; until the person is chosen, a
    guest session keeps everything in memory only.
    """
    try:
        ensure_default_person(people)
        everyone = people.all()
    except SecurityError as exc:  # the list of people and its copy are both damaged
        _log.error("Could not read the people at start: %s", type(exc).__name__)
        return StartDecision(guest_session(), False, f"{exc} {_not_saved()}")
    notice = people.problem  # the list was damaged and its previous copy is used
    if len(everyone) == 1 and everyone[0].lock == "none":
        person = everyone[0]
        try:
            return StartDecision(people.unlock(person.id, ""), False, notice)
        except NotesMissingError as exc:  # said plainly, with the way back: never an empty db
            _log.error("The notes of the only person are missing")
            problem = _join(notice, f"{exc} {_not_saved()}")
            return StartDecision(guest_session(), False, problem, notes_missing=True)
        except (SecurityError, StorageError) as exc:
            _log.error("Could not open the saved data at start: %s", type(exc).__name__)
            sentence = _(
                "Your saved information could not be opened, so nothing was changed. "
                "For now, what you do here is not saved."
            )
            return StartDecision(guest_session(), False, _join(notice, f"{sentence} {exc}"))
    if len(everyone) == 1:
        return StartDecision(guest_session(), True, problem=notice, unlock_person_id=everyone[0].id)
    return StartDecision(guest_session(), needs_person_picker=True, problem=notice)


def _not_saved() -> str:
    return _("For now, what you do here is not saved.")


def _join(first: str | None, second: str) -> str:
    return second if first is None else f"{first} {second}"
