"""The choice grid closes up when a choice is hidden, so no empty hole sits among the tiles."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import ChoiceGrid
from ui.widgets.layout_items import widget_at


def test_a_hidden_choice_leaves_no_gap_and_showing_it_puts_it_back(qtbot: QtBot) -> None:
    grid = ChoiceGrid(max_columns=2)
    qtbot.addWidget(grid)
    buttons = [BigButton(lambda n=n: f"Choice {n}") for n in range(3)]
    for button in buttons:
        grid.add(button)
    buttons[0].hide()
    grid.resize(1200, 400)
    grid.show()
    qtbot.waitExposed(grid)
    layout = grid.layout()
    assert widget_at(layout, 0, 0) is buttons[1]  # moved up into the first cell
    assert widget_at(layout, 0, 1) is buttons[2]
    buttons[0].show()
    assert widget_at(layout, 0, 0) is buttons[0]
