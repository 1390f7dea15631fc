"""Shared steps for the UI tests: press a control by the name a person (or a screen reader)
sees, type into a box, read what is on screen, and reach a control by keyboard or two switches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.runner_wait import wait_for_runner
from ui.app import MainWindow
from ui.screens.home.screen import HomeScreen
from ui.screens.learn.home import LearnScreen

MAX_PRESSES = 40


def controls_named(window: MainWindow, name: str) -> list[QWidget]:
    """The visible, enabled buttons with this accessible name: the current screen's first, then
    the rest of the window (the top bar, a notice bar)."""
    screen = window.current()
    on_screen = [w for w in screen.findChildren(QAbstractButton) if _pressable(w, name)]
    if on_screen:
        return list(on_screen)
    return [w for w in window.findChildren(QAbstractButton) if _pressable(w, name)]


def _pressable(widget: QWidget, name: str) -> bool:
    return widget.accessibleName() == name and widget.isVisible() and widget.isEnabled()


def control_named(window: MainWindow, name: str) -> QWidget:
    """The one visible, enabled button with this accessible name (fails if none, or several)."""
    found = controls_named(window, name)
    assert found, f"no {name!r} to press on {window.current().title()!r}: {names(window)}"
    assert len(found) == 1, f"{len(found)} controls named {name!r} on {window.current().title()!r}"
    return found[0]


def press(qtbot: QtBot, window: MainWindow, name: str, *, wait: bool = True) -> None:
    """Press the visible, enabled button with this accessible name, as a person would, and wait
    as they would for the screen to change (a press's saving and reading run on the runner).
    Where the choices page (the screen-fit layout), turn the pages with "More choices" first,
    as a person would. `wait=False` looks at the screen while the work still runs."""
    grid = window.current().paged_grid()
    for _page in range(grid.page_count() if grid is not None else 0):
        if controls_named(window, name) or grid is None or grid.page_count() < 2:
            break
        qtbot.mouseClick(grid.page_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(control_named(window, name), Qt.MouseButton.LeftButton)
    if wait:
        wait_for_runner(qtbot, window.ctx)


def names(window: MainWindow) -> list[str]:
    """The accessible names of the current screen's visible controls, in reading order."""
    return [w.accessibleName() for w in window.current().choices() if w.isVisible()]


def type_into(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    box.setFocus()
    qtbot.keyClicks(box, text)


def texts_on_screen(window: MainWindow) -> str:
    found = [w.text() for w in window.findChildren(QLabel)]
    found += [w.text() for w in window.findChildren(QLineEdit)]
    return "\n".join(found)


def _focus() -> QWidget | None:
    return QApplication.focusWidget()


def tab_to(qtbot: QtBot, window: MainWindow, target: QWidget) -> None:
    """Press Tab until `target` has the focus (fails if it never does)."""
    for _ in range(MAX_PRESSES):
        if _focus() is target:
            return
        qtbot.keyClick(_focus() or window, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


def press_by_keyboard(qtbot: QtBot, window: MainWindow, target: QAbstractButton) -> None:
    tab_to(qtbot, window, target)
    with qtbot.waitSignal(target.clicked):  # Enter presses with a short visible animation
        qtbot.keyClick(target, Qt.Key.Key_Return)


def press_by_two_switches(qtbot: QtBot, window: MainWindow, target: QAbstractButton) -> None:
    """Space moves the scan, Enter chooses: enter the screen's group, step to target, choose."""
    screen = window.current()
    inside = False  # True once Enter has opened the screen's group of choices
    for _ in range(MAX_PRESSES):
        focus = _focus() or window
        if screen.body.property("scanGroup"):
            qtbot.keyClick(focus, Qt.Key.Key_Return)  # open the screen's choices
            inside = True
        elif inside and focus is target and not window.top_bar.property("scanGroup"):
            with qtbot.waitSignal(target.clicked):
                qtbot.keyClick(focus, Qt.Key.Key_Return)
            return
        else:
            if window.top_bar.property("scanGroup"):
                inside = False
            qtbot.keyClick(focus, Qt.Key.Key_Space)
    raise AssertionError(f"scanning never reached {target.accessibleName()!r}")


def open_learn(window: MainWindow) -> LearnScreen:
    window.push(LearnScreen(window.ctx))
    screen = window.current()
    assert isinstance(screen, LearnScreen)
    return screen


def on_home_with_nothing_behind(window: MainWindow) -> bool:
    """Home is showing and Back has nowhere to go: what a person sees after a flow ends."""
    return isinstance(window.current(), HomeScreen) and not window.top_bar.back_button.isEnabled()
