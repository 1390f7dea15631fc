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
        self._short = False  # the shorter word, same style (where width is short)
        self._tight = False  # a tile with its icon beside the words (where height is short)
        self._icon_look: tuple[str, int] | None = None
        self._wrap_px: int | None = None  # wrap the words to this width instead (a wide cell)
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
        short = (self._compact or self._short) and self._short_fn is not None
        shown = self._short_fn() if short and self._short_fn is not None else text
        if self._wrap_px is not None:
            self.setText(self._wrap_to_pixels(shown, self._wrap_px))
        else:
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

    def wrap_to(self, width: int | None) -> None:
        """Let the words fill a cell `width` px wide (fewer lines, less height), or go back to
        wrapping at about `line_chars` characters (None)."""
        if width == self._wrap_px:
            return
        self._wrap_px = width
        self.retranslate()

    def _wrap_to_pixels(self, text: str, width: int) -> str:
        self.ensurePolished()
        metrics = self.fontMetrics()
        # What the button adds round its words (icon, padding, border, focus ring), measured.
        widest = max(
            (metrics.horizontalAdvance(line) for line in self.text().split("\n")), default=0
        )
        extra = max(48, self.sizeHint().width() - widest) + 8
        room = width - extra
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split(" "):
                joined = f"{line} {word}" if line else word
                if line and metrics.horizontalAdvance(joined) > room:
                    lines.append(line)
                    line = word
                else:
                    line = joined
            lines.append(line)
        return "\n".join(lines)

    def set_line_chars(self, chars: int) -> None:
        """Wrap the words at about `chars` characters (narrower buttons, more columns)."""
        if chars != self._line_chars:
            self._line_chars = chars
            self.retranslate()

    def set_short(self, short: bool) -> None:
        """The shorter word in the same place (the full words stay its name)."""
        if short != self._short:
            self._short = short
            self.retranslate()

    def set_tight(self, tight: bool) -> None:
        """A tile's icon goes beside its words, smaller, so a row of tiles takes less height
        (the screen-fit layout asks for this before it pages choices)."""
        if not self._tile or tight == self._tight:
            return
        self._tight = tight
        self.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if tight
            else Qt.ToolButtonStyle.ToolButtonTextUnderIcon
        )
        self._redraw_icon()

    def is_tight(self) -> bool:
        return self._tight

    def set_icon_name(self, name: str | None) -> None:
        """Another icon, drawn in the colour and size the last look gave."""
        self.icon_name = name
        self._redraw_icon()

    def _redraw_icon(self) -> None:
        if self._icon_look is not None:
            self.set_icon_colour(*self._icon_look)

    def _announce_chosen(self, checked: bool) -> None:
        description = self._description_fn() if self._description_fn else ""
        if self.isCheckable() and checked:
            from companion.i18n import _

            description = (_("Chosen") + ". " + description).strip(" .") + "."
        self.setAccessibleDescription(description)

    def set_icon_colour(self, colour: str, text_scale: int) -> None:
        """Redraw the icon in the theme's colour, sized for the text (big on tiles)."""
        self._icon_look = (colour, text_scale)
        if self.icon_name:
            if self._tile and self._tight:
                px = round(36 * min(text_scale, 150) / 100)
            elif self._tile:
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
