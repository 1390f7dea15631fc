"""Two groups of widgets side by side at usual text sizes, one under the other when large.

Side by side, the device check's buttons fit a 1280 x 720 screen at 100%. At large text sizes the
widgets go back into the screen's own single column: nested layouts there let Qt squeeze
word-wrapped labels (words cut off at the bottom), and a plain column never does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.theme import TARGET_GAP_PX

STACK_AT_TEXT_SCALE = 150  # percent: from here two columns would be too narrow for the words


class SideBySide:
    """Moves `left` and `right` (already in `body`, in reading order) between a row and `body`.

    The row is a layout inside `body`, not a widget: the widgets keep their parent, so a native
    child (the camera picture) is never reparented.
    """

    def __init__(self, body: QVBoxLayout, left: list[QWidget], right: list[QWidget]) -> None:
        self.body = body
        self.left, self.right = left, right
        self.row = QHBoxLayout()
        self.row.setSpacing(TARGET_GAP_PX + 8)
        self.columns = (QVBoxLayout(), QVBoxLayout())
        for column in self.columns:
            column.setSpacing(TARGET_GAP_PX)
            column.addStretch(1)  # the shorter column stays at the top
            self.row.addLayout(column, 1)
        body.insertLayout(body.indexOf(right[-1]) + 1, self.row)
        self.side_by_side = False

    def fit(self, text_scale: int) -> None:
        """Side by side below STACK_AT_TEXT_SCALE, one column from there on."""
        wanted = text_scale < STACK_AT_TEXT_SCALE
        if wanted == self.side_by_side:
            return
        self.side_by_side = wanted
        if wanted:
            for column, widgets in zip(self.columns, (self.left, self.right), strict=True):
                for widget in widgets:
                    self.body.removeWidget(widget)
                    column.insertWidget(column.count() - 1, widget)
        else:
            at = self.body.indexOf(self.row)
            for offset, widget in enumerate([*self.left, *self.right]):
                for column in self.columns:
                    column.removeWidget(widget)
                self.body.insertWidget(at + offset, widget)
