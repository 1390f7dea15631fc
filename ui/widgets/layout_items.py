"""A layout's items, read without leaving Python wrappers behind that Qt may delete.

`QLayout.itemAt()` makes a Python wrapper for the item and keeps it as a child of the layout's
own wrapper for as long as the layout lives. A widget's item (QWidgetItem) and a stretch
(QSpacerItem) are not QObjects: when Qt deletes one (a widget moves to another layout, as the
screen fit does), PySide is not told, and the wrapper stays registered at a freed address.
The next object Qt makes there (a style sheet's style, say) then comes back to Python as that
old QWidgetItem: `box.style().unpolish(box)` failed with "'QWidgetItem' object has no attribute
'unpolish'", and the PIN pad stopped opening. So the items are read here, what is needed is
copied out, and the wrapper is let go at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtWidgets import QGridLayout, QLayout, QSpacerItem, QWidget, QWidgetItem


@dataclass(frozen=True)
class Item:
    """One place in a layout: a widget, a layout inside it, or a stretch (its height)."""

    widget: QWidget | None
    layout: QLayout | None
    spacer_height: int | None


def layout_items(layout: QLayout) -> list[Item]:
    """The layout's items, in order; no wrapper of a widget's item or stretch is kept."""
    items: list[Item] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        inner = item.layout()
        height = item.sizeHint().height() if item.spacerItem() is not None else None
        items.append(Item(item.widget(), inner, height))
        if inner is None:  # a layout is a QObject, whose deletion PySide hears of; not so these
            shiboken6.invalidate(item)
    return items


def widget_at(grid: QGridLayout, row: int, column: int) -> QWidget | None:
    """The widget in one cell of a grid, or None; no wrapper of its item is kept."""
    item = grid.itemAtPosition(row, column)
    if item is None:
        return None
    widget = item.widget()
    shiboken6.invalidate(item)
    return widget


def release_item_wrappers() -> None:
    """Let go of every wrapper of a widget's item or a stretch. PySide makes them itself
    when a layout full of widgets is added to another (`addLayout`), and Companion never uses
    one; the screen fit does this before it moves widgets between layouts."""
    for wrapper in shiboken6.getAllValidWrappers():
        if isinstance(wrapper, QWidgetItem | QSpacerItem):
            shiboken6.invalidate(wrapper)
