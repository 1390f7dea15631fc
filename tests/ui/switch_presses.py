"""Drive the real window by two switches (Space = next, Enter = choose) and count the presses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow

LIMIT = 12


def switch_press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key)


def presses_to_choose(
    qtbot: QtBot, window: MainWindow, target: QWidget, limit: int = LIMIT, *, press: bool = True
) -> int:
    """Press Space until `target` is highlighted, then Enter; returns how many presses it took.

    Only what a person sees decides: the group highlighted now, then the control highlighted.
    With `press=False` the last Enter is counted but not pressed (the screen stays).
    """
    scanner = window.scanner
    presses = 0
    while presses < limit:
        highlighted = scanner.highlighted_controls()
        if scanner.inside_group and highlighted == [target]:
            if press:
                switch_press(qtbot, window, Qt.Key.Key_Return)
                wait_for_runner(qtbot, window.ctx)  # the press's save runs in the background
            return presses + 1
        if not scanner.inside_group and target in highlighted:
            if len(highlighted) == 1 and not press:
                return presses + 1
            switch_press(qtbot, window, Qt.Key.Key_Return)  # into the group (or press a one)
            wait_for_runner(qtbot, window.ctx)
            presses += 1
            if len(highlighted) == 1:
                return presses
            continue
        switch_press(qtbot, window, Qt.Key.Key_Space)
        presses += 1
    raise AssertionError(f"{target.accessibleName()!r} not chosen in {limit} presses")
