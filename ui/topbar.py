"""The top bar that never moves: Home, Back, Read this to me, Get help now."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QWidget

from companion.i18n import _
from ui.theme import TARGET_GAP_PX
from ui.widgets.big_button import WRAP_AT_CHARS, BigButton


class TopBar(QFrame):
    """Four buttons in the same place on every screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.reading = False
        compact = WRAP_AT_CHARS
        self._fitting = False
        self.home_button = BigButton(lambda: _("Home"), "home", line_chars=compact)
        self.back_button = BigButton(lambda: _("Back"), "back", line_chars=compact)
        self.read_button = BigButton(
            self._read_text, "read-aloud", line_chars=compact, short_fn=self._read_short
        )
        self.help_button = BigButton(
            lambda: _("Get help now"),
            "help-now",
            line_chars=compact,
            short_fn=lambda: _("Help now"),
        )
        self.help_button.setProperty("helpNow", True)
        self.setAccessibleName(_("Top bar"))
        # Never squeezed by a tall screen below: the buttons keep their whole words.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(TARGET_GAP_PX)
        for button in (self.home_button, self.back_button, self.read_button):
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(self.help_button)

    def _read_text(self) -> str:
        return _("Stop reading") if self.reading else _("Read this to me")

    def _read_short(self) -> str:
        return _("Stop") if self.reading else _("Read")

    def fit(self) -> None:
        """One row at any text size: where the full words do not fit the window's width (large
        text, a small screen), each button shows its icon over a shorter word. The buttons
        keep their full names for screen readers, and stay at least 64 px."""
        if self._fitting:
            return
        self._fitting = True
        try:
            for button in self.buttons():
                button.set_compact(False)
            layout = self.layout()
            assert layout is not None
            layout.invalidate()
            too_wide = layout.sizeHint().width() > self.width()
            for button in self.buttons():
                button.set_compact(too_wide)
        finally:
            self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def set_reading(self, reading: bool) -> None:
        self.reading = reading
        self.read_button.retranslate()

    def buttons(self) -> list[BigButton]:
        return [self.home_button, self.back_button, self.read_button, self.help_button]

    def retranslate(self) -> None:
        self.setAccessibleName(_("Top bar"))
        for button in self.buttons():
            button.retranslate()
        self.fit()  # another language, other word lengths
