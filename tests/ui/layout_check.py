"""Finds Python wrappers of layout items that Qt has deleted (see ui/widgets/layout_items.py).

Such a wrapper stays registered at a freed address, and the next object Qt makes there comes
back to Python as the old item: a crash some time later, in some other test. Checked after
every widget test (tests/ui/conftest.py), so the code that leaves one is found where it is.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication, QLayout, QSpacerItem, QWidgetItem


def stale_item_wrappers() -> list[str]:
    """Each registered wrapper of a widget's item or a stretch that no live layout holds."""
    registered = {
        shiboken6.getCppPointer(w)[0]: w
        for w in shiboken6.getAllValidWrappers()
        if isinstance(w, QWidgetItem | QSpacerItem)
    }
    if not registered:
        return []
    live: set[int] = set()
    for widget in QApplication.allWidgets():
        layout = widget.layout()
        if layout is not None:
            _collect(layout, live, registered)
    return [
        f"{type(w).__name__} at {address:#x}"
        for address, w in registered.items()
        if address not in live
    ]


def _collect(layout: QLayout, live: set[int], registered: dict[int, object]) -> None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        address = shiboken6.getCppPointer(item)[0]
        live.add(address)
        inner = item.layout()
        if inner is not None:
            _collect(inner, live, registered)
        elif registered.get(address) is not item:
            shiboken6.invalidate(item)  # made just now by itemAt: let it go again
