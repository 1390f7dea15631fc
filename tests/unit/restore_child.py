"""Child for the restore attack tests: restores a backup and is killed at a chosen point.

    restore_child.py DATA_DIR BACKUP PASSPHRASE before-data|after-data|never
    restore_child.py DATA_DIR - - settings-write   (killed between a save's write and rename)

The kill is SIGKILL from inside, at an exact point, so every round hits the same moment.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from companion.backup import archive as backup
from companion.clock import FixedClock
from companion.people.profiles import open_people
from companion.security import Argon2Params

FAST = Argon2Params(1, 8, 1)


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    data_dir, point = Path(sys.argv[1]), sys.argv[4]
    if point == "settings-write":
        from companion.config import SettingsStore

        os.replace = lambda *_args, **_kw: die()  # type: ignore[assignment]
        SettingsStore(data_dir / "settings.json").set("theme", "dark")
        return
    real_write_all = backup.write_all

    def write_all(database: Any, data: Any) -> None:
        if point == "before-data":
            die()
        real_write_all(database, data)
        if point == "after-data":
            die()

    backup.write_all = write_all  # type: ignore[assignment]
    people = open_people(data_dir, FixedClock(), keyring=None, argon2=FAST)
    backup.restore_as_new_person(people, Path(sys.argv[2]), sys.argv[3], "Mary", "pin", "294751")
    print("restored", flush=True)


if __name__ == "__main__":
    main()
