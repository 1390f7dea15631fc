"""Guided exercises as pure state machines: the screens poll them and show or say what they return.

Time comes only from the injected clock, so a test moves the clock and checks that breathing
follows the chosen pace exactly. Each `poll()` also says once when something new should be
spoken (a "breathe in" cue, or a step's words), so speech never repeats or gets skipped twice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from companion.clock import Clock
from companion.library.schema import BreathingPace, Exercise, ExerciseStep

BREATHE_IN = "in"
HOLD = "hold"
BREATHE_OUT = "out"
DONE = "done"


class _PausableTimer:
    """Seconds since start, not counting time spent paused (a person may pause at any time)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._started: datetime | None = None
        self._paused_at: datetime | None = None
        self._paused_seconds = 0.0

    def start(self) -> None:
        self._started = self._clock.now()
        self._paused_at = None
        self._paused_seconds = 0.0

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        if self._started is not None and self._paused_at is None:
            self._paused_at = self._clock.now()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_seconds += (self._clock.now() - self._paused_at).total_seconds()
            self._paused_at = None

    def elapsed(self) -> float:
        if self._started is None:
            return 0.0
        now = self._paused_at or self._clock.now()
        return max(0.0, (now - self._started).total_seconds() - self._paused_seconds)


@dataclass(frozen=True)
class BreathingMoment:
    """What the breathing screen shows now: the phase, how far into it, which breath."""

    phase: str  # BREATHE_IN, HOLD, BREATHE_OUT or DONE
    fraction: float  # 0 to 1 through the current phase
    size: float  # 0 (smallest) to 1 (largest): the calm shape's size
    seconds_left: int  # whole seconds left in this phase, for the plain counter
    breath: int  # 1 for the first breath
    breaths: int  # how many breaths in all
    cue: str | None  # the phase to say aloud now; None when nothing new started
    paused: bool

    @property
    def finished(self) -> bool:
        return self.phase == DONE


def breath_count(pace: BreathingPace, minutes: int) -> int:
    """Whole breaths that fit in `minutes` at `pace` (at least one)."""
    return max(1, round(minutes * 60 / pace.cycle_seconds))


