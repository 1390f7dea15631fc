"""Switch access: one switch (automatic scanning) or two switches (Space = next, Enter = choose).

Scanning goes by group (the screen's own choices first, the top bar last) and then by control, so
any control of a screen with at most six choices is reached in at most eight steps. A screen opens
with its choices already highlighted. Choosing a text box starts typing: every key, Space included,
goes to the box until Enter (the choose switch) or "Done typing" (docs/decisions/0010).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# Each group: the widget to outline (None: outline the group's own controls) and its controls.
GroupsFn = Callable[[], list[tuple[QWidget | None, list[QWidget]]]]
MAX_GROUP = 6  # a longer row of controls (a PIN pad) is scanned in chunks of at most six
NEXT_KEYS = (Qt.Key.Key_Space,)
CHOOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def takes_typing(widget: QWidget | None) -> bool:
    """True for a box a person types into (where Space is a letter, not a switch)."""
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return not widget.isReadOnly()
    return isinstance(widget, TEXT_INPUTS)


class SwitchScanner(QObject):
    """Moves a highlight over groups and controls; a switch press chooses what is highlighted."""

    highlighted = Signal(QWidget)  # for talking buttons: the control now highlighted
    typing_changed = Signal(bool)  # a text box takes the keys (True) or gives them back (False)

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
        self.typing_in: QWidget | None = None  # the text box being typed in, if any

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

    @property
    def inside_group(self) -> bool:
        """True while the highlight moves over one group's controls (not over groups)."""
        return self._in_group is not None

    def highlighted_controls(self) -> list[QWidget]:
        """The controls of the group highlighted now (all of them while choosing a group)."""
        groups = self._groups()
        index = self._in_group if self._in_group is not None else self._group
        if not 0 <= index < len(groups):
            return []
        items = groups[index][1]
        if self._in_group is not None:
            return [items[self._item]] if 0 <= self._item < len(items) else []
        return list(items)

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
        """Start again with the first group highlighted (after a choice, or a new screen).

        The first group is the screen's own choices, so no press is spent getting to them.
        """
        self._in_group = None
        self._group = -1
        self._item = -1
        self._mark([])
        self._set_typing(None)
        if self.active():
            self.next()

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
            index = min(self._group, len(groups) - 1)
            items = groups[index][1]
            if len(items) == 1:  # a group of one (Get help now) is pressed at once
                self._press(items[0])
                return
            self._in_group = index
            self._item = -1
            self.next()
            self._restart_timer()
            return
        items = groups[self._in_group][1]
        if 0 <= self._item < len(items):
            self._press(items[self._item])
            return
        self._restart_timer()

    def _press(self, target: QWidget) -> None:
        if takes_typing(target):
            self._mark([])
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self._set_typing(target)
            return
        self.reset()
        if isinstance(target, QAbstractButton):
            target.click()
        else:
            target.setFocus()
        self._restart_timer()

    # --- typing ---------------------------------------------------------------------------
    def _set_typing(self, widget: QWidget | None) -> None:
        was = self.typing_in is not None
        self.typing_in = widget
        if widget is not None:
            self._timer.stop()  # one-switch scanning waits while the person types
        if was != (widget is not None):
            self.typing_changed.emit(widget is not None)

    def done_typing(self) -> None:
        """Give the keys back to scanning: the highlight goes on to the control after the box."""
        box = self.typing_in
        if box is None:
            return
        self._set_typing(None)
        for index, (_container, items) in enumerate(self._groups()):
            if box in items:
                self._in_group = index
                self._group = index
                self._item = items.index(box)
                self.next()
                break
        else:
            self.reset()
        self._restart_timer()

    def focus_moved(self, new: QWidget | None) -> None:
        """Focus left the text box some other way (Tab, a click): typing is over."""
        if self.typing_in is not None and new is not self.typing_in:
            self._set_typing(None)
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
        if self.typing_in is not None:
            if event.key() in CHOOSE_KEYS and not event.isAutoRepeat():
                self.done_typing()
                return True
            return False  # every other key, Space included, is typing
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
