"""AppServices: every service the screens use, typed, built once by the composition root.

The launcher (ui.launch.run) and the UI tests build it with `build_services`, so both run the
same parts. A service whose import or work would slow Home down (the library, the helper's PIN
lock, the camera list) is a `Lazy`: declared here, made on first use, then kept. What exists
only once the data is open (`people`) or once the window installs it (`autolock`, `community`)
starts as None and is set once. What belongs to one person lives on `ctx.session` (a
companion.people.profiles.PersonSession): set on unlock, replaced on lock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from companion.clock import Clock

if TYPE_CHECKING:  # each is imported when first used, never while Home is being shown
    from companion.library.packs import LoadReport
    from companion.people.profiles import People, PersonSession
    from companion.reminders.autostart import StartWithComputer
    from companion.security.caregiver import CaregiverLock
    from companion.security.kdf import Argon2Params
    from ui.autolock import AutoLockWatch
    from ui.screens.sessions.device_parts import DeviceCatalog
    from ui.screens.setup.community import CommunityMode

T = TypeVar("T")


class Lazy(Generic[T]):
    """One service made by `make` on first `get()` and kept; a test may `put` its own first."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._value: T | None = None

    def get(self) -> T:
        if self._value is None:
            self._value = self._make()
        return self._value

    def put(self, value: T) -> None:
        self._value = value

    @property
    def made(self) -> bool:
        return self._value is not None


@dataclass
class AppServices:
    """The services of one window; screens read them as typed fields, never by name."""

    caregiver: Lazy[CaregiverLock]  # the helper's PIN for Settings, schedules, trusted sites
    library: Lazy[LoadReport]  # articles and exercises, shipped and the helper's packs
    devices: Lazy[DeviceCatalog]  # cameras, microphones, speakers (QtMultimedia)
    # Memory-only stores for what is done before the data opens (a guest's stay in memory too).
    before_data: Lazy[PersonSession]
    autostart: StartWithComputer | None = None  # None (tests) never touches the OS
    zone: tzinfo | None = None  # times shown in this zone; None: the computer's own
    people: People | None = None  # the people of this PC, once the data has opened
    autolock: AutoLockWatch | None = None  # installed with the start (ui.start.install_start)
    community: CommunityMode | None = None  # installed with the start (setup.community)


def build_services(
    data_dir: Path,
    content_dir: Path,
    clock: Clock,
    *,
    argon2: Argon2Params | None = None,
    autostart: StartWithComputer | None = None,
    zone: tzinfo | None = None,
) -> AppServices:
    """The one way to make the services: the launcher's call, and the UI tests' (with cheap
    Argon2 and a fixed zone, the only fakes that are honest here)."""

    def caregiver() -> CaregiverLock:
        from companion.security.caregiver import CaregiverLock

        if argon2 is None:
            return CaregiverLock(data_dir, clock)
        return CaregiverLock(data_dir, clock, argon2)

    def library() -> LoadReport:
        from companion.library.packs import load_installed_library

        return load_installed_library(content_dir, data_dir)

    def devices() -> DeviceCatalog:
        from ui.screens.sessions.device_parts import DeviceCatalog

        return DeviceCatalog()

    def before_data() -> PersonSession:
        from companion.people.profiles import guest_session

        return guest_session()

    return AppServices(
        caregiver=Lazy(caregiver),
        library=Lazy(library),
        devices=Lazy(devices),
        before_data=Lazy(before_data),
        autostart=autostart,
        zone=zone,
    )
