"""Paced breathing: choose a pace and how long, then breathe with the shape and the spoken cues.

The screen only shows what `companion.library.exercise_flow.BreathingRun` says at each tick; the
timing lives there, on the injected clock. With "less motion" on, a plain counter replaces the
moving shape.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from companion.i18n import _
from companion.library.exercise_flow import (
    BREATHE_IN,
    BREATHE_OUT,
    HOLD,
    BreathingMoment,
    BreathingRun,
)
from companion.library.schema import BreathingPace, Exercise
from ui.context import AppContext
from ui.screens.learn.exercise.shape import BreathingShape
from ui.screens.learn.tiles import LearnButton
from ui.shared.library import content_language
from ui.widgets.screen import Screen

TICK_MS = 50  # how often the screen asks the run where it is (smooth enough for the shape)
PHASE_POINTS = 40  # the phase words, at 100% text size


def _minutes_text(minutes: int) -> str:
    # Two plain messages rather than ngettext: the catalogs keep one form per message.
    if minutes == 1:
        return _("1 minute")
    return _("{n} minutes").format(n=minutes)


class BreathingSetupScreen(Screen):
    """Pick a pace (three buttons) and a length (fewer / more), then Start."""

    screen_id = "breathing_setup"

    def __init__(self, ctx: AppContext, exercise: Exercise) -> None:
        super().__init__(ctx)
        self.exercise = exercise
        self.pace_id = exercise.default_pace
        self.minutes = exercise.default_minutes
        self.set_title(lambda: exercise.title.get(content_language(ctx)))
        for step in exercise.steps:
            self.add_text(partial(lambda s: s.text.get(content_language(ctx)), step))
        self.add_text(lambda: _("Choose how fast to breathe, and for how long."))
        self.pace_buttons: dict[str, LearnButton] = {}
        for pace in exercise.paces:
            button = LearnButton(
                partial(self._pace_text, pace), None, checkable=True, line_chars=30
            )
            button.clicked.connect(partial(self.choose_pace, pace.id))
            self.pace_buttons[pace.id] = self.add_choice(button)  # type: ignore[assignment]
        self.fewer_button = self.add_choice(LearnButton(lambda: _("Fewer minutes"), "back"))
        self.more_button = self.add_choice(LearnButton(lambda: _("More minutes"), "more"))
        self.start_button = self.add_choice(LearnButton(self._start_text, "breathing"))
        self.fewer_button.clicked.connect(partial(self.change_minutes, -1))
        self.more_button.clicked.connect(partial(self.change_minutes, 1))
        self.start_button.clicked.connect(self.start)
        self.finish_layout()
        self.choose_pace(self.pace_id)

    def _pace_text(self, pace: BreathingPace) -> str:
        return _("{name}: in {inhale:g}, out {exhale:g} seconds").format(
            name=pace.name.get(content_language(self.ctx)), inhale=pace.inhale, exhale=pace.exhale
        )

    def _start_text(self) -> str:
        return _("Start: {minutes}").format(minutes=_minutes_text(self.minutes))

    def choose_pace(self, pace_id: str) -> None:
        self.pace_id = pace_id
        for button_id, button in self.pace_buttons.items():
            button.setChecked(button_id == pace_id)

    def change_minutes(self, step: int) -> None:
        choices = self.exercise.minutes_choices
        index = choices.index(self.minutes) + step
        self.minutes = choices[max(0, min(index, len(choices) - 1))]
        self.fewer_button.setEnabled(self.minutes > choices[0])
        self.more_button.setEnabled(self.minutes < choices[-1])
        self.start_button.retranslate()
        if not self.focusWidget() or not self.focusWidget().isEnabled():
            self.start_button.setFocus()

    def start(self) -> None:
        pace = self.exercise.pace(self.pace_id)
        self.ctx.nav().push(BreathingScreen(self.ctx, self.exercise, pace, self.minutes))


class BreathingScreen(Screen):
    """Breathe with the shape (or the plain counter) until the chosen minutes are over."""

    screen_id = "breathing"

    def __init__(
        self, ctx: AppContext, exercise: Exercise, pace: BreathingPace, minutes: int
    ) -> None:
        super().__init__(ctx)
        self.exercise = exercise
        self.run = BreathingRun(pace, minutes, ctx.clock)
        self.moment: BreathingMoment | None = None
        self._paused_by_leaving = False
        self.set_title(lambda: exercise.title.get(content_language(ctx)))
        self.shape = BreathingShape()
        self.shape.setAccessibleName(_("A circle that grows and shrinks with your breath"))
        self.add_widget(self.shape)
        self.phase_label: QLabel = self.add_text(self._phase_text)
        self.count_label = self.add_text(self._count_text)
        self.pause_button = self.add_choice(LearnButton(self._pause_text, "pause"))
        self.again_button = self.add_choice(LearnButton(lambda: _("Again"), "breathing"))
        self.done_button = self.add_choice(LearnButton(lambda: _("Done"), "continue"))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.again_button.clicked.connect(self.restart)
        self.done_button.clicked.connect(lambda: ctx.nav().back())
        self.finish_layout()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.restart()

    # --- words on screen ----------------------------------------------------------------
    def _cue(self, phase: str) -> str:
        language = content_language(self.ctx)
        wording = {
            BREATHE_IN: self.exercise.cue_in,
            HOLD: self.exercise.cue_hold,
            BREATHE_OUT: self.exercise.cue_out,
        }.get(phase)
        return wording.get(language) if wording else ""

    def less_motion(self) -> bool:
        return bool(self.ctx.settings.get("less_motion"))

    def _phase_text(self) -> str:
        moment = self.moment
        if moment is None:
            return ""
        if moment.finished:
            return _("Well done. Notice how you feel now.")
        words = self._cue(moment.phase)
        if moment.paused:
            return _("Paused.") + " " + words
        if self.less_motion():
            return f"{words} … {moment.seconds_left}"
        return words

    def _count_text(self) -> str:
        moment = self.moment
        if moment is None or moment.finished:
            return ""
        return _("Breath {breath} of {breaths}").format(
            breath=moment.breath, breaths=moment.breaths
        )

    def _pause_text(self) -> str:
        return _("Carry on") if self.run_paused() else _("Pause")

    def run_paused(self) -> bool:
        return self.moment is not None and self.moment.paused

    # --- running ------------------------------------------------------------------------
    def restart(self) -> None:
        self.run.start()
        self.moment = None
        self.tick()
        if self.isVisible():
            self.timer.start()
            self.pause_button.setFocus()

    def tick(self) -> None:
        moment = self.run.poll()
        self.moment = moment
        if moment.cue and moment.cue != "done":
            self.ctx.speech.say(self._cue(moment.cue))
        if moment.finished:
            self.timer.stop()
        self.shape.setVisible(not self.less_motion() and not moment.finished)
        self.shape.set_size_fraction(moment.size)
        self.pause_button.setVisible(not moment.finished)
        self.pause_button.setEnabled(not moment.finished)
        for button in (self.again_button, self.done_button):
            button.setVisible(moment.finished)
            button.setEnabled(moment.finished)
        ending_buttons_focused = self.done_button.hasFocus() or self.again_button.hasFocus()
        if moment.finished and self.isVisible() and not ending_buttons_focused:
            self.done_button.setFocus()
        self.phase_label.setText(self._phase_text())
        self.count_label.setText(self._count_text())
        self.pause_button.retranslate()

    def toggle_pause(self) -> None:
        if self.run_paused():
            self.run.resume()
        else:
            self.run.pause()
            self.ctx.speech.stop()
        self.tick()

    # --- screen life --------------------------------------------------------------------
    def on_shown(self) -> None:
        palette = self.ctx.look().palette
        self.shape.set_colours(palette.chosen, palette.edge)
        points = self.ctx.look().points(PHASE_POINTS)
        self.phase_label.setStyleSheet(f"font-size: {points}pt;")
        self.phase_label.setMinimumHeight(round(points * 2.2))  # about one line at that size
        if self._paused_by_leaving:
            self._paused_by_leaving = False
            self.run.resume()
        if self.moment is None or not self.moment.finished:
            self.timer.start()
        self.tick()
        super().on_shown()

    def on_hidden(self) -> None:
        """Get help now or Back: pause, so nothing goes on behind the person's back."""
        self.timer.stop()
        if not self.run_paused():
            self.run.pause()
            self._paused_by_leaving = True
        super().on_hidden()

    def on_closed(self) -> None:
        self.timer.stop()
        super().on_closed()
