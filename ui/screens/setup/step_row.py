"""A first-run step's Back, Do this later and Next: one row below the step's own choices.

Always in the same place on every step, and on every page when the step's choices page. Where
height is short their words wrap onto two lines, so the three stay side by side rather than
stacking three rows deep (at 200% text in French, "Faire ceci plus tard" alone is wider than a
third of a 1024 px window).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.theme import TARGET_GAP_PX
from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import ChoiceGrid

SHORT_LINE_CHARS = 10  # "Faire ceci" / "plus tard": two lines, each word whole, a smaller icon


class StepRow(ChoiceGrid):
    """Back / Do this later / Next, left to right, never paged."""

    def __init__(self) -> None:
        super().__init__(max_columns=3)
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

    def wrap_words(self, on: bool) -> None:
        """Room saver: the words on two shorter lines, so the three fit in one row."""
        for button in self.buttons():
            button.set_line_chars(SHORT_LINE_CHARS if on else 24)
            button.set_icon_name(button.icon_name)  # redrawn at the size for short lines
        self.set_spacing(TARGET_GAP_PX if on else TARGET_GAP_PX + 4)
        self.refresh()

    def snug(self, on: bool) -> None:
        """Room saver: less padding above and below the words (still at least 64 px)."""
        for button in self.buttons():
            if bool(button.property("snug")) != on:
                button.setProperty("snug", on)
                button.style().unpolish(button)
                button.style().polish(button)
        self.refresh()
