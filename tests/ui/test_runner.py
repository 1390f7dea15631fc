"""The one background runner: work off the UI thread, answers on it, failures told and logged."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from ui.context import AppContext
from ui.runner import BackgroundRunner, failure_sentence


def test_work_runs_off_the_ui_thread_and_the_answer_comes_back_on_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = BackgroundRunner()
    ui_thread = threading.get_ident()
    answers: list[tuple[int, int]] = []
    runner.run(threading.get_ident, lambda worker: answers.append((worker, threading.get_ident())))
    qtbot.waitUntil(runner.is_idle)
    assert len(answers) == 1
    worker, answered_on = answers[0]
    assert worker != ui_thread
    assert answered_on == ui_thread


def test_jobs_run_one_at_a_time_in_the_order_asked(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = BackgroundRunner()
    release = threading.Event()
    order: list[int] = []

    def first() -> int:
        release.wait(10)  # held until the later jobs are queued behind it
        order.append(1)
        return 1

    runner.run(first)
    for number in (2, 3, 4):
        runner.run(lambda number=number: order.append(number))  # type: ignore[misc]
    assert not runner.is_idle()
    release.set()
    qtbot.waitUntil(runner.is_idle)
    assert order == [1, 2, 3, 4]


def test_a_failure_reaches_its_handler_and_the_log_with_a_traceback(  # type: ignore[no-untyped-def]
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    runner = BackgroundRunner()
    failures: list[Exception] = []
    done: list[object] = []

    def broken() -> None:
        raise OSError("disk gone")

    with caplog.at_level(logging.WARNING, logger="ui.runner"):
        runner.run(broken, done.append, failures.append)
        qtbot.waitUntil(runner.is_idle)
    assert done == []
    assert [type(f) for f in failures] == [OSError]
    record = next(r for r in caplog.records if r.name == "ui.runner")
    assert record.exc_info is not None and "disk gone" in caplog.text


def test_a_failure_with_no_handler_is_shown_to_the_person_on_home(  # type: ignore[no-untyped-def]
    qtbot, make_ctx: Callable[..., AppContext], caplog: pytest.LogCaptureFixture
) -> None:
    from ui.app import build_window

    ctx = make_ctx()
    window = build_window(ctx)
    qtbot.addWidget(window)
    with caplog.at_level(logging.WARNING, logger="ui.runner"):
        ctx.runner.run(lambda: 1 / 0)
        qtbot.waitUntil(ctx.runner.is_idle)
    assert failure_sentence() in ctx.startup_notices
    home_words = [label.text() for label in window.stack.widget(0).findChildren(QLabel)]
    assert failure_sentence() in home_words


def test_an_answer_for_a_closed_screen_closes_what_was_opened_for_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = BackgroundRunner()
    release = threading.Event()

    class Opened:
        closed = False

        def close(self) -> None:
            self.closed = True

    opened = Opened()
    answers: list[object] = []
    screen = QWidget()

    def slow_open() -> Opened:
        release.wait(10)
        return opened

    runner.run(slow_open, answers.append, parent=screen)
    screen.deleteLater()
    qtbot.waitUntil(lambda: not _alive(screen))
    release.set()
    qtbot.waitUntil(runner.is_idle)
    qtbot.waitUntil(lambda: opened.closed)
    assert answers == []


def _alive(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))
