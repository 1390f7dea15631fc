"""Community-centre mode: what a shared PC does differently, and the daily tidy that keeps it clean.

A shared PC starts at "Who is using Companion?" with a Guest tile, fills the screen, asks
"Are you finished?" before closing, offers a big "I'm finished, lock it" on Home, and locks
itself when idle (time set by the caregiver). Once a day the tidy removes what a guest or a
crash may have left in the data folder and logs older than LOG_KEEP_DAYS.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from companion.clock import Clock
from companion.config import SettingsStore, write_file_atomically
from companion.file_lock import LOCK_SUFFIX
from companion.files import UnreadableFileError, read_json_capped
from companion.i18n import _
from companion.logs import LOG_FILE_NAME, LOG_KEEP_DAYS
from companion.security.autolock import idle_timeout_seconds

_log = logging.getLogger(__name__)

TIDY_RECORD_FILE_NAME = "tidy.json"
# The only place a guest's files may ever be put (a report saved for printing): emptied daily.
GUEST_FILES_FOLDER = "guest-files"
# Temporary files an interrupted write or self-check can leave (see write_file_atomically).
LEFTOVER_PREFIXES: tuple[str, ...] = (".encryption-check-",)
LEFTOVER_AGE = timedelta(hours=1)  # never touch a temporary file that may still be in use


@dataclass(frozen=True)
class CommunityPolicy:
    """How the app behaves on this PC; everything follows from the `shared_pc` setting."""

    shared_pc: bool
    idle_lock_seconds: int | None

    @property
    def starts_at_people_picker(self) -> bool:
        return self.shared_pc

    @property
    def offers_guest(self) -> bool:
        return self.shared_pc

    @property
    def full_screen(self) -> bool:
        return self.shared_pc

    @property
    def asks_before_closing(self) -> bool:
        return self.shared_pc

    @property
    def offers_finished_button(self) -> bool:
        return self.shared_pc


def policy_for(settings: SettingsStore) -> CommunityPolicy:
    """The policy the settings describe (a home PC: none of it, and no idle lock)."""
    shared = bool(settings.get("shared_pc"))
    minutes = int(settings.get("autolock_minutes")) if shared else 0
    return CommunityPolicy(shared, idle_timeout_seconds(shared, minutes))


@dataclass(frozen=True)
class SavedToday:
    """What the person finished today, so "Are you finished?" says only what is true."""

    is_guest: bool
    checkins: int = 0
    questionnaires: int = 0


def closing_question(saved: SavedToday) -> str:
    """The question before locking: a guest hears that nothing is kept; a person hears what was
    saved today, and nothing about saving when nothing was."""
    if saved.is_guest:
        return _("Are you finished? Nothing you did is kept on this computer.")
    if saved.checkins:
        return _("Are you finished? Today's check-in is saved.")
    if saved.questionnaires:
        return _("Are you finished? Today's answers are saved.")
    return _("Are you finished?")


def finished_words() -> str:
    return _("I'm finished, lock it")


def guest_save_folder(data_dir: Path) -> Path:
    """Where a guest's saved files go: emptied when the guest leaves and daily (made, owner-only,
    by `make_guest_save_folder` only when something is saved)."""
    return data_dir / GUEST_FILES_FOLDER


def make_guest_save_folder(data_dir: Path) -> None:
    guest_save_folder(data_dir).mkdir(parents=True, exist_ok=True, mode=0o700)


def is_in_guest_folder(data_dir: Path, path: Path) -> bool:
    """Whether `path` is inside the guest folder (so it goes when the guest leaves)."""
    return path.resolve().is_relative_to((data_dir / GUEST_FILES_FOLDER).resolve())


def remove_guest_files(data_dir: Path) -> bool:
    """When a guest leaves: remove the one folder a guest may have saved into. True if it was."""
    folder = data_dir / GUEST_FILES_FOLDER
    if not folder.exists():
        return False
    shutil.rmtree(folder, ignore_errors=True)
    _log.info("Removed what a guest saved")
    return True


# The daily tidy ----------------------------------------------------------------------------


@dataclass
class TidyReport:
    """What the tidy removed (file names relative to the data folder; never their contents)."""

    removed: list[str] = field(default_factory=list)
    ran: bool = True


def _mtime(path: Path) -> datetime:
    from datetime import UTC

    return datetime.fromtimestamp(path.lstat().st_mtime, UTC)


def _remove(path: Path, base: Path, report: TidyReport) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
        report.removed.append(path.relative_to(base).as_posix())
    except OSError as exc:
        _log.warning("Tidy could not remove a file (%s)", type(exc).__name__)


def _is_atomic_write_leftover(path: Path) -> bool:
    # write_file_atomically's temporary files are ".<name>.<random>" beside the real file. The
    # ".<name>.lock" files are not leftovers: removing one while held would let two processes
    # each lock a different file of the same name.
    if path.name.endswith(LOCK_SUFFIX):
        return False
    return path.is_file() and path.name.startswith(".") and path.name.count(".") >= 2


class DailyTidy:
    """Removes guest leftovers and old logs, at most once a day (the date is kept on disk)."""

    def __init__(self, data_dir: Path, logs_dir: Path, clock: Clock) -> None:
        self._data_dir = data_dir
        self._logs_dir = logs_dir
        self._clock = clock
        self._record = data_dir / TIDY_RECORD_FILE_NAME

    def _last_run(self) -> date | None:
        try:
            return date.fromisoformat(read_json_capped(self._record)["last_run"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, UnreadableFileError):
            return None

    def run_if_due(self) -> TidyReport:
        """Tidy when it has not run today (in UTC); otherwise do nothing."""
        today = self._clock.now().date()
        if self._last_run() == today:
            return TidyReport(ran=False)
        return self.run()

    def run(self) -> TidyReport:
        now = self._clock.now()
        report = TidyReport()
        guest_files = self._data_dir / GUEST_FILES_FOLDER
        if guest_files.exists():
            _remove(guest_files, self._data_dir, report)
        for folder in self._folders_to_sweep():
            for path in sorted(folder.iterdir()):
                is_leftover = path.name.startswith(LEFTOVER_PREFIXES) or _is_atomic_write_leftover(
                    path
                )
                if is_leftover and now - _mtime(path) > LEFTOVER_AGE:
                    _remove(path, self._data_dir, report)
        self._remove_old_logs(now, report)
        data = json.dumps({"last_run": now.date().isoformat()}).encode("utf-8")
        write_file_atomically(self._record, data)
        _log.info("Daily tidy removed %d item(s)", len(report.removed))
        return report

    def _folders_to_sweep(self) -> list[Path]:
        folders = [self._data_dir]
        people = self._data_dir / "people"
        if people.is_dir():
            folders.extend(p for p in sorted(people.iterdir()) if p.is_dir())
        return folders

    def _remove_old_logs(self, now: datetime, report: TidyReport) -> None:
        if not self._logs_dir.is_dir():
            return
        keep_after = now - timedelta(days=LOG_KEEP_DAYS)
        for path in sorted(self._logs_dir.iterdir()):
            if path.name == LOG_FILE_NAME or not path.is_file():
                continue  # the log being written now is never removed
            if path.name.startswith(LOG_FILE_NAME) and _mtime(path) < keep_after:
                _remove(path, self._logs_dir.parent, report)
