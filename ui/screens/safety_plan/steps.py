"""Making the plan, one question per screen: one widget per kind of step (words, or people).

Each step is its own screen on the navigation stack, so Back (and Esc) returns to the step
before, where its lines can be changed; a step screen tells the flow when it closes. Every
press is saved at once by the flow, so stopping anywhere loses nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from companion.i18n import _
from companion.safety.crisis import localized
from companion.safety_plan.flow import PLAN_STEPS, SafetyPlanFlow, StepKind
from companion.safety_plan.plan import Part, PlanEntry
from ui.context import AppContext
from ui.runner import storage_on_ui_thread_for_now
from ui.shared.safety_plan_ways_in import plan_store
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)
LINES_PER_PAGE = 3
"""Three lines, Add, a page button and Next: six buttons, the most a screen offers."""


def speak_if_on(ctx: AppContext, sentence: str) -> None:
    """Say a short answer aloud when the person turned speech on."""
    if ctx.settings.get("read_steps_aloud") or ctx.settings.get("talking_buttons"):
        ctx.speech.say(sentence)


def suggestions(ctx: AppContext) -> dict[Part, tuple[PlanEntry, ...]]:
    """What the app already knows, offered as choices: exercises, people, the crisis line."""
    found: dict[Part, tuple[PlanEntry, ...]] = {}
    try:
        from ui.shared.library import content_language, load_report

        language = content_language(ctx)
        found[Part.ON_MY_OWN] = tuple(
            PlanEntry(e.title.get(language)) for e in load_report(ctx).library.exercises()
        )
    except Exception:  # the plan can be made without the library
        _log.exception("The library's exercises could not be offered in the plan")
    if ctx.session is not None:
        found[Part.PEOPLE_TO_ASK] = tuple(
            PlanEntry(f"{c.name} ({c.relation})" if c.relation else c.name, c.phone)
            for c in ctx.session.contacts.contacts()
        )
    region = ctx.crisis.region(ctx.settings.get("region"))
    language = ctx.language()
    # "Somewhere else" has no emergency number, and a directory line has no number of its own.
    emergency = (
        () if region.emergency is None else (PlanEntry(_("Emergency"), region.emergency.number),)
    )
    found[Part.PROFESSIONALS] = (
        *(PlanEntry(localized(line.name, language), line.number or "") for line in region.lines),
        *emergency,
        PlanEntry(_("My doctor")),
        PlanEntry(_("My counsellor")),
    )
    return found


class PlanDriver:
    """Walks the plan screen by screen, and opens the finished plan at the end."""

    def __init__(self, ctx: AppContext, flow: SafetyPlanFlow) -> None:
        self.ctx = ctx
        self.flow = flow

    def step_screen(self) -> Screen:
        kinds = {StepKind.WORDS: WordsStepScreen, StepKind.PEOPLE: PeopleStepScreen}
        return kinds[self.flow.step.kind](self.ctx, self)

    def show_step(self) -> None:
        self.ctx.nav().push(self.step_screen())

    def go_on(self) -> None:
        with storage_on_ui_thread_for_now("safety_plan.step"):
            moved = self.flow.next()
        if moved:
            from ui.screens.safety_plan.view import PlanScreen

            nav = self.ctx.nav()
            nav.home()
            nav.push(PlanScreen(self.ctx))
        else:
            self.show_step()

    def step_closed(self) -> None:
        self.flow.back()


def start_plan(ctx: AppContext, part: Part = Part.WARNING_SIGNS) -> None:
    """Open the plan's step for `part` (the first by default), with what is kept so far."""
    store = plan_store(ctx)
    if store is None:
        return
    with storage_on_ui_thread_for_now("safety_plan.start"):
        flow = SafetyPlanFlow(store, suggestions(ctx), start=part)
    PlanDriver(ctx, flow).show_step()


def plan_step_screen(ctx: AppContext, part: Part = Part.WARNING_SIGNS) -> Screen:
    """The plan's step for `part` with what is kept so far, for opening it by name (a person's
    own plan: a guest has no plan store)."""
    store = plan_store(ctx)
    if store is None:
        raise ValueError("A guest has no safety plan to make")
    with storage_on_ui_thread_for_now("safety_plan.start"):
        flow = SafetyPlanFlow(store, suggestions(ctx), start=part)
    return PlanDriver(ctx, flow).step_screen()


