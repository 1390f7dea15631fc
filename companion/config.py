"""Settings declared once as data (name, type, default, allowed values, title) and their store.

Nothing else reads or writes the settings file: screens and services go through `SettingsStore`,
which validates every value, writes atomically, and tells listeners so changes apply live.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from companion.file_lock import locked
from companion.files import UnreadableFileError, read_json_capped, set_aside
from companion.files import write_file_atomically as write_file_atomically  # the old home
from companion.i18n import LANGUAGES, N_, _

if TYPE_CHECKING:
    from companion.clock import Clock

_log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "settings.json"
# A settings file is a flat table of a few dozen short values: anything bigger is not ours.
MAX_SETTINGS_BYTES = 64 * 1024
MAX_SETTINGS_DEPTH = 4
TEXT_SCALES: tuple[int, ...] = (100, 125, 150, 175, 200)
THEMES: tuple[str, ...] = ("standard", "high_contrast", "dark")
SWITCH_MODES: tuple[str, ...] = ("off", "one_switch", "two_switches")


@dataclass(frozen=True)
class Setting:
    """One setting: its type, default, and what values it accepts."""

    name: str
    kind: type
    default: Any
    title: str
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    # The person's own (their look and voice): kept in their encrypted database and applied
    # when their data opens. The others belong to the PC and its helper.
    personal: bool = False

    def validate(self, value: Any) -> Any:
        """Return `value` if allowed, else raise ValueError saying why."""
        if self.kind is bool:
            if not isinstance(value, bool):
                raise ValueError(f"{self.name} must be true or false, not {value!r}")
            return value
        if self.kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValueError(f"{self.name} must be a whole number, not {value!r}")
        if self.kind is str and not isinstance(value, str):
            raise ValueError(f"{self.name} must be text, not {value!r}")
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.name} must be one of {self.choices}, not {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{self.name} must be at least {self.minimum}, not {value!r}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"{self.name} must be at most {self.maximum}, not {value!r}")
        return value


SETTINGS: tuple[Setting, ...] = (
    Setting("language", str, "en", N_("Language"), choices=LANGUAGES, personal=True),
    Setting("text_scale", int, 100, N_("Text size"), choices=TEXT_SCALES, personal=True),
    Setting("theme", str, "standard", N_("Colours"), choices=THEMES, personal=True),
    Setting(
        "follow_system_look",
        bool,
        True,
        N_("Use the computer's own colours and text size"),
        personal=True,
    ),
    Setting("less_motion", bool, False, N_("Less motion"), personal=True),
    Setting(
        "speech_rate",
        int,
        150,
        N_("Speaking speed"),
        minimum=80,
        maximum=260,
        step=20,
        personal=True,
    ),
    Setting(
        "speech_volume",
        int,
        90,
        N_("Speaking volume"),
        minimum=10,
        maximum=100,
        step=10,
        personal=True,
    ),
    Setting("read_steps_aloud", bool, False, N_("Read each step when it opens"), personal=True),
    Setting("talking_buttons", bool, False, N_("Talking buttons"), personal=True),
    Setting("speak_reminders", bool, True, N_("Say reminders aloud"), personal=True),
    Setting("switch_mode", str, "off", N_("Switch access"), choices=SWITCH_MODES, personal=True),
    Setting(
        "scan_interval_ms",
        int,
        1500,
        N_("Scanning speed"),
        minimum=500,
        maximum=5000,
        step=250,
        personal=True,
    ),
    Setting("region", str, "CA", N_("Region for crisis lines")),
    # Caregiver setup and community-centre mode (issue 8).
    Setting("first_run_done", bool, False, N_("First setup finished")),
    Setting("shared_pc", bool, False, N_("Several people use this computer")),
    # Honoured on a shared PC only; 0 turns the auto-lock off.
    Setting(
        "autolock_minutes", int, 10, N_("Lock after this many idle minutes"), minimum=0, maximum=60
    ),
    Setting("trusted_link_domains", str, "", N_("Trusted video session websites")),
    # Reminders with Companion closed (issue 21). The helper's choice; the setup step offers it
    # on for one person at home and off in community-centre mode.
    Setting("start_with_computer", bool, False, N_("Start Companion when the computer starts")),
    Setting("background_reminders", bool, True, N_("Remind me when Companion is closed")),
    Setting("told_about_tray", bool, False, N_("Told once that Companion keeps running")),
)
SETTINGS_BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}

Listener = Callable[[str, Any], None]
PERSONAL_SETTINGS_KEY = "settings"  # where a person's own settings sit in their preferences


class PersonalValues(Protocol):
    """Where one person's own settings are kept (their encrypted preferences; a guest's are
    in memory and go when the guest leaves)."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


def _run_now(write: Callable[[], None]) -> None:
    write()


def read_personal_settings(person: PersonalValues | None) -> Any:
    """What a person's database holds of their own settings (a storage read: not on the UI
    thread), for `SettingsStore.use_person`."""
    return person.get(PERSONAL_SETTINGS_KEY, {}) if person is not None else {}


