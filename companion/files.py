"""Safe file writes and capped reads for everything Companion keeps in its data folder.

A crash leaves either the old file or the new one (never half of each); a file that must never
be overwritten (the device secret) is created exclusively; a file read at start is refused when
it is too big or too deeply nested, so a hostile or damaged file costs nothing; and a damaged
file is set aside (renamed NAME.bad-DATE) instead of being lost or read again at every start.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

_log = logging.getLogger(__name__)

# Temporary files are ".<name>.tmp-<random>" beside the real file (the start-up tidy knows them).
TEMP_MARK = ".tmp-"
BAD_MARK = ".bad-"
# Caps for the small JSON files Companion reads at start (settings, presets, records).
SMALL_FILE_BYTES = 64 * 1024
SMALL_FILE_DEPTH = 8

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


class UnreadableFileError(Exception):
    """A file Companion reads at start cannot be used; `reason` says why (for the log)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def fsync_directory(folder: Path) -> None:
    """Make a rename or a new file in `folder` survive a power cut (POSIX; Windows needs none)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems (a USB stick's FAT) cannot: the write itself is done
        pass
    finally:
        os.close(fd)


def _temp_copy(path: Path, data: bytes) -> str:
    """A flushed owner-only temporary file beside `path` holding `data`; returns its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}{TEMP_MARK}", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return tmp_name


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write `data` so that a crash leaves either the old file or the new one, owner-only."""
    tmp_name = _temp_copy(path, data)
    try:
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)


def create_file_exclusively(path: Path, data: bytes) -> bool:
    """Create `path` holding `data` only if no such file exists; never overwrites one.

    Returns False when the file already existed (someone else made it first). The content is
    complete before the name appears (a hard link of a flushed temporary file); where the file
    system has no hard links (a FAT USB stick), an exclusive create is used instead.
    """
    tmp_name = _temp_copy(path, data)
    try:
        os.link(tmp_name, path)
    except FileExistsError:
        return False
    except OSError:
        return _create_without_link(path, data)
    finally:
        Path(tmp_name).unlink(missing_ok=True)
    fsync_directory(path.parent)
    return True


def _create_without_link(path: Path, data: bytes) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    fsync_directory(path.parent)
    return True


def json_depth(text: str) -> int:
    """How deeply arrays and tables nest in `text` (brackets inside strings do not count)."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_JSON_STRING.sub('""', text)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def read_json_capped(
    path: Path, max_bytes: int = SMALL_FILE_BYTES, max_depth: int = SMALL_FILE_DEPTH
) -> Any:
    """The JSON value in `path`, read only when small and shallow enough to be harmless.

    FileNotFoundError passes through (a missing file is not a damaged one); anything else that
    makes the file unusable raises UnreadableFileError, never RecursionError or MemoryError.
    """
    with path.open("rb") as handle:
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise UnreadableFileError("too big")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFileError("not text") from exc
    if json_depth(text) > max_depth:
        raise UnreadableFileError("nested too deeply")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise UnreadableFileError("not JSON") from exc


def set_aside(path: Path, today: date) -> Path | None:
    """Rename a damaged file to NAME.bad-DATE (kept for a helper, never read again).

    Returns the new path, or None when it could not be moved (a read-only preset)."""
    base = f"{path.name}{BAD_MARK}{today.isoformat()}"
    for number in range(1, 100):
        target = path.with_name(base if number == 1 else f"{base}-{number}")
        if target.exists():
            continue
        try:
            os.replace(path, target)
        except OSError as exc:
            _log.warning("Could not set %s aside (%s)", path.name, type(exc).__name__)
            return None
        fsync_directory(path.parent)
        _log.warning("Set a damaged file aside: %s -> %s", path.name, target.name)
        return target
    return None
