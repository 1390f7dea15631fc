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

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from companion.i18n import _

_log = logging.getLogger(__name__)


def failure_sentence() -> str:
    """What the person reads when a job failed and its screen has no better words."""
    return _("Something went wrong, and it was not saved. Please try again.")


class _Reply(QObject):
    """Lives on the UI thread; the worker emits into it, so its slots run on the UI thread."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    """One callable run on the worker thread; it never touches a widget, only emits."""

    def __init__(self, work: Callable[[], Any], reply: _Reply) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._reply = reply

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # every failure reaches the person and the log
            _log.warning("Background work failed", exc_info=True)
            self._emit(self._reply.failed, exc)
            return
        if not self._emit(self._reply.done, result):
            close = getattr(result, "close", None)
            if callable(close):  # the screen is gone: let go of what was opened for it
                close()

    @staticmethod
    def _emit(signal: Any, value: object) -> bool:
        try:
            signal.emit(value)
        except RuntimeError:  # the object that asked was deleted meanwhile
            _log.info("A background result arrived after its screen closed")
            return False
        return True


class BackgroundRunner(QObject):
    """Runs slow work on one worker thread and answers on the UI thread.

    `show_failure` (the window's notice) tells the person when a job that failed has no
    `on_failed` of its own.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        show_failure: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one queue, one worker: jobs never overlap
        self._pool.setExpiryTimeout(-1)  # the worker stays, so no thread start per press
        self.show_failure = show_failure
        self._pending = 0  # asked for and not yet answered; only the UI thread counts

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
        *,
        parent: QObject | None = None,
    ) -> None:
        """Run `work` on the worker; `on_done(result)` or `on_failed(error)` on the UI thread.

        `parent` (usually the screen that asked) ties the answer to its life: when it is deleted
        first, the answer is dropped (and a result with `close()` is closed).
        """
        reply = _Reply(parent if parent is not None else self)
        settled = False

        def settle() -> None:
            nonlocal settled
            if not settled:
                settled = True
                self._pending -= 1

        def done(result: object) -> None:
            settle()
            reply.deleteLater()
            if on_done is not None:
                on_done(result)

        def failed(error: object) -> None:
            settle()
            reply.deleteLater()
            exc = error if isinstance(error, Exception) else RuntimeError(str(error))
            if on_failed is not None:
                on_failed(exc)
            elif self.show_failure is not None:
                self.show_failure(failure_sentence())

        reply.done.connect(done)
        reply.failed.connect(failed)
        reply.destroyed.connect(settle)  # its screen went first: the answer will never come
        self._pending += 1
        self._pool.start(_Job(work, reply))

    def is_idle(self) -> bool:
        """True when every job asked for has run and its answer has been handled (tests wait
        for this with `qtbot.waitUntil(runner.is_idle)`)."""
        return self._pending == 0

    def wait_for_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until every job asked for so far has run (shutting down; tests should use
        `qtbot.waitUntil(runner.is_idle)` so answers are delivered too)."""
        return bool(self._pool.waitForDone(timeout_ms))


__all__ = ["BackgroundRunner", "failure_sentence"]