class SettingsStore:
    """The current settings, kept in one JSON file; tells listeners about every change."""

    def __init__(
        self, path: Path | None, regions: tuple[str, ...] = (), clock: Clock | None = None
    ) -> None:
        """`path` None keeps settings in memory only (a guest, or a test). `clock` dates a
        damaged file that is set aside (the system clock when not given)."""
        self._path = path
        self._regions = regions
        self._clock = clock
        self._values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
        self._person: PersonalValues | None = None
        self._mirror_to_pc = False
        self._own: dict[str, Any] = {}  # the person's own values of personal settings
        self._run_person_write: Callable[[Callable[[], None]], object] = _run_now
        self._listeners: list[Listener] = []
        self.was_set_aside = False  # the file was damaged and renamed NAME.bad-DATE
        if path is not None and path.exists():
            self._load(path)

    def _read_file(self, path: Path) -> dict[str, Any] | None:
        """The stored table, or None (logged) when the file cannot be read at all."""
        try:
            stored = read_json_capped(path, MAX_SETTINGS_BYTES, MAX_SETTINGS_DEPTH)
        except FileNotFoundError:
            return {}
        except UnreadableFileError as exc:
            _log.warning("Settings file %s is damaged (%s)", path.name, exc.reason)
            return None
        except OSError as exc:
            _log.warning("Settings file %s could not be read (%s)", path.name, exc)
            return {}
        if not isinstance(stored, dict):
            _log.warning("Settings file %s is not a table", path.name)
            return None
        return stored

    @property
    def problem(self) -> str | None:
        """One kind sentence for the person and the helper when the file had to be set aside
        (in the language chosen now, so it is asked for after the language is set)."""
        if not self.was_set_aside:
            return None
        return _(
            "Companion's settings could not be read, so it started with its usual settings. "
            "Your notes are safe."
        )

    def _today(self) -> date:
        if self._clock is None:
            from companion.clock import SystemClock

            return SystemClock().now().date()
        return self._clock.now().date()

    def _load(self, path: Path) -> None:
        stored = self._read_file(path)
        if stored is None:  # set it aside, so it is never read again, and start from defaults
            set_aside(path, self._today())
            self.was_set_aside = True
            return
        for name, value in stored.items():
            try:
                self._values[name] = self._validate(name, value)
            except (KeyError, ValueError) as exc:
                _log.warning("Ignoring stored setting %s: %s", name, exc)

    def _validate(self, name: str, value: Any) -> Any:
        setting = SETTINGS_BY_NAME[name]
        value = setting.validate(value)
        if name == "region" and self._regions and value not in self._regions:
            raise ValueError(f"region must be one of {self._regions}, not {value!r}")
        return value

    def get(self, name: str) -> Any:
        if name in self._own:
            return self._own[name]
        return self._values[name]

    def snapshot(self) -> dict[str, Any]:
        return {**self._values, **self._own}

    def set(self, name: str, value: Any) -> None:
        """Validate, store and announce one setting. Raises KeyError or ValueError if wrong.

        While a person's data is open, their own settings (look, voice, switch access) go to
        them; on a PC that is not shared they also become the PC's, so the next start and the
        PIN pad already look the way that person needs."""
        value = self._validate(name, value)
        if self.get(name) == value:
            return
        personal = self._person is not None and SETTINGS_BY_NAME[name].personal
        if personal:
            self._own[name] = value
            person, own = self._person, dict(self._own)
            assert person is not None
            self._run_person_write(lambda: person.set(PERSONAL_SETTINGS_KEY, own))
        if not personal or self._mirror_to_pc:
            self._values[name] = value
            self._save(name)
        for listener in list(self._listeners):
            listener(name, value)

    def use_person(
        self,
        person: PersonalValues | None,
        *,
        mirror_to_pc: bool = False,
        stored: Any = None,
        run_write: Callable[[Callable[[], None]], object] | None = None,
    ) -> None:
        """From now on the person's own settings apply (None: the PC's, for the people picker
        and after a lock); every setting that looks different is announced, so the window
        restyles, retranslates and re-voices at once.

        The UI reads `stored` (read_personal_settings) and runs the person's later writes
        (`run_write`) off its own thread; without them both happen here, at once."""
        before = self.snapshot()
        self._person, self._mirror_to_pc, self._own = person, mirror_to_pc, {}
        self._run_person_write = run_write or _run_now
        if stored is None:
            stored = read_personal_settings(person)
        for name, value in (stored if isinstance(stored, dict) else {}).items():
            setting = SETTINGS_BY_NAME.get(name)
            if setting is None or not setting.personal:
                continue
            try:
                self._own[name] = self._validate(name, value)
            except ValueError as exc:
                _log.warning("Ignoring a person's stored setting %s: %s", name, exc)
        after = self.snapshot()
        for name in (n for n in after if after[n] != before[n]):
            for listener in list(self._listeners):
                listener(name, after[name])

    def nudge(self, name: str, steps: int) -> Any:
        """Move a numeric setting by `steps` of its declared step, stopping at its limits
        (the Slower / Faster and Quieter / Louder buttons). Returns the new value."""
        setting = SETTINGS_BY_NAME[name]
        if setting.step is None or setting.minimum is None or setting.maximum is None:
            raise ValueError(f"{name} has no step and limits to move within")
        wanted = self.get(name) + steps * setting.step
        value = setting.kind(max(setting.minimum, min(setting.maximum, wanted)))
        self.set(name, value)
        return value

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _save(self, changed: str) -> None:
        """Write `changed` without losing what another Companion wrote meanwhile: under the
        file's lock, the file is read again and only this one setting is put over it."""
        if self._path is None:
            return
        with locked(self._path):
            merged = dict(self._values)
            for name, value in (self._read_file(self._path) or {}).items():
                if name == changed:
                    continue
                try:
                    merged[name] = self._validate(name, value)
                except (KeyError, ValueError):
                    continue
            data = json.dumps(merged, indent=2, sort_keys=True).encode("utf-8")
            write_file_atomically(self._path, data)
