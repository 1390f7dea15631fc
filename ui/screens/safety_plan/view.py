"""The finished plan: people to call first (each a big button), then the whole plan a part at a
time, read aloud from start to end, printed in large print, changed, or deleted."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from shiboken6 import isValid

from companion.i18n import _
from companion.safety.crisis import localized
from companion.safety_plan.flow import PLAN_STEPS
from companion.safety_plan.plan import PlanEntry, SafetyPlan
from companion.safety_plan.reading import EMPTY_PART, part_title, plan_outline, plan_sentences
from ui.context import AppContext
from ui.shared.safety_plan_ways_in import plan_store
from ui.widgets.big_button import BigButton
from ui.widgets.choice_grid import ChoiceGrid
from ui.widgets.fit import RoomSaver
from ui.widgets.screen import Screen, SpokenPart

_log = logging.getLogger(__name__)
PEOPLE_PER_PAGE = 3
"""Three people, "More people", "See my whole plan" and "Read my plan to me": six choices."""


def read_plan(
    screen: Screen, on_read: Callable[[SafetyPlan], None], on_failed: Callable[[], None]
) -> None:
    """Read the plan on the runner, then `on_read(plan)` (a guest's is empty) or `on_failed()`."""
    store = plan_store(screen.ctx)
    screen.ctx.runner.run(
        (lambda: SafetyPlan()) if store is None else store.plan,
        on_read,
        lambda _error: on_failed(),
        parent=screen,
    )


def not_opened_words() -> str:
    return _("Your plan could not be opened. Please try again.")


def waiting_words() -> str:
    return _("Opening your plan...")


def read_whole_plan(ctx: AppContext, plan: SafetyPlan) -> None:
    """Say the plan from start to end (pressing again starts it over)."""
    ctx.speech.stop()
    ctx.speech.say_sequence(plan_sentences(plan))


class PlanScreen(Screen):
    """ "My safety plan": who to call first, each person or number one big button."""

    screen_id = "safety_plan"
    is_step = True

    def __init__(self, ctx: AppContext, *, start_when_empty: bool = False) -> None:
        super().__init__(ctx)
        self.plan = SafetyPlan()
        self.people: list[PlanEntry] = []  # until the plan is read
        self.read = False
        self.start_when_empty = start_when_empty
        self.page = 0
        self.set_title(lambda: _("My safety plan"))
        self.add_text(
            lambda: _("People you can call now. Press a name to see the number big."), explain=True
        )
        self.said: Callable[[], str] = waiting_words  # the status line's words, until changed
        self.status = self.add_text(lambda: self.said(), notice=True)
        self.person_buttons: list[BigButton] = []
        for slot in range(PEOPLE_PER_PAGE):
            button = self.add_choice(BigButton(partial(self._person_words, slot), "phone"))
            button.clicked.connect(partial(self.show_person, slot))
            self.person_buttons.append(button)
        self.more_button = self.add_choice(BigButton(lambda: _("More people"), "plus"))
        self.more_button.clicked.connect(self.turn_page)
        self.whole_button = self.add_choice(BigButton(lambda: _("See my whole plan"), "learn"))
        self.whole_button.clicked.connect(lambda: ctx.nav().push(PlanPartsScreen(ctx)))
        self.read_button = self.add_choice(BigButton(lambda: _("Read my plan to me"), "read-aloud"))
        self.read_button.clicked.connect(lambda: read_whole_plan(ctx, self.plan))
        self.add_text(
            lambda: _("Companion does not call anyone for you. You make the call."),
            below_choices=True,
            explain=True,
        )
        self.finish_layout()
        self.show_page(0)
        read_plan(self, self.fill, self.not_read)

    def not_read(self) -> None:
        """The plan could not be read: say so, and show the region's lines to call."""
        self.people = self._region_lines()
        self.show_page(0)
        self.said = not_opened_words
        self.status.setText(self.said())
        self.status.show()
        self.retranslate()

    def fill(self, plan: SafetyPlan) -> None:
        """The plan as read: its people to call (or the region's lines), or, opened by name with
        no plan yet, the gentle start in its place."""
        nav = self.ctx.nav()
        if plan.is_empty and self.start_when_empty and nav.current() is self:
            nav.back()  # never over a screen the person has gone on to meanwhile
            nav.open("safety_plan.intro")
            return
        self.plan, self.read = plan, True
        self.people = list(plan.people_to_call()) or self._region_lines()
        self.said = str
        self.status.setText("")
        self.status.hide()
        self.show_page(0)
        self.retranslate()  # the people's words, and the screen fitted to them
        first = next((b for b in self.choices() if b.isEnabled()), None)
        if first is not None and self.isVisible():
            first.setFocus()

    def _region_lines(self) -> list[PlanEntry]:
        """With no numbers in the plan yet, the crisis lines of the person's region."""
        region = self.ctx.crisis.region(self.ctx.settings.get("region"))
        return [
            PlanEntry(localized(line.name, self.ctx.language()), line.number)
            for line in region.lines
            if line.number  # a directory on the internet has no number to call
        ][:PEOPLE_PER_PAGE]

    def _entry(self, slot: int) -> PlanEntry | None:
        index = self.page * PEOPLE_PER_PAGE + slot
        return self.people[index] if index < len(self.people) else None

    def _person_words(self, slot: int) -> str:
        entry = self._entry(slot)
        return "" if entry is None else f"{entry.text}: {entry.phone}"

    def show_page(self, page: int) -> None:
        pages = max(1, -(-len(self.people) // PEOPLE_PER_PAGE))
        self.page = page % pages
        for slot, button in enumerate(self.person_buttons):
            shown = self._entry(slot) is not None
            button.setVisible(shown)
            button.setEnabled(shown)
            button.retranslate()
        self.more_button.setVisible(pages > 1)
        self.more_button.setEnabled(pages > 1)
        for button in (self.whole_button, self.read_button):
            button.setEnabled(self.read)
        self.grid.refresh()

    def turn_page(self) -> None:
        self.show_page(self.page + 1)
        if self.isVisible():
            self.person_buttons[0].setFocus()

    def show_person(self, slot: int) -> None:
        entry = self._entry(slot)
        if entry is None:
            return
        sentence = _("Call {name} on {number}.").format(name=entry.text, number=entry.phone)
        self.said = lambda: sentence
        self.status.setText(sentence)
        self.status.setStyleSheet(f"font-size: {self.ctx.look().points(30)}pt;")
        self.status.show()
        self.setAccessibleDescription(sentence)
        self.ctx.speech.stop()
        self.ctx.speech.say(sentence)


class PlanPartsScreen(Screen):
    """The whole plan, one part per page so every choice stays on screen; read aloud whole."""

    screen_id = "safety_plan_parts"

    def __init__(self, ctx: AppContext, part_index: int = 0) -> None:
        super().__init__(ctx)
        self.plan = SafetyPlan()
        self.read = False  # until the runner has read the plan, the lines say to wait
        self.lines_large = True  # the plan's lines in large print, unless room is short
        self.index = part_index
        self.set_title(lambda: _("My whole plan"))
        self.heading = self.add_text(self._heading_words, notice=True)
        self.lines = self.add_text(self._lines_words)
        self.said = ""
        self.status = self.add_text(lambda: self.said, notice=True)
        self.status.hide()
        self.previous_button = self.add_choice(
            BigButton(lambda: _("Previous part"), "back", short_fn=lambda: _("Previous"))
        )
        self.previous_button.clicked.connect(lambda: self.show_part(self.index - 1))
        self.next_button = self.add_choice(
            BigButton(lambda: _("Next part"), "next", short_fn=lambda: _("Next"))
        )
        self.next_button.clicked.connect(lambda: self.show_part(self.index + 1))
        self.read_button = self.add_choice(BigButton(lambda: _("Read it all to me"), "read-aloud"))
        self.read_button.clicked.connect(lambda: read_whole_plan(ctx, self.plan))
        self.print_button = self.add_choice(BigButton(lambda: _("Print in large letters"), "check"))
        self.print_button.clicked.connect(self.save_pdf)
        self.change_button = self.add_choice(BigButton(lambda: _("Change this part"), "plus"))
        self.change_button.clicked.connect(self.change_part)
        self.delete_button = self.add_choice(BigButton(lambda: _("Delete my plan"), "delete"))
        self.delete_button.clicked.connect(self.confirm_delete)
        # Previous part / Next part: a row of their own, on screen whatever page the other
        # choices are on (two ways of moving on one screen would confuse).
        self.moves = ChoiceGrid(max_columns=2)
        self.add_widget(self.moves)
        self.grid.set_items([w for w in self.grid.items() if w not in self.move_buttons()])
        for button in self.move_buttons():
            self.moves.add(button)
        self.finish_layout()
        self.show_part(part_index)
        read_plan(self, self.fill, self.not_read)

    def not_read(self) -> None:
        self._say(not_opened_words())

    def move_buttons(self) -> list[BigButton]:
        return [self.previous_button, self.next_button]

    def snug_choices(self, on: bool) -> None:
        super().snug_choices(on)
        for button in self.move_buttons():
            if bool(button.property("snug")) != on:
                button.setProperty("snug", on)
                button.style().unpolish(button)
                button.style().polish(button)

    def fill(self, plan: SafetyPlan) -> None:
        self.plan, self.read = plan, True
        self.show_part(self.index)

    def room_savers(self) -> list[RoomSaver]:
        """Where room is short, after the usual savers, the plan's lines go from their large
        print to the person's body text size, so the choices need fewer pages."""
        return [
            *super().room_savers(),
            self._moves_side_by_side,
            self._plain_heading,
            self._lines_at_body_size,
            self._read_by_the_top_bar,
            self._heading_only,
        ]

    def _heading_only(self, on: bool) -> None:
        """Where the other choices still page, the part's heading ("Part 1 of 7: ...") says
        where the person is: the screen's title makes room for the page's choices."""
        self.title_label.setVisible(not on)

    def _read_by_the_top_bar(self, on: bool) -> None:
        """The top bar's "Read this to me" reads the whole plan too: where room is short,
        "Read it all to me" leaves the choices, so they need fewer pages."""
        self.read_button.setVisible(not on)

    def _moves_side_by_side(self, on: bool) -> None:
        """Previous part and Next part side by side: "Previous" and "Next" (the part's number
        is in the words above; the names keep the full words)."""
        for button in self.move_buttons():
            button.set_short(on)
        self.moves.refresh()

    def _plain_heading(self, on: bool) -> None:
        """The part's heading in bold body-size words, without its frame."""
        self.heading.setStyleSheet("border: none; padding: 0; font-weight: bold;" if on else "")

    def _lines_at_body_size(self, on: bool) -> None:
        self.lines_large = not on
        self._style_lines()

    def _style_lines(self) -> None:
        points = self.ctx.look().points(24) if self.lines_large else None
        self.lines.setStyleSheet(f"font-size: {points}pt;" if points else "")

    def _heading_words(self) -> str:
        part = PLAN_STEPS[self.index].part
        return _("Part {number} of {count}: {title}").format(
            number=self.index + 1, count=len(PLAN_STEPS), title=part_title(part)
        )

    def _lines_words(self) -> str:
        if not self.read:
            return waiting_words()
        _title, lines = plan_outline(self.plan)[self.index]
        return "\n".join(f"• {line}" for line in lines) if lines else _(EMPTY_PART)

    def show_part(self, index: int) -> None:
        self.index = max(0, min(index, len(PLAN_STEPS) - 1))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(PLAN_STEPS) - 1)
        for button in (self.read_button, self.print_button, self.change_button):
            button.setEnabled(self.read)
        self._style_lines()
        self.retranslate()
        focus = self.focusWidget()
        if self.isVisible() and focus is not None and not focus.isEnabled():
            (self.next_button if self.next_button.isEnabled() else self.previous_button).setFocus()

    def reading_order(self) -> list[SpokenPart]:
        """ "Read this to me" reads the whole plan, start to end, then the choices."""
        parts = [SpokenPart(s, None) for s in plan_sentences(self.plan)]
        return parts + [p for p in super().reading_order() if p.label is None]

    def _say(self, sentence: str) -> None:
        self.said = sentence
        self.status.setText(sentence)
        self.status.show()
        self.setAccessibleDescription(sentence)

    def save_pdf(self) -> None:
        from ui.screens.safety_plan.printing import PlanFiles, write_plan_pdf

        path = PlanFiles.save_path(self, _("my-safety-plan") + ".pdf")
        if path is None:
            return
        name = self.ctx.session.display_name if self.ctx.session is not None else ""
        try:
            write_plan_pdf(self.plan, name, path)
        except OSError:
            _log.exception("Saving the plan as PDF failed")
            self._say(_("Your plan could not be saved there. Please choose another place."))
        else:
            self._say(
                _("Saved: {name}. You can print it and keep it on the fridge.").format(
                    name=path.name
                )
            )

    def change_part(self) -> None:
        from ui.screens.safety_plan.steps import start_plan

        start_plan(self.ctx, PLAN_STEPS[self.index].part)

    def confirm_delete(self) -> None:
        from ui.shared.people_common import ConfirmInWordsScreen

        self.ctx.nav().push(
            ConfirmInWordsScreen(
                self.ctx,
                lambda: _("Delete your safety plan? This cannot be undone."),
                yes=lambda: _("Yes, delete my plan"),
                no=lambda: _("No, keep my plan"),
                on_yes=self.delete_plan,
                explanation=lambda: _("Only the plan is deleted. Your check-ins stay."),
            )
        )

    def delete_plan(self) -> None:
        """Delete on the runner; Home once it is gone, or a kind sentence if it is not."""
        store, ctx = plan_store(self.ctx), self.ctx
        if store is None:
            ctx.nav().home()
            return

        def failed(_error: Exception) -> None:
            ctx.nav().back()  # to the plan, which is still there
            if isValid(self):
                self._say(_("Your plan was not deleted. Please try again."))

        ctx.runner.run(store.delete, lambda _none: ctx.nav().home(), failed)

    def on_shown(self) -> None:
        """Back from changing a part: show what is kept now (the first read is asked as the
        screen is built)."""
        if self.read:
            read_plan(self, self.fill, self.not_read)
        super().on_shown()
