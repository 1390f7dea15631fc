"""The first run on screen: one widget per kind of step, walked on the navigation stack.

The rules live in companion.setup.flow; these screens show the current step, keep its answer in the
flow, apply looks live (text size and language restyle the real app as they are chosen), speak
each step when speech works, and finish by making the person off the UI thread.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from companion.i18n import _
from companion.setup.flow import (
    SetupError,
    SetupFlow,
    SetupResult,
    SetupStep,
    apply_person,
    apply_settings,
)
from companion.setup.progress import forget_progress, resumed_flow, save_progress
from ui.context import AppContext
from ui.screens.setup.step_row import StepRow
from ui.widgets.big_button import BigButton
from ui.widgets.fit import RoomSaver
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


class FirstRun:
    """Walks the steps: pushes one screen per step, and the summary at the end."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.flow = SetupFlow()
        self.pushed = 0
        self.result: SetupResult | None = None
        self.busy = False

    def start(self) -> None:
        """Begin, or go on where the person left it last time (their answers kept). A fresh
        start proposes the region from the computer's language and country."""
        preferences = self._preferences()
        if preferences is None:
            self._resumed(self.flow)
            return
        self.ctx.runner.run(lambda: resumed_flow(preferences), self._resumed)

    def _resumed(self, flow: SetupFlow) -> None:
        self.flow = flow
        if self.flow.index == 0 and self.flow.answers.region is None:
            self.propose_region()
        self.show(self.flow.index)

    def _preferences(self) -> Any:
        session = self.ctx.session
        return None if session is None or session.is_guest else session.preferences

    def propose_region(self) -> None:
        """Crisis lines for where the computer says it is (its language and country); the
        safety step shows it and asks. Not listed: "Somewhere else", never another country."""
        from PySide6.QtCore import QLocale

        from companion.safety.crisis import propose_region

        self.ctx.settings.set("region", propose_region(QLocale().name(), self.ctx.crisis))

    def show(self, index: int) -> None:
        """Open step `index` (or finish when past the last)."""
        self.flow.index = index
        if self.flow.finished:
            self.finish()
            return
        preferences = self._preferences()
        if preferences is not None:
            kept = copy.deepcopy(self.flow)  # as it is now; the person may press on meanwhile
            # Resuming is a kindness: a failure is logged and the setup itself goes on.
            self.ctx.runner.run(lambda: save_progress(kept, preferences), None, lambda _e: None)
        self.ctx.nav().push(self.screen_at(index))

    def screen_at(self, index: int) -> SetupStepScreen:
        """Step `index`'s screen, counted as pushed (for `show`, and to open a step by name)."""
        from ui.screens.setup.simple_steps import ChoiceStepScreen, NameStepScreen, ScaleStepScreen
        from ui.screens.setup.steps import ExtrasStepScreen, LockStepScreen, SafetyStepScreen

        kinds: dict[str, type[SetupStepScreen]] = {
            "choice": ChoiceStepScreen,
            "scale": ScaleStepScreen,
            "text": NameStepScreen,
            "lock": LockStepScreen,
            "safety": SafetyStepScreen,
            "extras": ExtrasStepScreen,
        }
        self.flow.index = index
        screen = kinds[self.flow.current.kind](self.ctx, self, index)
        self.pushed += 1
        return screen

    def go_on(self, index: int) -> None:
        self.flow.index = index
        self.flow.next()
        self.show(self.flow.index)

    def do_later(self, index: int) -> None:
        self.flow.index = index
        self.flow.do_later()
        self.show(self.flow.index)

    def finish(self) -> None:
        """Keep the settings now (on the UI thread: they restyle the window), then make the
        person off the UI thread (Argon2), then show the summary over a fresh Home."""
        if self.busy:
            return
        self.busy = True
        apply_settings(self.flow.answers, self.ctx.settings)
        session = self.ctx.session
        people = self.ctx.parts.people
        if session is None:
            self._done(None)
            return
        current = self.ctx.nav().current()
        if isinstance(current, SetupStepScreen):
            current.say(_("Setting things up. This takes a moment…"))
        answers, now = self.flow.answers, self.ctx.clock.now()
        self.ctx.runner.run(
            lambda: apply_person(answers, people, session, now),
            self._done,
            self._failed,
            parent=current,
        )

    def _done(self, result: SetupResult | None) -> None:
        from ui.screens.setup.summary import SummaryScreen

        self.busy = False
        self.result = result
        self.ctx.settings.set("first_run_done", True)
        preferences = result.session.preferences if result is not None else self._preferences()
        if preferences is not None:  # a failure is logged by the runner
            self.ctx.runner.run(lambda: forget_progress(preferences), None, lambda _e: None)
        if result is not None:
            from ui.start import switch_to

            switch_to(self.ctx, result.session)
        else:
            self.ctx.nav().home()
        self.pushed = 0
        code = result.recovery_code if result is not None else None
        if code:  # for the person alone, before the page a helper may print
            from ui.screens.setup.recovery_code import RecoveryCodeScreen

            self.ctx.nav().push(RecoveryCodeScreen(self.ctx, code, self._show_summary))
        else:
            self.ctx.nav().push(SummaryScreen(self.ctx, self))
        _log.info("First run finished")

    def _show_summary(self) -> None:
        """After the recovery code: the helper's page over a fresh Home (the code screen gone)."""
        from ui.screens.setup.summary import SummaryScreen

        self.ctx.nav().home()
        self.ctx.nav().push(SummaryScreen(self.ctx, self))

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        _log.error("First run could not finish", exc_info=exc)
        current = self.ctx.nav().current()
        if isinstance(current, SetupStepScreen):
            current.say(
                _("Something went wrong, and nothing was changed. Please press Next again.")
            )


