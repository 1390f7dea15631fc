"""The settings store: the current settings in one JSON file, checked, saved and announced.

Nothing else reads or writes the settings file: screens and services go through `SettingsStore`,
which validates every value, writes atomically, and tells listeners so changes apply live.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from companion.file_lock import locked
from companion.files import UnreadableFileError, read_json_capped, set_aside
from companion.files import write_file_atomically as write_file_atomically  # the old home
from companion.i18n import _
from companion.preferences import Preferences
from companion.schemas import NOT_ALLOWED, Refusal, SchemaError, convert

# Declared once in settings_schema; named here too, where the rest of the app imports them from.
from companion.settings_schema import SETTINGS as SETTINGS
from companion.settings_schema import SETTINGS_BY_NAME as SETTINGS_BY_NAME
from companion.settings_schema import SETTINGS_FILE_NAME as SETTINGS_FILE_NAME
from companion.settings_schema import SWITCH_MODES as SWITCH_MODES
from companion.settings_schema import TEXT_SCALES as TEXT_SCALES
from companion.settings_schema import THEMES as THEMES
from companion.settings_schema import Option as Option
from companion.settings_schema import Setting as Setting
from companion.settings_schema import check_settings as check_settings

if TYPE_CHECKING:
    from companion.clock import Clock

_log = logging.getLogger(__name__)

# A settings file is a flat table of a few dozen short values: anything bigger is not ours.
MAX_SETTINGS_BYTES = 64 * 1024
MAX_SETTINGS_DEPTH = 4

Listener = Callable[[str, Any], None]
PERSONAL_SETTINGS_KEY = "settings"  # where a person's own settings sit in their preferences


def _run_now(write: Callable[[], None]) -> None:
    write()


def read_personal_settings(person: Preferences | None) -> Any:
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
        self._person: Preferences | None = None
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
        try:
            table: dict[str, Any] = convert(stored, dict[str, Any], path.name)
        except SchemaError as exc:
            _log.warning("Settings file is not a table: %s", exc.refusal.english())
            return None
        return table

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
        valid, refused = check_settings(stored, path.name)
        for refusal in refused:
            _log.warning("Ignoring a stored setting: %s", refusal.english())
        for name, value in valid.items():
            try:
                self._values[name] = self._validate(name, value)
            except ValueError as exc:
                _log.warning("Ignoring a stored setting: %s", exc)

    def _validate(self, name: str, value: Any) -> Any:
        setting = SETTINGS_BY_NAME[name]
        value = setting.validate(value)
        if name == "region" and self._regions and value not in self._regions:
            details = (("value", repr(value)),)
            raise SchemaError(Refusal(SETTINGS_FILE_NAME, name, NOT_ALLOWED, details))
        return value

    def get(self, name: str) -> Any:
        if name in self._own:
            return self._own[name]
        return self._values[name]

    def own_value(self, name: str) -> Any:
        """The open person's own choice for a personal setting; None when they made none (the
        PC's value applies) or nobody's data is open."""
        return self._own.get(name) if self._person is not None else None

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
        person: Preferences | None,
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