class BreathingRun:
    """Paced breathing for a chosen number of minutes; the phases follow the pace exactly."""

    def __init__(self, pace: BreathingPace, minutes: int, clock: Clock) -> None:
        if not 1 <= minutes <= 5:
            raise ValueError(f"breathing lasts 1 to 5 minutes, not {minutes}")
        self.pace = pace
        self.minutes = minutes
        self.breaths = breath_count(pace, minutes)
        self._timer = _PausableTimer(clock)
        self._said: tuple[int, str] | None = None
        self._started = False

    @property
    def total_seconds(self) -> float:
        return self.breaths * self.pace.cycle_seconds

    def start(self) -> None:
        self._timer.start()
        self._said = None
        self._started = True

    def pause(self) -> None:
        self._timer.pause()

    def resume(self) -> None:
        self._timer.resume()

    def poll(self) -> BreathingMoment:
        """Where the breathing is now; `cue` is set once at the start of each phase."""
        if not self._started:
            raise RuntimeError("start() the breathing before polling it")
        moment = self.moment_at(self._timer.elapsed())
        said = (moment.breath, moment.phase)
        cue = moment.phase if said != self._said else None
        self._said = said
        return BreathingMoment(
            moment.phase,
            moment.fraction,
            moment.size,
            moment.seconds_left,
            moment.breath,
            moment.breaths,
            cue,
            self._timer.paused,
        )

    def moment_at(self, elapsed: float) -> BreathingMoment:
        """The phase `elapsed` seconds into the exercise (pure: no clock, no cue)."""
        pace = self.pace
        breath_index = int(elapsed // pace.cycle_seconds)
        if breath_index >= self.breaths:
            return BreathingMoment(DONE, 1.0, 0.0, 0, self.breaths, self.breaths, None, False)
        within = elapsed - breath_index * pace.cycle_seconds
        if within < pace.inhale:
            phase, start, length = BREATHE_IN, 0.0, pace.inhale
        elif within < pace.inhale + pace.hold:
            phase, start, length = HOLD, pace.inhale, pace.hold
        else:
            phase, start, length = BREATHE_OUT, pace.inhale + pace.hold, pace.exhale
        fraction = min(1.0, (within - start) / length)
        size = {BREATHE_IN: fraction, HOLD: 1.0, BREATHE_OUT: 1.0 - fraction}[phase]
        seconds_left = max(1, math.ceil(start + length - within - 1e-9))
        return BreathingMoment(
            phase, fraction, size, seconds_left, breath_index + 1, self.breaths, None, False
        )


@dataclass(frozen=True)
class StepMoment:
    """What a step-by-step exercise shows now."""

    index: int  # 0 for the first step
    count: int
    step: ExerciseStep
    seconds_left: int | None  # for a timed step; None otherwise
    choice: str | None  # the choice made on a "choose" step
    announce: bool  # True once when the step opens: show it and say its words
    finished: bool
    paused: bool

    @property
    def can_go_back(self) -> bool:
        return self.index > 0

    @property
    def can_go_on(self) -> bool:
        """A "choose" step waits for a choice; every other step can always move on."""
        return self.step.kind != "choose" or self.choice is not None


class GuidedRun:
    """One run through a step-by-step exercise (grounding, relaxation, planner).

    Read steps wait for Next; timed steps move on by themselves when their time is up (and wait
    while paused); choose steps wait for a choice. Back is always possible.
    """

    def __init__(self, exercise: Exercise, clock: Clock) -> None:
        if not exercise.steps:
            raise ValueError(f"exercise {exercise.id} has no steps to guide")
        self.exercise = exercise
        self._timer = _PausableTimer(clock)
        self._index = 0
        self._choices: dict[str, str] = {}
        self._announced: int | None = None
        self._finished = False
        self._timer.start()

    @property
    def steps(self) -> tuple[ExerciseStep, ...]:
        return self.exercise.steps

    def choices(self) -> dict[str, str]:
        """The choices made so far, by step id."""
        return dict(self._choices)

    def poll(self) -> StepMoment:
        step = self.steps[self._index]
        timed = not self._finished and step.kind == "timed" and step.seconds is not None
        if timed and step.seconds is not None and self._timer.elapsed() >= step.seconds:
            self.next()
            step = self.steps[self._index]
        seconds_left = None
        if step.kind == "timed" and step.seconds is not None and not self._finished:
            seconds_left = max(1, math.ceil(step.seconds - self._timer.elapsed() - 1e-9))
        announce = self._announced != self._index and not self._finished
        self._announced = self._index
        return StepMoment(
            index=self._index,
            count=len(self.steps),
            step=step,
            seconds_left=seconds_left,
            choice=self._choices.get(step.id),
            announce=announce,
            finished=self._finished,
            paused=self._timer.paused,
        )

    def next(self) -> None:
        """Move on; after the last step the exercise is finished. Ignored while a choice waits."""
        step = self.steps[self._index]
        if step.kind == "choose" and step.id not in self._choices:
            return
        if self._index + 1 < len(self.steps):
            self._go_to(self._index + 1)
        else:
            self._finished = True

    def back(self) -> None:
        self._finished = False
        if self._index > 0:
            self._go_to(self._index - 1)

    def again(self) -> None:
        """Say and time the current step again from its start."""
        self._go_to(self._index)

    def choose(self, choice_id: str) -> None:
        step = self.steps[self._index]
        if choice_id not in {c.id for c in step.choices}:
            raise ValueError(f"step {step.id} has no choice {choice_id!r}")
        self._choices[step.id] = choice_id

    def pause(self) -> None:
        self._timer.pause()

    def resume(self) -> None:
        self._timer.resume()

    def _go_to(self, index: int) -> None:
        was_paused = self._timer.paused
        self._index = index
        self._announced = None
        self._timer.start()
        if was_paused:
            self._timer.pause()
