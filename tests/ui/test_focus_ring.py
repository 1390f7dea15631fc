"""The focus ring shows on a chosen button in every theme (high contrast had yellow on yellow)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.palettes import EDGE_CONTRAST_MINIMUM, PALETTES, contrast_ratio
from ui.theme import Look, apply_look
from ui.widgets.big_button import BigButton


def ring_and_face(button: BigButton) -> tuple[str, str]:
    """The colour a few pixels in from the left edge (the ring) and at the middle (the face)."""
    image = button.grab().toImage()
    middle = image.height() // 2
    ring = QColor(image.pixel(3, middle)).name().upper()
    face = QColor(image.pixel(image.width() - 12, 8 + button.height() // 4)).name().upper()
    return ring, face


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_focus_ring_stands_out_on_a_chosen_button(qtbot: QtBot, theme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_look(app, Look(theme=theme))
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    chosen = BigButton(lambda: "Okay", checkable=True)
    other = BigButton(lambda: "Good")
    layout.addWidget(chosen)
    layout.addWidget(other)
    chosen.setChecked(True)
    holder.show()
    qtbot.waitExposed(holder)
    chosen.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(chosen.hasFocus)
    ring, face = ring_and_face(chosen)
    palette = PALETTES[theme]
    assert face == palette.chosen.upper()
    assert contrast_ratio(ring, face) >= EDGE_CONTRAST_MINIMUM, f"{theme}: ring {ring} on {face}"
    other.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(other.hasFocus)
    ring, face = ring_and_face(other)
    assert contrast_ratio(ring, face) >= EDGE_CONTRAST_MINIMUM, f"{theme}: ring {ring} on {face}"
    apply_look(app, Look())
