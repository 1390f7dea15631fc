"""Buttons with the Learn feature's own icons (topics, exercises), and the topics' names."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon

from companion.i18n import N_, _
from ui.theme import icon
from ui.widgets.big_button import BigButton

ICON_DIR = Path(__file__).resolve().parent / "icons"

TOPIC_NAMES: dict[str, str] = {
    "mood": N_("Low mood"),
    "worry": N_("Worry"),
    "sleep": N_("Sleep"),
    "connection": N_("Loneliness"),
    "grief": N_("Grief and loss"),
    "stress": N_("Stress"),
    "memory": N_("Memory"),
    "care": N_("Caring for others"),
    "activity": N_("Staying active"),
    "medicines": N_("Medicines"),
    "alcohol": N_("Alcohol"),
    "help": N_("Getting help"),
    "sessions": N_("Video sessions"),
}


def topic_name(topic: str) -> str:
    return _(TOPIC_NAMES.get(topic, topic))


def learn_icon(name: str, colour: str, size: int) -> QIcon:
    """One of this feature's icons drawn in `colour`, as ui.theme draws the shared ones."""
    return icon(name, colour, size, folder=ICON_DIR)


class LearnButton(BigButton):
    """A BigButton whose icon comes from this feature's icon folder when it has one there."""

    def set_icon_colour(self, colour: str, text_scale: int) -> None:
        name = self.icon_name
        if name and (ICON_DIR / f"{name}.svg").exists():
            px = round(
                (56 if self.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon else 36)
                * min(text_scale, 160)
                / 100
            )
            self.setIcon(learn_icon(name, colour, px))
            self.setIconSize(QSize(px, px))
        else:
            super().set_icon_colour(colour, text_scale)

    def show_icon_now(self, colour: str, text_scale: int) -> None:
        """Draw the icon for buttons created after the window drew the screen's icons."""
        self.set_icon_colour(colour, text_scale)
