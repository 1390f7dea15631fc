"""The bar shown while a switch user types: what is happening and a big "Done typing"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from companion.i18n import _
from ui.widgets.big_button import BigButton


class TypingBar(QFrame):
    """Says that keys now go to the text box, and gives the way back to scanning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("notice", True)
        layout = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)
        self.done_button = BigButton(lambda: _("Done typing"), "check")
        # Pressing it must not take the focus first (that alone would end typing elsewhere);
        # from the keyboard, Enter does the same.
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.done_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.label.setText(_("You are typing. Press Enter or Done typing when you have finished."))
        self.setAccessibleName(self.label.text())
        self.done_button.retranslate()
