"""The PIN pad: a box for the PIN, ten huge digits in a phone's layout, "Delete last" and
"Show my PIN" (unlocking, adding a person and changing the PIN use it; typing and pasting work
too). Where room is short it saves room its own way: ui/widgets/pad_fit.py."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QVBoxLayout, QWidget

from companion.i18n import _
from ui.theme import TARGET_GAP_PX
from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import ChoiceGrid

# A phone's keypad, the layout people know: 1 2 3 / 4 5 6 / 7 8 9 / 0 (in the middle).
PAD_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("", "0", ""))


class PinPad(QWidget):
    """A text box for the PIN, ten huge digits, "Delete last" and "Show my PIN".

    The box takes typing and pasting; the pad adds to its end. `submitted` is Enter in the box.
    """

    submitted = Signal()
    digits_resized = Signal()  # the screen fits itself again (ui/widgets/pad_fit.py)

    def __init__(
        self,
        box_name: Callable[[], str],
        digits: bool = True,
        actions: list[BigButton] | None = None,
    ) -> None:
        super().__init__()
        self._box_name = box_name
        self._digits = digits
        self.has_digits = digits
        self.shown = False
        self.box = QLineEdit()
        self.box.setEchoMode(QLineEdit.EchoMode.Password)
        self.box.setAccessibleName(box_name())
        self.box.returnPressed.connect(self.submitted.emit)
        self.keys: list[BigButton] = []
        self.primary = actions[0] if actions else None  # first beside the keys (ui/widgets/pad_fit)
        self.digit_points = 0  # set_digit_size's wish; smaller while room is short
        self.small_digits = False
        layout = QVBoxLayout(self)
        self.outer = layout
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(TARGET_GAP_PX)
        # The box sits over the keys, in one column with them: where the buttons move beside
        # the keys (ui/widgets/pad_fit.py), the box stays where the digits go.
        self.keys_column = QVBoxLayout()
        self.keys_column.setSpacing(TARGET_GAP_PX)
        self.keys_column.addWidget(self.box)
        layout.addLayout(self.keys_column)
        self.delete_key = BigButton(lambda: _("Delete last"), "back", line_chars=12)
        self.delete_key.clicked.connect(self.box.backspace)
        self.show_key = BigButton(self._show_text, checkable=True, line_chars=12)
        self.show_key.toggled.connect(self._show)
        self.screen_buttons = actions or []
        if digits:
            # A phone's keypad; "Delete last" and "Show my PIN" sit either side of the 0, where
            # a phone has * and #, so the screen's own buttons (Open) stay on screen.
            grid = QGridLayout()
            self.key_grid = grid
            grid.setSpacing(TARGET_GAP_PX)
            for row, labels in enumerate(PAD_ROWS):
                for column, digit in enumerate(labels):
                    if digit:
                        grid.addWidget(self._digit(digit), row, column)
            last = len(PAD_ROWS) - 1
            grid.addWidget(self.delete_key, last, 0)
            grid.addWidget(self.show_key, last, 2)
            for column in range(len(PAD_ROWS[0])):
                grid.setColumnStretch(column, 1)
            self.keys_column.addLayout(grid)
        # The last row: the screen's own buttons (Open, ...), and for a passphrase also Delete
        # last and Show; it reflows to fewer columns as the text grows, so nothing is cut.
        below = (
            self.screen_buttons
            if digits
            else [self.delete_key, self.show_key, *self.screen_buttons]
        )
        self.bottom = ChoiceGrid(max_columns=max(1, len(below)))
        for button in below:
            self.bottom.add(button)
        layout.addWidget(self.bottom)
        self.keys += [self.delete_key, self.show_key]

    def _digit(self, digit: str) -> BigButton:
        key = BigButton(lambda: digit)
        key.setProperty("pinDigit", True)
        key.setMinimumSize(96, 64)
        key.clicked.connect(lambda: self.box.insert(digit))
        self.keys.append(key)
        return key

    def _show_text(self) -> str:
        if not self._digits:
            return _("Hide what I type") if self.shown else _("Show what I type")
        return _("Hide my PIN") if self.shown else _("Show my PIN")

    def _show(self, shown: bool) -> None:
        self.shown = shown
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.box.setEchoMode(mode)
        self.show_key.retranslate()

    def text(self) -> str:
        return "".join(self.box.text().split())  # a pasted PIN may bring spaces along

    def clear(self) -> None:
        self.box.clear()

    def focusables(self) -> list[QWidget]:
        """The box, the screen's own buttons (Open first after the box), then the keys."""
        return [self.box, *self.screen_buttons, *self.keys]

    def set_digit_size(self, points: int) -> None:
        """Huge digits that grow with the person's text size; the last row reflows to fit.
        Where room is short (`small_digits`) they keep to the body text's size."""
        self.digit_points = points
        if self.small_digits:
            points = min(points, round(points * 18 / 32))
        digit_keys = f"font-size: {points}pt; padding: 2px;"  # four rows must leave Open in view
        self.setStyleSheet(f'QToolButton[pinDigit="true"] {{ {digit_keys} }}')
        self.bottom.refresh()
        self.digits_resized.emit()

    def retranslate(self) -> None:
        self.box.setAccessibleName(self._box_name())
        for key in self.keys:
            key.retranslate()
