"""Making the plan, one question per screen: one widget per kind of step (words, or people).

Each step is its own screen on the navigation stack, so Back (and Esc) returns to the step
before, where its lines can be changed; a step screen tells the flow when it closes. Every
press is saved at once by the flow, so stopping anywhere loses nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from shiboken6 import isValid

from companion.i18n import _
from companion.safety.crisis import localized
from companion.safety_plan.flow import PLAN_STEPS, SafetyPlanFlow, StepKind
from companion.safety_plan.plan import Part, PlanEntry, SafetyPlan
from ui.context import AppContext
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
    """What the app already knows without storage, offered as choices: exercises and the crisis
    line (the person's contacts are read with the plan, `read_plan_work`)."""
    found: dict[Part, tuple[PlanEntry, ...]] = {}
    try:
        from ui.shared.library import content_language, load_report

        language = content_language(ctx)
        found[Part.ON_MY_OWN] = tuple(
            PlanEntry(e.title.get(language)) for e in load_report(ctx).library.exercises()
        )
    except Exception:  # the plan can be made without the library
        _log.exception("The library's exercises could not be offered in the plan")
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


def read_plan_work(ctx: AppContext) -> Callable[[], tuple[SafetyPlan, tuple[PlanEntry, ...]]]:
    """Work for the runner: the plan so far and the person's contacts to offer (one read)."""
    store, session = plan_store(ctx), ctx.session
    if store is None or session is None:
        raise ValueError("A guest has no safety plan to make")

    def read() -> tuple[SafetyPlan, tuple[PlanEntry, ...]]:
        with session.one_transaction():
            plan = store.plan()
            people = tuple(
                PlanEntry(f"{c.name} ({c.relation})" if c.relation else c.name, c.phone)
                for c in session.contacts.contacts()
            )
        return plan, people

    return read


class PlanDriver:
    """Walks the plan screen by screen, and opens the finished plan at the end.

    Each change is saved on the runner, one at a time: while a save is on its way a press is not
    taken (the next change must start from the saved plan, or it would undo this one), and the
    flow learns the saved plan even when its screen has closed meanwhile.
    """

    def __init__(self, ctx: AppContext, flow: SafetyPlanFlow) -> None:
        self.ctx = ctx
        self.flow = flow
        self.saving = False

    def step_screen(self) -> PlanStepScreen:
        kinds = {StepKind.WORDS: WordsStepScreen, StepKind.PEOPLE: PeopleStepScreen}
        return kinds[self.flow.step.kind](self.ctx, self)

    def show_step(self) -> None:
        self.ctx.nav().push(self.step_screen())

    def save(
        self, plan: SafetyPlan, on_saved: Callable[[], None], on_failed: Callable[[], None]
    ) -> bool:
        """Save `plan` on the runner; False (nothing asked) while another save is on its way."""
        if self.saving or not self.flow.ready:
            return False
        self.saving = True
        flow = self.flow

        def saved(_none: object) -> None:
            self.saving = False
            flow.kept(plan)
            on_saved()

        def failed(_error: Exception) -> None:
            self.saving = False
            on_failed()

        self.ctx.runner.run(lambda: flow.save(plan), saved, failed)
        return True

    def go_on(self) -> None:
        if self.flow.next():
            nav = self.ctx.nav()
            nav.home()
            nav.open("safety_plan.view")
        else:
            self.show_step()

    def step_closed(self) -> None:
        self.flow.back()


def start_plan(ctx: AppContext, part: Part = Part.WARNING_SIGNS) -> None:
    """Open the plan's step for `part` (the first by default), with what is kept so far: read
    on the runner first, so the step opens whole (and is read aloud whole when steps are)."""
    store = plan_store(ctx)
    if store is None:
        return
    flow = SafetyPlanFlow(store, suggestions(ctx), start=part, read=False)

    def opened(found: tuple[SafetyPlan, tuple[PlanEntry, ...]]) -> None:
        plan, people = found
        flow.fill(plan, {Part.PEOPLE_TO_ASK: people})
        PlanDriver(ctx, flow).show_step()

    def failed(_error: Exception) -> None:
        if ctx.runner.show_failure is not None:
            ctx.runner.show_failure(not_opened())

    ctx.runner.run(read_plan_work(ctx), opened, failed)


def not_opened() -> str:
    return _("Your plan could not be opened. Please go back and try again.")


def plan_step_screen(ctx: AppContext, part: Part = Part.WARNING_SIGNS) -> Screen:
    """The plan's step for `part`: it shows at once with a short wait sentence, and fills in
    with what is kept so far once the runner has read it (a person's own plan: a guest has no
    plan store)."""
    store = plan_store(ctx)
    if store is None:
        raise ValueError("A guest has no safety plan to make")
    flow = SafetyPlanFlow(store, suggestions(ctx), start=part, read=False)
    screen = PlanDriver(ctx, flow).step_screen()
    screen.read_plan()
    return screen


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
        if not self.flow.ready:
            self._say(_("Opening your plan..."), aloud=False)
        self.show_page(0)

    def read_plan(self) -> None:
        """Read the plan and the contacts on the runner, then fill in the step."""
        flow = self.flow

        def fill(found: tuple[SafetyPlan, tuple[PlanEntry, ...]]) -> None:
            plan, people = found
            flow.fill(plan, {Part.PEOPLE_TO_ASK: people})
            self.status.hide()
            self.show_page(0)
            self.retranslate()  # the lines' words, and the screen fitted to them
            first = next((b for b in self.choices() if b.isEnabled()), None)
            if first is not None and self.isVisible():
                first.setFocus()  # as a step shown at once has it: on its first line

        def failed(_error: Exception) -> None:
            self._say(not_opened())

        self.ctx.runner.run(read_plan_work(self.ctx), fill, failed, parent=self)

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
        ready = self.flow.ready
        for slot, button in enumerate(self.line_buttons):
            entry = self._entry_at(slot) if ready else None
            button.setVisible(entry is not None)
            button.setEnabled(entry is not None)
            button.setChecked(entry is not None and self.flow.is_chosen(entry))
            button.retranslate()
        many = ready and self._page_count() > 1
        self.page_button.setVisible(many)
        self.page_button.setEnabled(many)
        self.add_button.setEnabled(ready and not self.flow.is_full())
        self.next_button.setEnabled(ready)
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
        if entry is None or not self.driver.save(
            self.flow.toggled(entry),
            lambda: self.show_page(self.page) if isValid(self) else None,
            lambda: self._not_saved() if isValid(self) else None,
        ):
            self.show_page(self.page)  # not taken: the line shows as it is kept

    def _not_saved(self) -> None:
        self.show_page(self.page)
        self._say(_("That was not saved. Please try again."))

    def open_own_words(self) -> None:
        from ui.screens.safety_plan.own_words import OwnWordsScreen

        self.ctx.nav().push(OwnWordsScreen(self.ctx, self))

    def added(self) -> None:
        """Back from typing: show the page with the new line, and say it was kept."""
        self._say(_("Added to your plan."))
        self.show_page((len(self.flow.entries()) - 1) // LINES_PER_PAGE)

    def _say(self, sentence: str, *, aloud: bool = True) -> None:
        self.status.setText(sentence)
        self.status.show()
        self.setAccessibleDescription(sentence)
        if aloud:
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
