"""The three kinds of quick check-in step: mood faces, tags as toggle buttons, a note box.

One widget class per kind of step (not per step): each reads its question from the flow's data.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from companion.checkin.wording import mood_word, question_of, tag_word
from companion.i18n import _
from ui.context import AppContext
from ui.screens.checkin.driver import CheckInDriver
from ui.shared.checkin_common import face_icon
from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import ChoiceGrid
from ui.widgets.screen import Screen, SpokenPart, choices_part

FACE_PX = 96  # a mood face at 100% text
TIGHT_FACE_PX = 56  # where room is short (every face must stay on screen: no paging)
NOTE_SAVE_DELAY_MS = 700
"""Typing pauses this long before the note is saved as a draft (and always when leaving)."""
TAGS_PER_PAGE = 4
"""Four tags, a page button and Next: six controls, the most a screen offers."""


class CheckInStepScreen(Screen):
    """What every step shares: the question as title, "Question 2 of 3", the hint, and Skip."""

    screen_id = "checkin_step"
    is_step = True  # read aloud when it opens if "Read each step" is on

    def __init__(self, ctx: AppContext, driver: CheckInDriver) -> None:
        super().__init__(ctx)
        self.driver = driver
        self.flow = driver.flow
        step = self.flow.step
        self.set_title(lambda: _(step.question))
        position, count = self.flow.position, len(self.flow.steps)
        self.position_label = self.add_text(lambda: question_of(position, count))
        self.hint_label = self.add_text(lambda: _(step.hint))

    def add_skip(self) -> BigButton:
        # Wrapped on two short lines, so five faces and Skip keep three columns at 200%; where
        # even that is too wide, "Skip" alone (its name stays "Skip this question").
        skip = self.add_choice(
            BigButton(
                lambda: _("Skip this question"), "next", line_chars=12, short_fn=lambda: _("Skip")
            )
        )
        self.skip_button = skip
        skip.clicked.connect(self.skip)
        return skip

    def skip(self) -> None:
        self.driver.follow(self.flow.skip())

    def go_on(self) -> None:
        self.driver.follow(self.flow.next())

    def on_closed(self) -> None:
        self.driver.step_closed()


class MoodStepScreen(CheckInStepScreen):
    """Five big faces, each with its word; one press chooses and moves on."""

    screen_id = "checkin_mood"

    def __init__(self, ctx: AppContext, driver: CheckInDriver) -> None:
        super().__init__(ctx, driver)
        self.faces: dict[str, BigButton] = {}
        for mood in self.flow.step.choices:
            button = self.add_choice(
                BigButton(partial(mood_word, mood), None, tile=True, checkable=True)
            )
            button.setChecked(self.flow.checkin.mood == mood)
            button.clicked.connect(partial(self.choose, mood))
            self.faces[mood] = button
        self.add_skip()
        self.may_page = False  # a face on another page would bias the answer: all stay in view
        self.finish_layout()

    def room_savers(self) -> list[Callable[[bool], None]]:
        """Smaller faces and "Skip" in one word (three columns), then the hint goes (the
        question says it all), narrower margins, the question in body-size bold, and each face
        beside its word; never a page of faces."""
        return [
            self._tighten_faces,
            self._drop_hint,
            self.tighten_margins,
            self.snug_choices,
            self.tighten_title,
            self.tighten_tiles,  # each face beside its word
            self._drop_position,  # last: "Question 1 of 3" (kept in the description)
        ]

    def _tighten_faces(self, on: bool) -> None:
        self._tight_faces = on
        self.skip_button.set_short(on)
        self._size_faces()

    def _drop_hint(self, on: bool) -> None:
        self.hint_label.setVisible(not on)

    def _drop_position(self, on: bool) -> None:
        self.position_label.setVisible(not on)

    def _size_faces(self) -> None:
        look = self.ctx.look()
        # Big faces: at least a third of the button's height at every text size.
        face = TIGHT_FACE_PX if getattr(self, "_tight_faces", False) else FACE_PX
        size = round(face * min(look.text_scale, 130) / 100)
        for mood, button in self.faces.items():
            button.setIcon(face_icon(mood, look.palette.button_text, size))
            button.setIconSize(QSize(size, size))

    def choose(self, mood: str) -> None:
        for other, button in self.faces.items():
            button.setChecked(other == mood)
        self.flow.choose_mood(mood)
        self.go_on()

    def on_shown(self) -> None:
        self._size_faces()
        super().on_shown()


class TagsStepScreen(CheckInStepScreen):
    """Eight toggle buttons on two pages of four (several allowed, none needed), then Next.

    Four tags, "More choices" (or "Back to the first choices") and Next make six controls, so the
    screen keeps to six choices and switch scanning reaches each in eight steps. The chosen tags
    live in the flow, so they are kept when the page changes.
    """

    screen_id = "checkin_tags"

    def __init__(self, ctx: AppContext, driver: CheckInDriver) -> None:
        super().__init__(ctx, driver)
        self.page = 0
        self.tags: dict[str, BigButton] = {}
        self.tag_pages: list[ChoiceGrid] = []
        choices = self.flow.step.choices
        for first in range(0, len(choices), TAGS_PER_PAGE):
            grid = ChoiceGrid(max_columns=TAGS_PER_PAGE)
            for tag in choices[first : first + TAGS_PER_PAGE]:
                button = BigButton(partial(tag_word, tag), None, checkable=True)
                button.setChecked(tag in self.flow.checkin.tags)
                button.toggled.connect(partial(self._toggled, tag))
                grid.add(button)
                self.tags[tag] = button
            self.add_widget(grid)
            self.tag_pages.append(grid)
        self._extra_focusables.extend(self.tags.values())
        # One button turns the page both ways, so no empty place is left in the grid.
        self.page_button = self.add_choice(BigButton(self._page_words, "plus", line_chars=26))
        self.page_button.clicked.connect(self.turn_page)
        # Next says "Skip this question" until a tag is chosen: both go on, keeping the answers.
        self.next_button = self.add_choice(BigButton(self._next_words, "next"))
        self.next_button.clicked.connect(self.go_on)
        self.finish_layout()
        self.show_page(0)

    def _on_last_page(self) -> bool:
        return self.page == len(self.tag_pages) - 1

    def _page_words(self) -> str:
        return _("Back to the first choices") if self._on_last_page() else _("More choices")

    def turn_page(self) -> None:
        """On to the next page of tags; from the last, back to the first."""
        self.show_page(0 if self._on_last_page() else self.page + 1)

    def _next_words(self) -> str:
        return _("Next") if self.flow.checkin.tags else _("Skip this question")

    def show_page(self, page: int) -> None:
        """Show one page of tags; hidden ones are disabled too, so Tab and scanning skip them."""
        self.page = max(0, min(page, len(self.tag_pages) - 1))
        for index, grid in enumerate(self.tag_pages):
            shown = index == self.page
            grid.setVisible(shown)
            for button in grid.items():
                button.setEnabled(shown)
        self.page_button.icon_name = "back" if self._on_last_page() else "plus"
        self.page_button.retranslate()
        look = self.ctx.look()
        self.page_button.set_icon_colour(look.palette.button_text, look.text_scale)
        self.grid.refresh()
        if self.isVisible():
            self.visible_tags()[0].setFocus()
            self.setAccessibleDescription(self.body_text())

    def visible_tags(self) -> list[BigButton]:
        return [self.tags[tag] for tag in self.tags if self.tags[tag].isEnabled()]

    def _toggled(self, tag: str, checked: bool) -> None:
        if (tag in self.flow.checkin.tags) != checked:
            self.flow.toggle_tag(tag)
        self.next_button.retranslate()

    def reading_order(self) -> list[SpokenPart]:
        """The title and texts, then this page's tags and the other choices, by name."""
        parts = [part for part in super().reading_order() if part.label is not None]
        buttons = [*self.visible_tags(), *self._choice_buttons]
        choices = choices_part([b for b in buttons if b.isEnabled()])
        if choices is not None:
            parts.append(choices)  # each tag is highlighted while it is named
        return parts

    def retranslate(self) -> None:
        super().retranslate()
        for button in self.tags.values():
            button.retranslate()
        for grid in self.tag_pages:
            grid.refresh()


