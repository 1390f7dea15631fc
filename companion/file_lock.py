"""A lock shared by every process and thread that changes one file (people.json, settings).

Two Companions started at once (a double-click twice) must not both read, change and write the
same file: one change would be lost, or two device secrets made. The lock is an OS lock on a
small ".lock" file beside the data (fcntl on Linux and macOS, msvcrt on Windows), so a killed
process can never leave it held. It is re-entrant within one process, so an operation that
holds it may call another that takes it too.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

LOCK_SUFFIX = ".lock"


@dataclass
class _Held:
    guard: threading.RLock
    depth: int = 0
    fd: int = -1


_registry_guard = threading.Lock()
_registry: dict[str, _Held] = {}


def _os_lock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        while True:  # LK_LOCK retries for about 10 s, then raises: keep waiting
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path_for(path: Path) -> Path:
    """The lock file that guards `path` (e.g. people.json -> .people.json.lock)."""
    return path.with_name(f".{path.name}{LOCK_SUFFIX}")


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the lock that guards `path` for the block (waits while another process has it)."""
    lock_file = lock_path_for(path)
    key = os.path.abspath(lock_file)
    with _registry_guard:
        held = _registry.setdefault(key, _Held(threading.RLock()))
    with held.guard:
        if held.depth == 0:
            lock_file.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                _os_lock(fd)
            except BaseException:
                os.close(fd)
                raise
            held.fd = fd
        held.depth += 1
        try:
            yield
        finally:
            held.depth -= 1
            if held.depth == 0:
                fd, held.fd = held.fd, -1
                try:
                    _os_unlock(fd)
                finally:
                    os.close(fd)
