"""Typing the person's own line for a plan step: one box (or a name and a number), then Add.

The line is saved on the runner; until it is, the screen stays, and if the save fails the words
stay in their boxes with a kind sentence, to press Add again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from shiboken6 import isValid

from companion.i18n import _
from ui.context import AppContext
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from ui.screens.safety_plan.steps import PlanStepScreen


class OwnWordsScreen(Screen):
    """Typing the person's own line for a step: one box (or a name and a number), then Add."""

    screen_id = "safety_plan_own_words"

    def __init__(self, ctx: AppContext, step_screen: PlanStepScreen) -> None:
        super().__init__(ctx)
        self.step_screen = step_screen
        self.flow = step_screen.flow
        question = self.flow.step.question
        self.set_title(step_screen.typing_title)
        self.add_text(lambda: _(question))
        self.boxes: list[QLineEdit] = []
        self.box_labels: list[tuple[QLabel, QLineEdit, Callable[[], str]]] = []
        for words in step_screen.box_words():
            label = QLabel(words())
            label.setWordWrap(True)
            box = QLineEdit()
            box.setAccessibleName(words())
            box.setMaxLength(200)
            label.setBuddy(box)
            box.returnPressed.connect(self.add)
            self.add_widget(label)
            self.add_widget(box, focusable=True)
            self.boxes.append(box)
            self.box_labels.append((label, box, words))
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()
        self.add_button = self.add_choice(BigButton(lambda: _("Add to my plan"), "check"))
        self.add_button.clicked.connect(self.add)
        self.finish_layout()

    def add(self) -> None:
        texts = [box.text() for box in self.boxes]
        if not texts[0].strip():
            self._say(_("Please type a few words first."))
            return
        changed = self.flow.added(*texts)
        if changed is None:
            self._say(_("That is already in your plan."))
            return
        self.step_screen.driver.save(
            changed,
            lambda: self._saved() if isValid(self) else None,
            lambda: self._not_saved() if isValid(self) else None,
        )

    def _saved(self) -> None:
        nav = self.ctx.nav()
        if nav.current() is self:
            nav.back()
        if isValid(self.step_screen):
            self.step_screen.added()

    def _not_saved(self) -> None:
        """What was typed stays in the boxes, to press Add again."""
        self._say(_("Your words were not saved. Please press Add to my plan again."))

    def _say(self, sentence: str) -> None:
        from ui.screens.safety_plan.steps import speak_if_on

        self.status.setText(sentence)
        self.status.show()
        self.setAccessibleDescription(sentence)
        speak_if_on(self.ctx, sentence)

    def retranslate(self) -> None:
        super().retranslate()
        for label, box, words in self.box_labels:
            label.setText(words())
            box.setAccessibleName(words())

    def focus_widget(self) -> QWidget:
        return self.boxes[0]
