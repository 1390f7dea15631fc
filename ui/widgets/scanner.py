"""Switch access: one switch (automatic scanning) or two switches (Space = next, Enter = choose).

Scanning goes by group (the top bar, then the screen's choices) and then by control, so any control
of a screen with at most six choices is reached in at most eight steps.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

# Each group: the widget to outline (None: outline the group's own controls) and its controls.
GroupsFn = Callable[[], list[tuple[QWidget | None, list[QWidget]]]]
MAX_GROUP = 6  # a longer row of controls (a PIN pad) is scanned in chunks of at most six
NEXT_KEYS = (Qt.Key.Key_Space,)
CHOOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SwitchScanner(QObject):
    """Moves a highlight over groups and controls; a switch press chooses what is highlighted."""

    highlighted = Signal(QWidget)  # for talking buttons: the control now highlighted

    def __init__(self, groups_fn: GroupsFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups_fn = groups_fn
        self.mode = "off"
        self._in_group: int | None = None  # None: choosing a group
        self._group = -1
        self._item = -1
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.next)
        self._marked: list[QWidget] = []

    # --- configuration ------------------------------------------------------------------
    def set_mode(self, mode: str, interval_ms: int) -> None:
        self.mode = mode
        self._timer.setInterval(interval_ms)
        self.reset()
        if mode == "one_switch":
            self._timer.start()
        else:
            self._timer.stop()

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def active(self) -> bool:
        return self.mode != "off"

    # --- scanning -----------------------------------------------------------------------
    def _groups(self) -> list[tuple[QWidget | None, list[QWidget]]]:
        result: list[tuple[QWidget | None, list[QWidget]]] = []
        for container, items in self._groups_fn():
            usable = [w for w in items if w.isVisible() and w.isEnabled()]
            if len(usable) <= MAX_GROUP:
                if usable:
                    result.append((container, usable))
                continue
            chunks = -(-len(usable) // MAX_GROUP)
            size = -(-len(usable) // chunks)  # even chunks: 15 controls -> 5, 5, 5
            for start in range(0, len(usable), size):
                result.append((None, usable[start : start + size]))
        return result

    def reset(self) -> None:
        """Start again from the first group (after a choice, or when the screen changes)."""
        self._in_group = None
        self._group = -1
        self._item = -1
        self._mark([])

    def next(self) -> None:
        """Move the highlight one step."""
        groups = self._groups()
        if not groups:
            return
        if self._in_group is None or self._in_group >= len(groups):
            self._in_group = None
            self._group = (self._group + 1) % len(groups)
            container, items = groups[self._group]
            self._mark([container] if container is not None else items)
            items[0].setFocus(Qt.FocusReason.TabFocusReason)
            self.highlighted.emit(container if container is not None else items[0])
            return
        items = groups[self._in_group][1]
        self._item += 1
        if self._item >= len(items):  # past the last control: back to choosing groups
            self._in_group = None
            self.next()
            return
        self._mark([])
        items[self._item].setFocus(Qt.FocusReason.TabFocusReason)
        self.highlighted.emit(items[self._item])

    def choose(self) -> None:
        """Enter the highlighted group, or press the highlighted control."""
        groups = self._groups()
        if not groups or self._group < 0:
            self.next()
            return
        if self._in_group is None:
            self._in_group = min(self._group, len(groups) - 1)
            self._item = -1
            self.next()
            self._restart_timer()
            return
        items = groups[self._in_group][1]
        if 0 <= self._item < len(items):
            target = items[self._item]
            self.reset()
            if isinstance(target, QAbstractButton):
                target.click()
            else:
                target.setFocus()
        self._restart_timer()

    def _restart_timer(self) -> None:
        if self.mode == "one_switch":
            self._timer.start()

    def _mark(self, widgets: list[QWidget]) -> None:
        """Outline the group being offered (dashed, in the focus colour); clear the last one."""
        for widget in self._marked:
            with suppress(RuntimeError):  # the widget is gone with its screen
                _set_outline(widget, False)
        self._marked = list(widgets)
        for widget in widgets:
            _set_outline(widget, True)

    # --- the switches -------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.mode == "off" or event.type() != QEvent.Type.KeyPress:
            return False
        owner = self.parent()
        if not isinstance(watched, QWidget) or (
            isinstance(owner, QWidget) and watched.window() is not owner
        ):
            return False  # another window's keys (a dialog, or another test's window)
        assert isinstance(event, QKeyEvent)
        if event.isAutoRepeat():
            return event.key() in (*NEXT_KEYS, *CHOOSE_KEYS)
        key = event.key()
        if self.mode == "one_switch" and key in (*NEXT_KEYS, *CHOOSE_KEYS):
            self.choose()
            return True
        if self.mode == "two_switches":
            if key in NEXT_KEYS:
                self.next()
                return True
            if key in CHOOSE_KEYS:
                self.choose()
                return True
        return False


def _set_outline(widget: QWidget, on: bool) -> None:
    widget.setProperty("scanGroup", on)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
