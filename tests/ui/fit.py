"""The fit check: what a person would miss on a shown screen, and a screenshot when they would.

`fit_problems(window)` looks at the top bar and the screen in front and lists, in words, every
enabled control outside the visible area (below the edge, or scrolled out of its scroll area),
smaller than 64 x 64, or without a name, and every label or button whose words are cut (the
size it asks for is wider or taller than the size it got). `assert_fits` fails with that list and
saves a screenshot of the window. It takes any window or widget, so one loop can check every
route.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from ui.widgets.screen import Screen

MIN_PX = 64
CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox)
SHOT_DIR_ENV = "COMPANION_FIT_SHOTS"  # where failing screenshots go (default: the temp folder)


def visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of `widget` a person can see, in `window` coordinates: clipped by every parent
    (a scroll area's viewport hides what is scrolled away) and by the window itself."""
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        box = QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        rect = rect.intersected(box)
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def _name(widget: QWidget) -> str:
    words = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    return f"{type(widget).__name__} {words.replace(chr(10), ' ')!r}"


def _is_inside_control(widget: QWidget) -> bool:
    """Labels laid over a button (its small print) belong to the button."""
    parent = widget.parentWidget()
    return parent is not None and isinstance(parent, CONTROLS)


def label_is_cut(label: QLabel) -> bool:
    """Its words need more room than they got: taller for wrapped text, wider for one line."""
    if not label.text():
        return False
    if label.wordWrap():
        return label.heightForWidth(label.width()) > label.height() + 1
    hint = label.sizeHint()
    return hint.width() > label.width() + 1 or hint.height() > label.height() + 1


FOCUS_GROWTH_PX = 8  # a focused button's thicker ring grows its size hint, not its words


def button_is_cut(button: QAbstractButton) -> bool:
    hint = button.sizeHint()
    slack = FOCUS_GROWTH_PX if button.hasFocus() or button.property("speaking") else 1
    return hint.width() > button.width() + slack or hint.height() > button.height() + slack


def fit_problems(window: QWidget, *, min_px: int = MIN_PX) -> list[str]:
    """Every way the shown window fails a person who cannot scroll, in words (empty: it fits)."""
    problems: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if isinstance(widget, CONTROLS) and widget.isEnabled():
            if _is_inside_control(widget) or isinstance(widget.parentWidget(), QAbstractScrollArea):
                continue  # a scroll bar's own buttons, a combo box's parts
            shown = visible_rect(widget, window)
            if shown.size() != widget.size():
                problems.append(f"{_name(widget)} is outside the visible area")
            if widget.width() < min_px or widget.height() < min_px:
                problems.append(f"{_name(widget)} is {widget.width()}x{widget.height()} px")
            if not widget.accessibleName().strip():
                problems.append(f"{_name(widget)} has no name")
            if isinstance(widget, QAbstractButton) and button_is_cut(widget):
                problems.append(f"{_name(widget)} has its words cut")
        elif isinstance(widget, QLabel) and not _is_inside_control(widget) and label_is_cut(widget):
            problems.append(f"{_name(widget)} has its words cut")
    return problems


def save_shot(window: QWidget, name: str) -> Path:
    folder = Path(os.environ.get(SHOT_DIR_ENV) or Path(os.environ.get("TMPDIR", "/tmp")))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (re.sub(r"[^\w.-]+", "-", name) + ".png")
    window.grab().save(str(path))
    return path


def assert_fits(window: QWidget, name: str) -> None:
    """Fail with every problem found, after saving a screenshot named `name`."""
    problems = fit_problems(window)
    if problems:
        path = save_shot(window, f"fit-{name}")
        raise AssertionError(f"{name} does not fit (screenshot: {path}):\n" + "\n".join(problems))


def settle() -> None:
    QApplication.processEvents()  # the layout requests posted by showing and resizing
    # The screens just closed go now: left alone they pile up hidden in the window.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def pages(screen: Screen) -> Iterator[int]:
    """Each page of the screen's choices in turn, turned by pressing its "More choices" button."""
    grid = screen.paged_grid()
    count = grid.page_count() if grid is not None else 1
    for page in range(count):
        yield page
        if page + 1 < count:
            assert grid is not None
            grid.page_button.click()
            settle()
