"""Child for the keyring test: runs inside a D-Bus session with a real gnome-keyring.

Adds a person, writes a note, unlocks again from a fresh People object, and prints a JSON
report of where the device secret ended up.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.people.profiles import open_people
from companion.security import Argon2Params, WrongSecretError, keyring_uses_fallback
from companion.security.device_secret import DeviceSecretStore, system_keyring

FAST = Argon2Params(1, 8, 1)
NOW = datetime(2026, 3, 14, tzinfo=UTC)


def main() -> None:
    data_dir = Path(sys.argv[1])
    people = open_people(data_dir, FixedClock(), argon2=FAST)
    mary = people.add("Mary", "pin", "583920")
    session = people.unlock(mary.id, "583920")
    session.checkins.finish(CheckIn(None, NOW, NOW, "good", frozenset(), "in the keyring", False))
    session.close()

    again = open_people(data_dir, FixedClock(), argon2=FAST)
    session = again.unlock(mary.id, "583920")
    notes = [c.note for c in session.checkins.checkins_between(NOW, NOW.replace(hour=1))]
    session.close()
    try:
        again.unlock(mary.id, "583921")
        wrong_pin = "opened"
    except WrongSecretError:
        wrong_pin = "refused"
    report = {
        "backend": type(system_keyring()).__module__,
        "where": DeviceSecretStore(data_dir, system_keyring()).where,
        "status": again.keyring_status()[0],
        "fallback": keyring_uses_fallback(data_dir),
        "notes": notes,
        "wrong_pin": wrong_pin,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
