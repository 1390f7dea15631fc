"""The rotating log file in the data folder, and what it may never contain.

Privacy rule: log events and error types, never what a person typed or answered. Links are logged
without their query or fragment (meeting passcodes live there).
"""

from __future__ import annotations

import logging
import re
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
