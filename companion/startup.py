"""Which person's data the app opens at start, decided without Qt so it can be tested alone."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from companion.i18n import _
from companion.profiles import People, PersonSession, ensure_default_person, guest_session
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


def open_start_session(people: People) -> StartDecision:
    """A newcomer gets "Me" (no PIN) at once; one person with no PIN opens directly; one
    person with a PIN opens on their own PIN pad (the picker behind it, for "Someone else").

    Several people need the "Who is using Companion?" screen; until the person is chosen, a
    guest session keeps everything in memory only.
    """
    ensure_default_person(people)
    everyone = people.all()
    if len(everyone) == 1 and everyone[0].lock == "none":
        person = everyone[0]
        try:
            return StartDecision(people.unlock(person.id, ""), needs_person_picker=False)
        except (SecurityError, StorageError) as exc:
            _log.error("Could not open the saved data at start: %s", type(exc).__name__)
            sentence = _(
                "Your saved information could not be opened, so nothing was changed. "
                "For now, what you do here is not saved."
            )
            return StartDecision(guest_session(), False, f"{sentence} {exc}")
    if len(everyone) == 1:
        return StartDecision(guest_session(), True, unlock_person_id=everyone[0].id)
    return StartDecision(guest_session(), needs_person_picker=True)