class PlanStepScreen(Screen):
    """What both kinds share: the question, "Step 2 of 7", the hint, lines to choose, own words
    typed in and added, a page button and Next (or Skip)."""

    screen_id = "safety_plan_step"
    is_step = True  # read aloud when it opens if "Read each step" is on

    def __init__(self, ctx: AppContext, driver: PlanDriver) -> None:
        super().__init__(ctx)
        self.driver = driver
        self.flow = driver.flow
        step = self.flow.step
        self.page = 0
        self.set_title(lambda: _(step.question))
        position = self.flow.position
        self.add_text(
            lambda: _("Step {number} of {count}").format(number=position, count=len(PLAN_STEPS))
        )
        self.add_text(lambda: _(step.hint))
        self.line_buttons: list[BigButton] = []
        for slot in range(LINES_PER_PAGE):
            button = self.add_choice(
                BigButton(partial(self._line_words, slot), None, checkable=True, line_chars=18)
            )
            button.clicked.connect(partial(self.toggle, slot))
            self.line_buttons.append(button)
        self.add_button = self.add_choice(BigButton(self.add_words, "plus"))
        self.add_button.clicked.connect(self.open_own_words)
        self.page_button = self.add_choice(BigButton(self._page_words, "plus", line_chars=26))
        self.page_button.clicked.connect(self.turn_page)
        self.next_button = self.add_choice(BigButton(self._next_words, "next"))
        self.next_button.clicked.connect(self.go_on)
        self.status = self.add_text(lambda: "", notice=True, below_choices=True)
        self.status.hide()
        self.finish_layout()
        self.show_page(0)

    # --- what each kind says ------------------------------------------------------------------
    def box_words(self) -> list[Callable[[], str]]:
        """The names of the text boxes on the typing screen."""
        return [lambda: _("Your own words")]

    def add_words(self) -> str:
        return _("Add my own words")

    def typing_title(self) -> str:
        return _("Type your own words")

    # --- the lines ----------------------------------------------------------------------------
    def _lines(self) -> tuple[PlanEntry, ...]:
        return self.flow.choices()

    def _page_count(self) -> int:
        return max(1, -(-len(self._lines()) // LINES_PER_PAGE))

    def _entry_at(self, slot: int) -> PlanEntry | None:
        index = self.page * LINES_PER_PAGE + slot
        lines = self._lines()
        return lines[index] if index < len(lines) else None

    def _line_words(self, slot: int) -> str:
        entry = self._entry_at(slot)
        if entry is None:
            return ""
        return f"{entry.text}: {entry.phone}" if entry.phone else entry.text

    def _page_words(self) -> str:
        if self.page == self._page_count() - 1:
            return _("Back to the first choices")
        return _("More choices")

    def _next_words(self) -> str:
        if self.flow.is_last:
            return _("Finish my plan")
        return _("Next") if self.flow.entries() else _("Skip this step")

    def show_page(self, page: int) -> None:
        """Show one page of lines; empty places are hidden and skipped by Tab and scanning."""
        self.page = max(0, min(page, self._page_count() - 1))
        for slot, button in enumerate(self.line_buttons):
            entry = self._entry_at(slot)
            button.setVisible(entry is not None)
            button.setEnabled(entry is not None)
            button.setChecked(entry is not None and self.flow.is_chosen(entry))
            button.retranslate()
        many = self._page_count() > 1
        self.page_button.setVisible(many)
        self.page_button.setEnabled(many)
        self.add_button.setEnabled(not self.flow.is_full())
        for button in (self.page_button, self.next_button, self.add_button):
            button.retranslate()
        self.grid.refresh()
        self.setAccessibleDescription(self.body_text())

    def turn_page(self) -> None:
        last = self.page == self._page_count() - 1
        self.show_page(0 if last else self.page + 1)
        if self.isVisible():
            first = next((b for b in self.line_buttons if b.isEnabled()), self.next_button)
            first.setFocus()

    def toggle(self, slot: int) -> None:
        entry = self._entry_at(slot)
        if entry is None:
            return
        with storage_on_ui_thread_for_now("safety_plan.step"):
            self.flow.toggle(entry)
        self.show_page(self.page)

    def open_own_words(self) -> None:
        self.ctx.nav().push(OwnWordsScreen(self.ctx, self))

    def added(self) -> None:
        """Back from typing: show the page with the new line, and say it was kept."""
        self._say(_("Added to your plan."))
        self.show_page((len(self.flow.entries()) - 1) // LINES_PER_PAGE)

    def _say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.status.show()
        self.setAccessibleDescription(sentence)
        speak_if_on(self.ctx, sentence)

    def go_on(self) -> None:
        self.driver.go_on()

    # --- what others ask of a screen ------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        for button in self.line_buttons:
            button.retranslate()

    def on_closed(self) -> None:
        self.driver.step_closed()


class WordsStepScreen(PlanStepScreen):
    """Short sentences: warning signs, things to do, a safer home, what matters most."""

    screen_id = "safety_plan_words"


class PeopleStepScreen(PlanStepScreen):
    """Names or places with a phone number where there is one; each line shows its number."""

    screen_id = "safety_plan_people"

    def box_words(self) -> list[Callable[[], str]]:
        return [lambda: _("Name or place"), lambda: _("Phone number, if there is one")]

    def add_words(self) -> str:
        return _("Add a person or a place")

    def typing_title(self) -> str:
        return _("Add a person or a place")


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
        with storage_on_ui_thread_for_now("safety_plan.step"):
            added = self.flow.add(*texts)
        if not added:
            self._say(_("That is already in your plan."))
            return
        nav = self.ctx.nav()
        if nav.current() is self:
            nav.back()
        self.step_screen.added()

    def _say(self, sentence: str) -> None:
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
