"""The rotating log file in the data folder, and what it may never contain.

Privacy rule: log events and error types, never what a person typed or answered. Links are logged
without their query or fragment (meeting passcodes live there).
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

LOG_FILE_NAME = "companion.log"
LOG_MAX_BYTES = 512 * 1024
LOG_BACKUP_COUNT = 3
LOG_KEEP_DAYS = 30  # the daily tidy removes rotated logs older than this

# Parameters that carry a secret: meeting passcodes (Zoom pwd, Webex p/tk, Jitsi jwt) and the like.
SECRET_PARAMETERS: tuple[str, ...] = (
    "pwd",
    "p",
    "jwt",
    "tk",
    "passcode",
    "password",
    "token",
    "pin",
)

_URL_TAIL = re.compile(r"(https?://[^\s?#\"']+)[?#][^\s\"']*", re.IGNORECASE)
_SECRET_VALUE = re.compile(
    r"(?<![A-Za-z0-9_])(" + "|".join(SECRET_PARAMETERS) + r")=[^&#\s\"'<>]*",
    re.IGNORECASE,
)


def redact_secret_parameters(text: str) -> str:
    """`text` with the value of every secret-looking parameter (pwd=, p=, jwt=...) replaced."""
    return _SECRET_VALUE.sub(lambda match: match.group(1) + "=…", text)


def redact(text: str) -> str:
    """Drop URL queries and fragments and any secret-looking parameter from a log line."""
    return redact_secret_parameters(_URL_TAIL.sub(r"\1?…", text))


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class LogFile(logging.FileHandler):
    """The log file, kept under `max_bytes`: when a line would pass it, the file becomes
    NAME.1 (NAME.1 becomes NAME.2 ... up to `backups`) and a new owner-only file starts, as
    logging.handlers' RotatingFileHandler does; that module is not loaded for it (it brings
    pickle, socket and queue: about 14 ms of a start, before Home)."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._is_full(record):
                self.rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _is_full(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        line = self.format(record) + self.terminator
        self.stream.seek(0, os.SEEK_END)
        return bool(self.stream.tell()) and self.stream.tell() + len(line) >= self.max_bytes

    def rotate(self) -> None:
        """NAME.i becomes NAME.i+1 (the oldest is dropped), NAME becomes NAME.1, NAME starts
        empty and owner-only."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for number in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{number}"):
                os.replace(f"{base}.{number}", f"{base}.{number + 1}")
        if os.path.exists(base):
            os.replace(base, f"{base}.1")
        self.stream = self._open()
        os.chmod(base, 0o600)


def setup_logging(folder: Path, level: int = logging.INFO) -> Path:
    """Send the app's logs to a rotating, owner-only file in `folder`; returns its path."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / LOG_FILE_NAME
    handler = LogFile(path, LOG_MAX_BYTES, LOG_BACKUP_COUNT)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, LogFile)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    path.touch(exist_ok=True)
    path.chmod(0o600)
    return path


# One file must not flood the log: while an import runs, repeated lines are counted by cause
# and written once at its end (2,000 refused links once pushed every earlier line out).
_Cause = tuple[str, int, str]
_causes: ContextVar[Counter[_Cause] | None] = ContextVar("companion_log_causes", default=None)


@contextmanager
def one_line_per_cause() -> Iterator[None]:
    """Around one import: lines logged with `log_cause` are written once per cause, at the end,
    with how many times they happened. Nested uses count into the outermost one."""
    if _causes.get() is not None:
        yield
        return
    counts: Counter[_Cause] = Counter()
    token = _causes.set(counts)
    try:
        yield
    finally:
        _causes.reset(token)
        for (name, level, cause), times in counts.items():
            logging.getLogger(name).log(level, "%s (%d time(s) in one import)", cause, times)


def log_cause(logger: logging.Logger, level: int, cause: str, message: str, *args: object) -> None:
    """Log `message` now, or, inside `one_line_per_cause`, count it under `cause` (which must
    hold nothing personal: it is what the summary line says)."""
    counts = _causes.get()
    if counts is None:
        logger.log(level, message, *args)
    else:
        counts[(logger.name, level, cause)] += 1
