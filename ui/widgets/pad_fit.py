"""How the PIN pad saves room (the screen-fit layout, ui/widgets/fit.py): smaller digits, then
the buttons beside the keys instead of under them, then (a long title) the box beside them too.

Beside the keys, "Delete last" and "Show my PIN" join the screen's own buttons in one column
(Open first), so the keypad is only as wide as three digits and the box stays over it; that
column pages ("More choices") if it must, never the digits.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLineEdit, QVBoxLayout, QWidget

from ui.theme import TARGET_GAP_PX
from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import ChoiceGrid
from ui.widgets.fit import RoomSaver


class Pad(Protocol):
    """What the pad fit needs of a PIN pad (ui/screens/people/pin_pad.PinPad)."""

    box: QLineEdit
    bottom: ChoiceGrid
    delete_key: BigButton
    show_key: BigButton
    screen_buttons: list[BigButton]
    primary: BigButton | None
    outer: QVBoxLayout
    digit_points: int
    small_digits: bool
    has_digits: bool
    digits_resized: SignalInstance

    def set_digit_size(self, points: int) -> None: ...


def pad_room_savers(pad: Pad, digits: bool) -> list[RoomSaver]:
    """The pad's ways to save room, in the order the fit tries them, before the screen's."""
    if not digits:
        return []
    return [lambda on: _small_digits(pad, on), lambda on: _beside(pad, on)]


def pad_last_savers(pad: Pad, digits: bool) -> list[RoomSaver]:
    """Tried after the screen's own (a tighter title may leave room for the box over the
    keys): the box beside them."""
    return [lambda on: _box_beside(pad, on)] if digits else []


def _small_digits(pad: Pad, on: bool) -> None:
    """Digits at the body text's size, and less padding in the box (still over 64 px)."""
    if bool(pad.box.property("snug")) != on:
        pad.box.setProperty("snug", on)
        pad.box.style().unpolish(pad.box)
        pad.box.style().polish(pad.box)
    if pad.small_digits != on:
        pad.small_digits = on
        if pad.digit_points:
            pad.set_digit_size(pad.digit_points)


def _beside(pad: Pad, on: bool) -> None:
    """The box over the keys on the left; one column of buttons on the right (or all under
    each other, as built)."""
    outer = pad.outer
    side = outer.direction() == QBoxLayout.Direction.LeftToRight
    if side == on:
        return
    keys: QGridLayout = getattr(pad, "key_grid")  # noqa: B009 (the pad's keypad)
    box_and_keys: QVBoxLayout = getattr(pad, "keys_column")  # noqa: B009 (the box over them)
    last = keys.rowCount() - 1
    side_widget = _side(pad)
    if on:
        keys.removeWidget(pad.delete_key)
        keys.removeWidget(pad.show_key)
        column = side_widget.layout()
        assert isinstance(column, QBoxLayout)
        outer.setDirection(QBoxLayout.Direction.LeftToRight)
        outer.setAlignment(box_and_keys, Qt.AlignmentFlag.AlignTop)  # keys keep their height
        outer.setStretchFactor(box_and_keys, 1)  # a third for the keys, the rest for words
        column.insertWidget(0, pad.bottom)
        first = [pad.primary] if pad.primary is not None else []
        rest = [b for b in pad.screen_buttons if b not in first]
        pad.bottom.set_items([*first, pad.delete_key, pad.show_key, *rest])
        pad.bottom.set_max_columns(2)  # two where the column is wide enough
        pad.bottom.set_spacing(TARGET_GAP_PX)  # as between the keys
        side_widget.show()
        pad.bottom.show()  # moved between layouts: Qt would only show it later
    else:
        _box_beside(pad, False)
        side_widget.hide()
        outer.setDirection(QBoxLayout.Direction.TopToBottom)
        outer.setAlignment(box_and_keys, Qt.AlignmentFlag(0))
        outer.setStretchFactor(box_and_keys, 0)
        outer.insertWidget(outer.indexOf(side_widget), pad.bottom)
        pad.bottom.set_items(list(pad.screen_buttons))
        pad.bottom.set_max_columns(max(1, len(pad.screen_buttons)))
        pad.bottom.set_spacing(TARGET_GAP_PX + 4)
        keys.addWidget(pad.delete_key, last, 0)
        keys.addWidget(pad.show_key, last, 2)
        for widget in (pad.bottom, pad.delete_key, pad.show_key):
            widget.show()


def _box_beside(pad: Pad, on: bool) -> None:
    """The box at the top of the column beside the keys (a long title leaves too little
    height for the box over four rows of keys), or back over the keys."""
    box_and_keys: QVBoxLayout = getattr(pad, "keys_column")  # noqa: B009 (the box over them)
    beside = pad.outer.direction() == QBoxLayout.Direction.LeftToRight
    over_keys = box_and_keys.indexOf(pad.box) >= 0
    typing = pad.box.hasFocus()  # typing goes on in the box wherever it moves
    if on and beside and over_keys:
        column = _side(pad).layout()
        assert isinstance(column, QBoxLayout)
        column.insertWidget(0, pad.box)
    elif not on and not over_keys:
        box_and_keys.insertWidget(0, pad.box)
    else:
        return
    pad.box.show()  # moved between layouts: Qt would only show it later
    if typing:
        pad.box.setFocus(Qt.FocusReason.OtherFocusReason)


def _side(pad: Pad) -> QWidget:
    """The column beside the keys, made the first time it is needed, hidden while unused."""
    side = getattr(pad, "side_column", None)
    if side is None:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(pad.outer.spacing())
        column.addStretch(1)
        pad.outer.addWidget(side, 2)
        side.hide()
        setattr(pad, "side_column", side)  # noqa: B010
    assert isinstance(side, QWidget)
    return side
