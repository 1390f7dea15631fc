"""A band across the window: one sentence in large text and one big button beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.widgets.big_button import BigButton, TextFn


class NoticeBar(QFrame):
    """Hidden until there is something to say (a reminder, typing by switch)."""

    def __init__(self, button_words: TextFn, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("notice", True)
        layout = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)
        self.button = BigButton(button_words, icon_name)
        layout.addWidget(self.button)
        self.hide()

    def say(self, sentence: str) -> None:
        """Show `sentence`, also as the band's name for screen readers."""
        self.label.setText(sentence)
        self.setAccessibleName(sentence)

    def retranslate(self) -> None:
        self.button.retranslate()
