"""The one background runner: storage, Argon2, file reading and other slow work, off the UI thread.

Modelled on Anki's QueryOp: `runner.run(work, on_done, on_failed)` runs `work` on the runner's
own worker thread, then calls `on_done(result)` or `on_failed(error)` on the UI thread. One
worker, one queue: jobs run one at a time in the order they were asked for, so two saves of the
same check-in can never cross, and SQLite never sees two writers from this process.

A failure always reaches the person (one kind sentence, through `on_failed` or the window's
notice) and the log (a traceback); nothing is dropped silently. When the screen that asked is
gone before the job ends, a result that holds something open (a database) is closed.
"""

from __future__ import annotations

import gc
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

from companion.i18n import _

_log = logging.getLogger(__name__)


def failure_sentence() -> str:
    """What the person reads when a job failed and its screen has no better words."""
    return _("Something went wrong, and it was not saved. Please try again.")


class _Answers(QObject):
    """Lives on the UI thread; the worker emits into it, so its slots run on the UI thread."""

    done = Signal(int, object)  # job number, result
    failed = Signal(int, object)  # job number, the exception


@dataclass
class _Asked:
    """What the UI thread keeps of one job until its answer arrives (and then drops there, so
    no widget or closure is ever freed on the worker thread)."""

    work: Callable[[], Any] | None
    on_done: Callable[[Any], object] | None
    on_failed: Callable[[Exception], None] | None
    asker: QObject | None


class _Job(QRunnable):
    """One callable run on the worker thread; it never touches a widget, only emits."""

    def __init__(self, number: int, work: Callable[[], Any], answers: _Answers) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._number = number
        self._work: Callable[[], Any] | None = work
        self._answers = answers  # the runner's; it outlives the worker

    def run(self) -> None:
        # No automatic garbage collection while this thread allocates: a collection here would
        # free the UI's unreachable widgets on the wrong thread (the suite crashed later on).
        gc.disable()
        try:
            self._answer()
        finally:
            gc.enable()

    def _answer(self) -> None:
        # The UI thread holds the work too and lets go of it there: the worker must never be
        # the last holder of a closure (it may hold a screen, or the whole context).
        work, self._work = self._work, None
        assert work is not None
        try:
            result = work()
        except Exception as exc:  # every failure reaches the person and the log
            del work
            _log.warning("Background work failed", exc_info=True)
            self._answers.failed.emit(self._number, exc)
            return
        del work
        self._answers.done.emit(self._number, result)


class BackgroundRunner(QObject):
    """Runs slow work on one worker thread and answers on the UI thread.

    `show_failure` (the window's notice) tells the person when a job that failed has no
    `on_failed` of its own. `answered` follows each answer, once its screen has had it.
    """

    answered = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        show_failure: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        # Made before the answers, so it is destroyed (waiting for its worker) before them.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one queue, one worker: jobs never overlap
        self._pool.setExpiryTimeout(-1)  # the worker stays, so no thread start per press
        self._answers = _Answers(self)
        self._answers.done.connect(self._done)
        self._answers.failed.connect(self._failed)
        self.show_failure = show_failure
        self._asked: dict[int, _Asked] = {}  # not yet answered; only the UI thread touches it
        self._numbers = itertools.count(1)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], object] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
        *,
        parent: QObject | None = None,
    ) -> None:
        """Run `work` on the worker; `on_done(result)` or `on_failed(error)` on the UI thread.

        `parent` (usually the screen that asked) ties the answer to its life: when it is deleted
        first, the answer is dropped (and a result with `close()` is closed).
        """
        number = next(self._numbers)
        self._asked[number] = _Asked(work, on_done, on_failed, parent)
        self._pool.start(_Job(number, work, self._answers))

    @staticmethod
    def _asker_gone(asked: _Asked) -> bool:
        return asked.asker is not None and not isValid(asked.asker)

    def _done(self, number: int, result: object) -> None:
        asked = self._asked.pop(number)
        if self._asker_gone(asked):
            _log.info("A background result arrived after its screen closed")
            close = getattr(result, "close", None)
            if callable(close):  # let go of what was opened for the screen
                close()
        elif asked.on_done is not None:
            asked.on_done(result)
        self.answered.emit()

    def _failed(self, number: int, error: object) -> None:
        asked = self._asked.pop(number)
        exc = error if isinstance(error, Exception) else RuntimeError(str(error))
        if self._asker_gone(asked):
            return  # already logged with its traceback; no screen is left to tell
        if asked.on_failed is not None:
            asked.on_failed(exc)
        else:
            self.tell_failure()
        self.answered.emit()

    def tell_failure(self) -> None:
        """Show the person the general sentence (the traceback is already in the log)."""
        if self.show_failure is not None:
            self.show_failure(failure_sentence())

    def is_idle(self) -> bool:
        """True when every job asked for has run and its answer has been handled (tests wait
        for this with `qtbot.waitUntil(runner.is_idle)`)."""
        return not self._asked

    def wait_for_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until every job asked for so far has run (shutting down; tests should use
        `qtbot.waitUntil(runner.is_idle)` so answers are delivered too)."""
        return bool(self._pool.waitForDone(timeout_ms))


__all__ = [
    "BackgroundRunner",
    "failure_sentence",
]