class NoteStepScreen(CheckInStepScreen):
    """A large text box kept exactly as typed, saved as a draft while typing; then Finish."""

    screen_id = "checkin_note"

    def __init__(self, ctx: AppContext, driver: CheckInDriver) -> None:
        super().__init__(ctx, driver)
        self.note_box = QPlainTextEdit()
        self.note_box.setPlainText(self.flow.checkin.note)
        self.note_box.setTabChangesFocus(True)
        self.note_box.setMinimumHeight(160)
        self.note_box.setAccessibleName(_("Your note"))
        self.add_widget(self.note_box, focusable=True)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_note)
        self.note_box.textChanged.connect(self._save_timer.start)
        self.finish_button = self.add_choice(BigButton(lambda: _("Finish"), "check"))
        self.finish_button.clicked.connect(self.go_on)
        self.add_skip()
        self.finish_layout()

    def save_note(self) -> None:
        self._save_timer.stop()
        if not self.flow.finished and self.note_box.toPlainText() != self.flow.checkin.note:
            self.flow.set_note(self.note_box.toPlainText())

    def go_on(self) -> None:
        self.save_note()
        super().go_on()

    def skip(self) -> None:
        self.save_note()
        super().skip()

    def on_hidden(self) -> None:
        self.save_note()
        super().on_hidden()

    def retranslate(self) -> None:
        super().retranslate()
        self.note_box.setAccessibleName(_("Your note"))

    def focus_widget(self) -> QWidget:
        return self.note_box
