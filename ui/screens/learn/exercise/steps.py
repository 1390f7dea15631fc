"""A step-by-step exercise (grounding, relaxation, the planner): one step per view, shown and said.

One widget for every kind of step: read steps wait for Next, timed steps count down and move on
by themselves (Pause stops them), and choose steps show up to four big choices.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon

from companion.i18n import _
from companion.library.exercise_flow import GuidedRun, StepMoment
from companion.library.schema import Exercise
from ui.context import AppContext
from ui.screens.learn.tiles import LearnButton
from ui.shared.library import content_language, learn_services
from ui.widgets.fit import RoomSaver
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)
TICK_MS = 200
STEP_POINTS = 26  # the step's words, at 100% text size
MAX_SHOWN_CHOICES = 4


class GuidedScreen(Screen):
    screen_id = "guided_exercise"
    is_step = True

    def __init__(self, ctx: AppContext, exercise: Exercise) -> None:
        super().__init__(ctx)
        self.exercise = exercise
        self.run = GuidedRun(exercise, ctx.clock)
        self.step_large = True  # the step's words in large print, unless room is short
        self.moment: StepMoment = self.run.poll()
        self.set_title(lambda: exercise.title.get(content_language(ctx)))
        self.position_label = self.add_text(self._position_text)
        self.step_label = self.add_text(self._step_text)
        self.timer_label = self.add_text(self._timer_text)
        self.choice_buttons: list[LearnButton] = []
        for slot in range(MAX_SHOWN_CHOICES):
            button = LearnButton(partial(self._choice_text, slot), None, checkable=True)
            button.clicked.connect(partial(self._choose, slot))
            self.choice_buttons.append(button)
            self.add_widget(button, focusable=True)
        self.previous_button = self.add_choice(LearnButton(lambda: _("Previous step"), "back"))
        self.next_button = self.add_choice(LearnButton(self._next_text, "next"))
        self.pause_button = self.add_choice(LearnButton(self._pause_text, "pause"))
        self.previous_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_on)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.finish_layout()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self._show_moment(self.moment, speak=False)
        self.run.again()  # so the first step is said when the screen is first shown
        self._paused_by_leaving = False

    # --- words --------------------------------------------------------------------------
    def _position_text(self) -> str:
        return _("Step {step} of {count}").format(
            step=self.moment.index + 1, count=self.moment.count
        )

    def _step_text(self) -> str:
        return self.moment.step.text.get(content_language(self.ctx))

    def _timer_text(self) -> str:
        left = self.moment.seconds_left
        if left is None:
            return ""
        if self.moment.paused:
            return _("Paused.")
        return _("{seconds} seconds").format(seconds=left)

    def _next_text(self) -> str:
        return _("Finish") if self.moment.index == self.moment.count - 1 else _("Next step")

    def _pause_text(self) -> str:
        return _("Carry on") if self.moment.paused else _("Pause")

    def _choice_text(self, slot: int) -> str:
        choices = self.moment.step.choices
        return choices[slot].text.get(content_language(self.ctx)) if slot < len(choices) else ""

    # --- moving -------------------------------------------------------------------------
    def tick(self) -> None:
        moment = self.run.poll()
        changed = moment.index != self.moment.index or moment.announce
        self.moment = moment
        if moment.finished:
            self._finish()
            return
        self._show_moment(moment, speak=changed)

    def _show_moment(self, moment: StepMoment, speak: bool) -> None:
        step = moment.step
        timed = step.kind == "timed"
        self.timer_label.setVisible(timed)
        self.pause_button.setVisible(timed)
        self.pause_button.setEnabled(timed)
        self.previous_button.setEnabled(moment.can_go_back)
        self.next_button.setEnabled(moment.can_go_on)
        for slot, button in enumerate(self.choice_buttons):
            shown = slot < len(step.choices)
            button.setVisible(shown)
            button.setEnabled(shown)
            button.setChecked(shown and step.choices[slot].id == moment.choice)
            button.retranslate()
        self._style_step()
        self.retranslate()
        if speak:
            self.ctx.speech.stop()
            self.ctx.speech.say(step.spoken.get(content_language(self.ctx)))
        focus = self.focusWidget()
        if self.isVisible() and (focus is None or not focus.isEnabled() or not focus.isVisible()):
            first = next((b for b in self.choice_buttons if b.isEnabled()), self.next_button)
            first.setFocus()

    # --- fitting: every choice on screen -----------------------------------------------------
    def room_savers(self) -> list[RoomSaver]:
        """After the usual savers: the step's words from large print to body size, then the
        choices side by side (their words on two short lines, no icon)."""
        return [*super().room_savers(), self._step_at_body_size, self._choices_in_a_row]

    def _step_at_body_size(self, on: bool) -> None:
        self.step_large = not on
        self._style_step()

    def _style_step(self) -> None:
        points = self.ctx.look().points(STEP_POINTS) if self.step_large else None
        self.step_label.setStyleSheet(f"font-size: {points}pt;" if points else "")

    def _choices_in_a_row(self, on: bool) -> None:
        for button, icon in (
            (self.previous_button, "back"),
            (self.next_button, "next"),
            (self.pause_button, "pause"),
        ):
            button.set_line_chars(10 if on else 24)
            button.set_icon_name(None if on else icon)
            if on:
                button.setIcon(QIcon())

    def go_on(self) -> None:
        self.run.next()
        self.tick()

    def go_back(self) -> None:
        self.run.back()
        self.tick()

    def toggle_pause(self) -> None:
        if self.moment.paused:
            self.run.resume()
        else:
            self.run.pause()
        self.tick()

    def _choose(self, slot: int) -> None:
        self.run.choose(self.moment.step.choices[slot].id)
        self.tick()
        self.next_button.setFocus()

    def _finish(self) -> None:
        self.timer.stop()
        if self.exercise.kind == "planner":
            self._save_plan()
        self.ctx.nav().back()

    def _save_plan(self) -> None:
        choices = self.run.choices()
        if not choices:
            return
        today = self.ctx.clock.now().astimezone().date()
        plan = learn_services(self.ctx).plans.plan_for_tomorrow(
            self.exercise.id, next(iter(choices.values())), today
        )
        _log.info("Planned an activity for %s", plan.day.isoformat())

    # --- screen life --------------------------------------------------------------------
    def on_shown(self) -> None:
        if self._paused_by_leaving:
            self._paused_by_leaving = False
            self.run.resume()
        self.timer.start()
        self.tick()
        super().on_shown()

    def on_hidden(self) -> None:
        """Get help now covers the exercise: hold the step's timer until the person is back."""
        self.timer.stop()
        if not self.moment.paused:
            self.run.pause()
            self._paused_by_leaving = True
        super().on_hidden()

    def on_closed(self) -> None:
        self.timer.stop()
        super().on_closed()
