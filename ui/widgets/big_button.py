"""BigButton: the one pressable thing of Companion (at least 64 x 64 px, word + icon, named)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QWidget

from ui.theme import MIN_TARGET_PX, icon

TextFn = Callable[[], str]
WRAP_AT_CHARS = 10  # the top bar's compact buttons


def wrap_label(text: str, limit: int = WRAP_AT_CHARS) -> str:
    """Break a long label into lines of about `limit` characters, at spaces (never mid-word)."""
    if len(text) <= limit or "\n" in text:
        return text
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


class BigButton(QToolButton):
    """A large button with a word and, optionally, an icon; Enter and Space both press it.

    The text comes from a function so `retranslate()` can redraw it in a new language.
    """

    def __init__(
        self,
        text_fn: TextFn,
        icon_name: str | None = None,
        *,
        tile: bool = False,
        line_chars: int | None = None,
        checkable: bool = False,
        description_fn: TextFn | None = None,
        short_fn: TextFn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._text_fn = text_fn
        self._short_fn = short_fn  # a shorter word shown when space is short (the top bar)
        self._compact = False
        self._description_fn = description_fn
        self.icon_name = icon_name
        self._tile = tile
        self._line_chars = line_chars or (18 if tile else 24)
        self.setCheckable(checkable)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoRaise(False)
        self.setMinimumSize(MIN_TARGET_PX, MIN_TARGET_PX)
        self.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextUnderIcon
            if tile
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        self.setSizePolicy(
            QSizePolicy.Policy.Expanding if tile else QSizePolicy.Policy.Preferred,
            QSizePolicy.Policy.Preferred,
        )
        self.toggled.connect(self._announce_chosen)
        self.retranslate()

    def label(self) -> str:
        """The button's words, on one line (what a screen reader says)."""
        return self._text_fn()

    def retranslate(self) -> None:
        text = self._text_fn()
        shown = self._short_fn() if self._compact and self._short_fn is not None else text
        self.setText(wrap_label(shown, self._line_chars))
        self.setAccessibleName(text)  # the full words, whatever is shown
        self._announce_chosen(self.isChecked())

    def set_compact(self, compact: bool) -> None:
        """Icon over the shorter word (where space is short), or the full words beside it."""
        if compact == self._compact:
            return
        self._compact = compact
        self.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextUnderIcon
            if compact or self._tile
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        self.retranslate()

    def _announce_chosen(self, checked: bool) -> None:
        description = self._description_fn() if self._description_fn else ""
        if self.isCheckable() and checked:
            from companion.i18n import _

            description = (_("Chosen") + ". " + description).strip(" .") + "."
        self.setAccessibleDescription(description)

    def set_icon_colour(self, colour: str, text_scale: int) -> None:
        """Redraw the icon in the theme's colour, sized for the text (big on tiles)."""
        if self.icon_name:
            if self._tile:
                px = round(56 * min(text_scale, 160) / 100)
            elif self._line_chars <= WRAP_AT_CHARS:
                px = round(32 * min(text_scale, 150) / 100)
            else:
                px = round(36 * min(text_scale, 175) / 100)
            self.setIcon(icon(self.icon_name, colour, px))
            self.setIconSize(QSize(px, px))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.animateClick()
            event.accept()
            return
        super().keyPressEvent(event)


class SmallPrintButton(BigButton):
    """A BigButton with a line of small print under its words (an official name: "PHQ-9").

    The words end with an empty line; the small print is a plain label laid over that line
    (the mouse goes through it). Screen readers hear the words as the name and the small
    print as the description.
    """

    def __init__(self, text_fn: TextFn, small_fn: TextFn, icon_name: str | None = None) -> None:
        self._words_fn = text_fn
        super().__init__(
            lambda: wrap_label(text_fn(), 24) + "\n", icon_name, description_fn=small_fn
        )
        self._small_fn = small_fn
        self.small = QLabel(self)
        self.small.setProperty("smallPrint", True)
        self.small.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.small.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retranslate()

    def label(self) -> str:
        return self._words_fn()

    def retranslate(self) -> None:
        super().retranslate()
        self.setAccessibleName(self._words_fn())
        if hasattr(self, "small"):
            self.small.setText(self._small_fn())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        line = self.fontMetrics().height()
        lines = self.text().count("\n") + 1
        top = (self.height() - line * lines) // 2 + line * (lines - 1)
        self.small.setGeometry(8, top, self.width() - 16, line)
