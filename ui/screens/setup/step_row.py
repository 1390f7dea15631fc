"""A first-run step's Back, Do this later and Next: one row below the step's own choices.

Always in the same place on every step, and on every page when the step's choices page. Where
height is short their words wrap onto two lines, so the three stay side by side rather than
stacking three rows deep (at 200% text in French, "Faire ceci plus tard" alone is wider than a
third of a 1024 px window).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from ui.theme import TARGET_GAP_PX
from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import ChoiceGrid

ROW_ICON_PX = 40
SHORT_LINE_CHARS = 10  # "Faire ceci" / "plus tard": two lines, each word whole, a smaller icon


class StepRow(ChoiceGrid):
    """Back / Do this later / Next, left to right, never paged."""

    def __init__(self) -> None:
        super().__init__(max_columns=3)
        self._wrapped = False  # the room savers on now
        self._no_icons = False
        self._snug = False
        self.setObjectName("setup_step_row")

    def _columns_for(self, width: int, shown: list[QWidget]) -> int:
        """Side by side when the three together fit (each as wide as its own words), not
        only when three of the widest would."""
        gap = self._layout.spacing()
        for columns in range(min(3, len(shown)), 1, -1):
            rows = [shown[i : i + columns] for i in range(0, len(shown), columns)]
            if all(
                sum(w.sizeHint().width() for w in row) + gap * (len(row) - 1) <= width
                for row in rows
            ):
                return columns
        return 1

    def buttons(self) -> list[BigButton]:
        return [b for b in self.items() if isinstance(b, BigButton)]

    def add(self, widget: QWidget, *, pinned: bool = False) -> None:
        """A button joins the row as the others look now (a "Tell me more" made late)."""
        super().add(widget, pinned=pinned)
        if isinstance(widget, BigButton):
            self._look(widget)

    def _look(self, button: BigButton) -> None:
        button.set_line_chars(SHORT_LINE_CHARS if self._wrapped else 24)
        button.set_icon_name(button.icon_name)  # drawn again at the size for its lines
        if self._no_icons:
            button.setIcon(QIcon())
        elif self._wrapped:  # smaller still: three words side by side matter more than icons
            button.setIconSize(QSize(ROW_ICON_PX, ROW_ICON_PX))
        if bool(button.property("snug")) != self._snug:
            button.setProperty("snug", self._snug)
            button.style().unpolish(button)
            button.style().polish(button)

    def _restyle(self) -> None:
        for button in self.buttons():
            self._look(button)
        self.set_spacing(TARGET_GAP_PX if self._wrapped else TARGET_GAP_PX + 4)
        self.refresh()

    def wrap_words(self, on: bool) -> None:
        """Room saver: the words on two shorter lines, so the three fit in one row."""
        self._wrapped = on
        self._restyle()

    def without_icons(self, on: bool) -> None:
        """Room saver (where a step must not page): the words alone, still side by side."""
        self._no_icons = on
        self._restyle()

    def snug(self, on: bool) -> None:
        """Room saver: less padding above and below the words (still at least 64 px)."""
        self._snug = on
        self._restyle()
