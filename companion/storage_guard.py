"""The GUI-thread storage guard: the UI names its own thread, and storage refuses to run there.

A database call on the UI thread freezes the window for as long as the disk takes (on a slow
community-centre PC with a virus scanner, seconds). The UI marks its thread at start; every
transaction and every opening of a database asks `check_storage_thread()` first. In debug mode
(the test suite, `--debug`, COMPANION_STORAGE_GUARD=raise) a call from the marked thread raises
StorageOnUiThreadError; in production it is logged with a traceback and allowed, so a missed call
site slows the window but never loses a person's words.

This is process-wide state on purpose (like logging's configuration): the thread that draws
the window is a fact about the process, and the stores are built far from the window.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum

_log = logging.getLogger(__name__)

GUARD_VARIABLE = "COMPANION_STORAGE_GUARD"
"""`raise`, `log` or `off`: how the guard answers a call from the UI thread."""


class GuardMode(StrEnum):
    OFF = "off"
    LOG = "log"
    RAISE = "raise"


class StorageOnUiThreadError(RuntimeError):
    """Storage was touched from the thread that draws the window (a programming error)."""


class _Guard:
    def __init__(self) -> None:
        self.ui_thread: int | None = None
        self.mode = GuardMode.OFF
        self.allowed_depth = 0  # inside `storage_allowed_here()` on the UI thread
        self.exempt: Callable[[], bool] | None = None


_guard = _Guard()


def mode_from_environment(debug: bool = False) -> GuardMode:
    """The mode the app starts in: the variable if set, else raise in debug, else log."""
    value = os.environ.get(GUARD_VARIABLE, "").strip().lower()
    if value in GuardMode.__members__.values():
        return GuardMode(value)
    return GuardMode.RAISE if debug else GuardMode.LOG


def forbid_storage_on_this_thread(
    mode: GuardMode, exempt: Callable[[], bool] | None = None
) -> None:
    """Called by the UI at start, on the thread that draws the window.

    `exempt` (the test suite's) answers True for a call that is not the UI's own: a test
    arranging or reading back its data between presses.
    """
    _guard.ui_thread = threading.get_ident()
    _guard.mode = mode
    _guard.exempt = exempt


def lift_storage_guard() -> None:
    """Forget the UI thread (tests reset it; the app never needs to)."""
    _guard.ui_thread = None
    _guard.mode = GuardMode.OFF
    _guard.exempt = None


@contextmanager
def storage_allowed_here() -> Iterator[None]:
    """Let the UI thread touch storage inside the block: a test arranging its data before it
    drives the window (the app itself never needs it: every call site runs on the runner)."""
    _guard.allowed_depth += 1
    try:
        yield
    finally:
        _guard.allowed_depth -= 1


def guard_mode() -> GuardMode:
    return _guard.mode


def check_storage_thread() -> None:
    """Raise (debug) or log (production) when called from the UI's thread."""
    if _guard.mode is GuardMode.OFF or threading.get_ident() != _guard.ui_thread:
        return
    if _guard.allowed_depth or (_guard.exempt is not None and _guard.exempt()):
        return
    if _guard.mode is GuardMode.RAISE:
        raise StorageOnUiThreadError(
            "Storage was touched on the UI thread; run it through the UI's background runner"
        )
    _log.warning("Storage was touched on the UI thread", stack_info=True)


__all__ = [
    "GUARD_VARIABLE",
    "GuardMode",
    "StorageOnUiThreadError",
    "check_storage_thread",
    "forbid_storage_on_this_thread",
    "guard_mode",
    "lift_storage_guard",
    "mode_from_environment",
    "storage_allowed_here",
]
