"""The bar shown while a switch user types: what is happening and a big "Done typing"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from companion.i18n import _
from ui.widgets.notice_bar import NoticeBar


class TypingBar(NoticeBar):
    """Says that keys now go to the text box, and gives the way back to scanning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(lambda: _("Done typing"), "check", parent)
        self.done_button = self.button
        # Pressing it must not take the focus first (that alone would end typing elsewhere);
        # from the keyboard, Enter does the same.
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retranslate()

    def retranslate(self) -> None:
        self.say(_("You are typing. Press Enter or Done typing when you have finished."))
        super().retranslate()