def first_run_step(ctx: AppContext, index: int = 0) -> Screen:
    """Step `index` of a fresh first-run setup, for opening it by name (tests, screenshots)."""
    return FirstRun(ctx).screen_at(index)


class SetupStepScreen(Screen):
    """What every step shares: "Step 3 of 8", the question, a problem line, Back, Later, Next."""

    screen_id = "setup_step"
    is_step = True
    has_next = True  # a step whose choices move on by themselves has no Next

    def __init__(self, ctx: AppContext, run: FirstRun, index: int) -> None:
        super().__init__(ctx)
        self.run = run
        self.index = index
        self.step: SetupStep = run.flow.steps[index]
        self.set_title(lambda: _(self.step.question))
        self.where_label = self.add_text(self._where)
        self.add_text(lambda: _(self.step.explanation), explain=True)  # folds where room is short
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()
        self.fields: list[QWidget] = []
        self.build()
        if not self._grid_added:  # "Tell me more" goes there where room is short
            self.body_layout.addWidget(self.grid)
            self._grid_added = True
        # Back, Later and Next in one row below the step's own choices, on every page.
        self.step_row = StepRow()
        self.body_layout.addWidget(self.step_row)
        self.back_button: BigButton | None = None
        if index > 0:
            self.back_button = self._add_to_row(BigButton(lambda: _("Back"), "back"))
            self.back_button.clicked.connect(lambda: self.ctx.nav().back())
        self.later_button = self._add_to_row(BigButton(lambda: _("Do this later"), "later"))
        self.later_button.clicked.connect(lambda: self.run.do_later(self.index))
        self.next_button: BigButton | None = None
        if self.has_next:
            self.next_button = self._add_to_row(BigButton(lambda: _("Next"), "next"))
            self.next_button.clicked.connect(self.next)
        self.finish_layout()

    def fit(self) -> None:
        """As every screen fits, and the focus stays where it was: trying pages hides each
        choice for a moment, and Qt moves the focus on from a hidden one (to Back)."""
        focus = self.focusWidget()
        super().fit()
        if focus is not None and focus.isVisible() and not focus.hasFocus() and self.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_to_row(self, button: BigButton) -> BigButton:
        self.step_row.add(button)
        self._choice_buttons.append(button)  # read in "You can choose", retranslated
        return button

    def room_savers(self) -> list[RoomSaver]:
        """The row's words on two lines first: it keeps every word and every choice."""
        row = self.step_row
        own = self.step_savers()
        return [row.wrap_words, *super().room_savers(), *own, row.snug]

    def step_savers(self) -> list[RoomSaver]:
        """A kind of step's own ways to save room (tried before the row gets snug)."""
        return []

    def leave_for_home(self) -> bool:
        """Home during the setup asks first: stop for now (it is kept) or keep going."""
        self.ctx.nav().push(StopSetupScreen(self.ctx))
        return False

    def _where(self) -> str:
        return _("Step {number} of {total}").format(
            number=self.index + 1, total=len(self.run.flow.steps)
        )

    def build(self) -> None:
        """Subclasses add their fields and choices here."""

    def keep_answer(self) -> None:
        """Subclasses check and keep the answer; raise SetupError to stay on the step."""

    def next(self) -> None:
        try:
            self.keep_answer()
        except SetupError as exc:
            self.say(str(exc))
            return
        self.say("")
        self.run.go_on(self.index)

    def say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.status.setVisible(bool(sentence))
        self.setAccessibleDescription(sentence or self.body_text())
        if sentence and self.ctx.speech.available:
            self.ctx.speech.say(sentence)

    def choices(self) -> list[QWidget]:
        """The fields, the step's own choices (and Tell me more), then Back, Later, Next."""
        row = self.step_row.buttons()
        return [*self.fields, *[w for w in super().choices() if w not in row], *row]

    def on_shown(self) -> None:
        self.run.flow.index = self.index
        # The window focuses the first choice after this: focus it before the fit measures,
        # as its thicker ring makes its row a few px taller (enough to push Next off).
        first = next((w for w in self.choices() if w.isEnabled() and not w.isHidden()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        super().on_shown()
        if self.ctx.speech.available and not self.ctx.settings.get("read_steps_aloud"):
            # The first run talks by itself: the person may not know yet that it can.
            self.ctx.speech.say(f"{self.title()} {_(self.step.explanation)}")


class StopSetupScreen(Screen):
    """ "Stop setting up for now?" after Home is pressed during the setup."""

    screen_id = "setup_stop"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Stop setting up for now?"))
        self.add_text(
            lambda: _(
                "What you chose so far is kept. You can finish the next time you start Companion."
            )
        )
        self.stop_button = self.add_choice(BigButton(lambda: _("Yes, stop for now"), "home"))
        self.stop_button.clicked.connect(lambda: self.ctx.nav().home())
        self.keep_button = self.add_choice(BigButton(lambda: _("No, keep setting up"), "next"))
        self.keep_button.clicked.connect(lambda: self.ctx.nav().back())
        self.finish_layout()
