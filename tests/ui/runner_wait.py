"""Wait for the background runner the way a person waits for the screen to change after a press."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

import companion.storage.database as database
from ui.app import MainWindow
from ui.context import AppContext


def wait_for_runner(qtbot, where: QWidget | AppContext, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Until everything asked of the runner so far has run and its answer is on screen."""
    ctx = where if isinstance(where, AppContext) else where.window().ctx  # type: ignore[attr-defined]
    qtbot.waitUntil(ctx.runner.is_idle, timeout=timeout)


def storage_touches_on_this_thread(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each time storage is touched on the UI thread from here on, one entry (the suite's guard
    raises for screens; this also sees a touch the guard lets through, e.g. under a test's own
    `storage_allowed_here`)."""
    touches: list[int] = []
    ui_thread = threading.get_ident()
    check = database.check_storage_thread

    def counting() -> None:
        if threading.get_ident() == ui_thread:
            touches.append(1)
        check()

    monkeypatch.setattr(database, "check_storage_thread", counting)
    return touches


def runner_done(window: MainWindow, timeout_ms: int = 20_000) -> None:
    """Until every job asked of the runner has run and its answer is on screen: the event loop
    runs, looking every 10 ms, as qtbot.waitUntil does (no sleep)."""
    runner = window.ctx.runner
    if runner.is_idle():
        return
    loop = QEventLoop()
    look = QTimer()
    look.setInterval(10)
    look.timeout.connect(lambda: loop.quit() if runner.is_idle() else None)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(loop.quit)
    give_up.start(timeout_ms)
    look.start()
    loop.exec()
    look.stop()
    give_up.stop()
    assert runner.is_idle(), f"the runner never answered: {runner._asked}"
