"""Wait for the background runner the way a person waits for the screen to change after a press."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import AppContext


def wait_for_runner(qtbot, where: QWidget | AppContext, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Until everything asked of the runner so far has run and its answer is on screen."""
    ctx = where if isinstance(where, AppContext) else where.window().ctx  # type: ignore[attr-defined]
    qtbot.waitUntil(ctx.runner.is_idle, timeout=timeout)
