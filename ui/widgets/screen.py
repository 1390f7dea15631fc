"""Screen: one page of the navigation stack, with a title, short texts and at most six choices."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from companion.i18n import _
from companion.sentences import split_sentences as split_sentences  # the one splitter
from ui.theme import TARGET_GAP_PX
from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import OFF_PAGE, ChoiceGrid
from ui.widgets.fit import RoomSaver, ScreenFit
from ui.widgets.late_words import WordsWatch
from ui.widgets.pad_fit import Pad as PinPadLike
from ui.widgets.pad_fit import pad_last_savers, pad_room_savers
from ui.widgets.reading import PartsBar
from ui.widgets.spoken import SpokenPart as SpokenPart  # where screens import it from
from ui.widgets.spoken import choices_part as choices_part

if TYPE_CHECKING:
    from ui.context import AppContext

TextFn = Callable[[], str]
MAX_CHOICES = 6


class Screen(QWidget):
    """Base class of every screen: builds the layout, reads itself aloud, retranslates live."""

    screen_id = "screen"
    refit_on_new_words = True  # see ui/widgets/late_words.py; False where a screen moves its own
    # True for "Who is using Companion?": Back and Home stop there, so nobody slips past it.
    is_floor = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._title_fn: TextFn = lambda: ""
        self._texts: list[tuple[QLabel, TextFn]] = []
        self._choice_buttons: list[QWidget] = []
        self._extra_focusables: list[QWidget] = []
        self._below_labels: set[QLabel] = set()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        # A viewport made here, not by Qt: the first plain widget Qt made that reaches Python
        # makes PySide6 load every widget class (about 30 ms, before Home could show).
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")
        self._scroll.setViewport(viewport)
        outer.addWidget(self._scroll)
        self.parts = PartsBar(self._scroll)  # "Next part" where even the fit leaves too much
        self.parts.hide()
        outer.addWidget(self.parts)

        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(32, 24, 32, 24)
        self.body_layout.setSpacing(TARGET_GAP_PX + 4)
        self._scroll.setWidget(self.body)

        self.title_label = QLabel()
        self.title_label.setProperty("heading", True)
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.body_layout.addWidget(self.title_label)

        self.grid = ChoiceGrid(max_columns=3)
        self._grid_added = False
        # The screen-fit layout (ui/widgets/fit.py): explanations fold behind "Tell me more"
        # (a choice that shows them and reads them), tiles tighten, then the choices page.
        self._explanations: list[tuple[QLabel, TextFn]] = []
        self.told_more = False
        self.tell_more_button: BigButton | None = None
        self.may_page = True  # False where every choice must be seen at once (the mood faces)
        self._own_savers: list[RoomSaver] = []  # a PIN pad's, tried before the usual ones
        self._last_savers: list[RoomSaver] = []  # and after them
        self._own_grid: ChoiceGrid | None = None
        self.fitter = ScreenFit(
            self._scroll,
            self.body,
            self.paged_grid,
            self.room_savers,
            lambda: self.may_page,
            self,
        )
        self._words_watch = WordsWatch(self.body, self.fit, self.refit_on_new_words)

    # --- building -------------------------------------------------------------------------
    def set_title(self, title_fn: TextFn) -> None:
        self._title_fn = title_fn
        self.title_label.setText(title_fn())

    def add_text(
        self,
        text_fn: TextFn,
        *,
        notice: bool = False,
        below_choices: bool = False,
        explain: bool = False,
    ) -> QLabel:
        """A paragraph of body text (word-wrapped, never elided); `below_choices` puts it after
        the choices (a side note that must not push the main choices off the screen);
        `explain`: an explanation that folds behind "Tell me more" where room is short."""
        label = QLabel(text_fn())
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if notice:
            label.setProperty("notice", True)
        if below_choices:
            self._append_below(label)
            self._below_labels.add(label)
        else:
            self._insert(label)
        self._texts.append((label, text_fn))
        if explain:
            self._explanations.append((label, text_fn))
        return label

    def add_choice(self, button: BigButton, *, keep: bool = False) -> BigButton:
        """One of the screen's choices (at most six), laid out in the reflowing grid; `keep`:
        on every page when the choices page (a step's Back, Later and Next)."""
        if len(self._choice_buttons) >= MAX_CHOICES:
            raise ValueError(f"A screen offers at most {MAX_CHOICES} choices")
        if not self._grid_added:
            self.body_layout.addWidget(self.grid)
            self._grid_added = True
        self.grid.add(button, pinned=keep)
        self._choice_buttons.append(button)
        return button

    def add_widget(self, widget: QWidget, *, focusable: bool = False) -> QWidget:
        """Any other widget (a text box, a chart); `focusable` ones join Tab order and scanning."""
        self._insert(widget)
        if focusable:
            self._extra_focusables.append(widget)
        return widget

    def finish_layout(self) -> None:
        """Push content to the top; call once after building."""
        self.body_layout.addStretch(1)
        self._finished = True

    def _append_below(self, widget: QWidget) -> None:
        if getattr(self, "_finished", False):  # keep the stretch last
            self.body_layout.insertWidget(self.body_layout.count() - 1, widget)
        else:
            self.body_layout.addWidget(widget)

    def _insert(self, widget: QWidget) -> None:
        if self._grid_added:
            self.body_layout.insertWidget(self.body_layout.indexOf(self.grid), widget)
        else:
            self.body_layout.addWidget(widget)

    # --- what others ask of a screen ----------------------------------------------------------
    def title(self) -> str:
        return self._title_fn()

    def choices(self) -> list[QWidget]:
        """The screen's controls in reading order (for Tab order and switch scanning)."""
        grid = [w for w in self.grid.on_page() if w not in self._choice_buttons]
        shown = [w for w in self._choice_buttons if not w.property(OFF_PAGE)]
        return [*self._extra_focusables, *shown, *grid]

    def part_buttons(self) -> list[QWidget]:
        """ "Previous part" / "Next part" when the screen reads by parts (after its choices in
        Tab order and scanning; like the top bar, not counted among its choices)."""
        return list(self.parts.buttons()) if not self.parts.isHidden() else []

    # --- fitting the screen (ui/widgets/fit.py) ---------------------------------------------
    def room_savers(self) -> list[RoomSaver]:
        """The ways this screen can save room, in the order the fit tries them."""
        savers: list[RoomSaver] = list(self._own_savers)
        if any(isinstance(b, BigButton) and b._tile for b in self._choice_buttons):
            savers.append(self.tighten_tiles)
        if self._explanations and self._grid_added:
            savers.append(self.fold_explanations)
        savers += [self.tighten_margins, self.snug_choices, self.tighten_title]
        return savers + self._last_savers

    def snug_choices(self, on: bool) -> None:
        """Less padding above and below the words of each choice (still at least 64 px)."""
        grid = self.paged_grid() or self.grid
        for button in [*grid.items(), grid.page_button]:
            if bool(button.property("snug")) != on:
                button.setProperty("snug", on)
                _restyle(button)

    def tighten_margins(self, on: bool) -> None:
        """Narrower margins round the screen, and 16 px between things (never less)."""
        if on:
            self.body_layout.setContentsMargins(16, 4, 16, 4)
        else:
            self.body_layout.setContentsMargins(32, 24, 32, 24)
        self.body_layout.setSpacing(TARGET_GAP_PX if on else TARGET_GAP_PX + 4)
        self.grid.set_spacing(TARGET_GAP_PX if on else TARGET_GAP_PX + 4)

    def paged_grid(self) -> ChoiceGrid | None:
        """The choices that page where room is short (the PIN pad gives its own column)."""
        if self._own_grid is not None:
            return self._own_grid
        return self.grid if self._grid_added else None

    def use_pad(self, pad: PinPadLike) -> None:
        """A PIN pad on this screen: smaller digits and its buttons beside the keys come
        first where room is short, and its column of buttons is what pages."""
        self._own_savers = pad_room_savers(pad, pad.has_digits)
        self._last_savers = pad_last_savers(pad, pad.has_digits)
        self._own_grid = pad.bottom
        pad.digits_resized.connect(self.fit)

    def fit(self) -> None:
        """Fit the screen to its room again (called on resize, look and language changes).

        A choice that had the focus and went to another page hands it to the page's first.
        A screen never sized yet (still being built) waits for its room: measuring it at
        Qt's default size paged Home's choices for nothing (40 ms before Home could show)."""
        if not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            return
        focus = self.focusWidget()
        self.fitter.fit()
        self._words_watch.fitted()
        self.parts.setVisible(not self.fitter.fitted)
        self.parts.refresh()
        if focus is not None and focus.isHidden() and self.isVisible():
            first = next((w for w in self.choices() if w.isEnabled() and not w.isHidden()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def tighten_title(self, on: bool) -> None:
        """The title in bold body-size words (never under 26 pt), still whole and wrapped."""
        if bool(self.title_label.property("tight")) != on:
            self.title_label.setProperty("tight", on)
            _restyle(self.title_label)

    def tighten_tiles(self, on: bool) -> None:
        for button in self._choice_buttons:
            if isinstance(button, BigButton):
                button.set_tight(on)

    def fold_explanations(self, on: bool) -> None:
        """Explanations hide behind "Tell me more" (unless the person asked to see them)."""
        if on and self.tell_more_button is None:
            self.tell_more_button = BigButton(self._more_words, "about", line_chars=14)
            self.tell_more_button.clicked.connect(self.tell_more)
            self.tell_more_button.hide()
            self.grid.add(self.tell_more_button)  # last: on the last page when the choices page
            self._restyle_icon(self.tell_more_button)
        for label, text_fn in self._explanations:
            label.setVisible(bool(text_fn()) and not (on and not self.told_more))
        if self.tell_more_button is not None:
            self.tell_more_button.setVisible(on)
            self.tell_more_button.retranslate()

    def _more_words(self) -> str:
        return _("Show fewer words") if self.told_more else _("Tell me more")

    def tell_more(self) -> None:
        """Show the folded explanations and read them aloud (pressed again: fold them)."""
        self.told_more = not self.told_more
        self.fit()
        if self.told_more:
            words = " ".join(fn() for _label, fn in self._explanations if fn())
            if words and getattr(self.ctx.speech, "available", True):
                self.ctx.speech.stop()
                self.ctx.speech.say(words)
        if self.tell_more_button is not None and self.tell_more_button.isVisible():
            self.tell_more_button.setFocus()
        shown = [label for label, _fn in self._explanations if label.isVisible()]
        if self.told_more and shown:
            self.parts.follow(shown[0])  # reading by parts now: show what was asked for
        self.setAccessibleDescription(self.body_text())

    def _restyle_icon(self, button: BigButton) -> None:
        look = self.ctx.look()
        button.set_icon_colour(look.palette.button_text, look.text_scale)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def body_text(self) -> str:
        return " ".join(fn() for _label, fn in self._texts)

    def reading_order(self) -> list[SpokenPart]:
        """What "Read this to me" says: the title, the texts, then the choices."""
        parts = [SpokenPart(s, self.title_label) for s in split_sentences(self.title())]
        later: list[SpokenPart] = []  # texts shown below the choices are read after them
        for label, text_fn in self._texts:
            if label.isVisible() or not self.isVisible():
                said = [SpokenPart(s, label) for s in split_sentences(text_fn())]
                (later if label in self._below_labels else parts).extend(said)
        shown = [b for b in self._choice_buttons if b.isVisibleTo(self) and b.isEnabled()]
        choices = choices_part(shown)
        if choices is not None:
            parts.append(choices)
        return parts + later

    def highlight(self, part: SpokenPart | None) -> None:
        """Mark the sentence being read aloud (None clears every mark).

        Only the colour changes: line breaks and blank lines are kept, so nothing reflows.
        """
        self.highlight_control(None)
        for label, text_fn in [(self.title_label, self._title_fn), *self._texts]:
            if label.textFormat() == Qt.TextFormat.RichText:
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setText(text_fn())
        if part is None or part.label is None:
            return
        text = part.label.text()
        start = text.find(part.sentence)
        if start < 0:
            return
        end = start + len(part.sentence)
        self.parts.follow(part.label, start / max(1, len(text)))  # read-aloud moves the part
        colour = self.ctx.look().palette
        part.label.setTextFormat(Qt.TextFormat.RichText)
        part.label.setText(
            rich_text(text[:start])
            + f'<span style="background:{colour.speaking}; color:{colour.speaking_text};">'
            + rich_text(text[start:end])
            + "</span>"
            + rich_text(text[end:])
        )

    def highlight_control(self, control: QWidget | None) -> None:
        """Mark the control whose name is being said (None clears the mark)."""
        for widget in self.findChildren(BigButton):
            if widget.property("speaking") and widget is not control:
                _set_speaking(widget, False)
        if control is not None:
            _set_speaking(control, True)
            self.parts.follow(control)

    def retranslate(self) -> None:
        """Redraw every text in the current language."""
        self.title_label.setText(self._title_fn())
        for label, text_fn in self._texts:
            label.setText(text_fn())
        for button in self._choice_buttons:
            if isinstance(button, BigButton):
                button.retranslate()
        self.setAccessibleName(self.title())
        self.setAccessibleDescription(self.body_text())
        if self.tell_more_button is not None:
            self.tell_more_button.retranslate()
        self.parts.retranslate()
        self.grid.refresh()
        self.fit()  # other words, other lengths

    def on_shown(self) -> None:
        """Called when the screen comes to the front."""
        self.setAccessibleName(self.title())
        self.setAccessibleDescription(self.body_text())
        self.fit()

    def on_hidden(self) -> None:
        """Called when another screen covers this one or it is closed."""
        self.highlight(None)

    def on_session_changed(self) -> None:
        """The person's data was opened, or another person's: refresh what depends on it."""

    def leave_for_home(self) -> bool:
        """The top bar's Home was pressed: True to go, False when the screen asks first."""
        return True

    def on_closed(self) -> None:
        """Called once when the screen leaves the stack for good: drop subscriptions here."""


def rich_text(text: str) -> str:
    """Plain text as label rich text that looks the same: escaped, line breaks kept."""
    from html import escape  # html.entities is big: not before Home

    return escape(text, quote=False).replace("\n", "<br>")


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _set_speaking(widget: QWidget, on: bool) -> None:
    widget.setProperty("speaking", on)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
