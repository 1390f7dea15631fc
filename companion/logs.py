"""The rotating log file in the data folder, and what it may never contain.

Privacy rule: log events and error types, never what a person typed or answered. Links are logged
without their query or fragment (meeting passcodes live there).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from logging.handlers import RotatingFileHandler
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


def setup_logging(folder: Path, level: int = logging.INFO) -> Path:
    """Send the app's logs to a rotating, owner-only file in `folder`; returns its path."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / LOG_FILE_NAME
    handler = RotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUP_COUNT, encoding="utf-8"
    )
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
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
