"""The guided exercises follow the injected clock: breathing keeps the chosen pace exactly."""

from __future__ import annotations

import pytest

from companion.clock import FixedClock
from companion.library.exercise_flow import (
    BREATHE_IN,
    BREATHE_OUT,
    DONE,
    HOLD,
    BreathingRun,
    GuidedRun,
    breath_count,
)
from companion.library.packs import Library, load_installed_library
from companion.library.schema import BreathingPace, Wording
from companion.paths import content_dir


@pytest.fixture(scope="module")
def library() -> Library:
    return load_installed_library(content_dir(), None).library


def _pace(inhale: float, exhale: float, hold: float = 0.0) -> BreathingPace:
    return BreathingPace("test", Wording("Test", "Test"), inhale, hold, exhale)


def _phases_every_half_second(run: BreathingRun, clock: FixedClock, seconds: float) -> list[str]:
    cues = []
    for _ in range(int(seconds * 2)):
        moment = run.poll()
        if moment.cue:
            cues.append(f"{clock.now().second}:{moment.cue}")
        clock.advance(0.5)
    return cues


@pytest.mark.parametrize("pace_id", ["quicker", "calm", "slow"])
def test_breathing_cues_come_exactly_when_the_chosen_pace_says(
    library: Library, pace_id: str
) -> None:
    exercise = library.exercise("breathing")
    assert exercise is not None
    pace = exercise.pace(pace_id)
    clock = FixedClock()
    start = clock.now().second
    run = BreathingRun(pace, 1, clock)
    run.start()
    cues = _phases_every_half_second(run, clock, pace.cycle_seconds * 2)
    inhale, cycle = int(pace.inhale), int(pace.cycle_seconds)
    assert cues == [
        f"{start}:{BREATHE_IN}",
        f"{start + inhale}:{BREATHE_OUT}",
        f"{start + cycle}:{BREATHE_IN}",
        f"{start + cycle + inhale}:{BREATHE_OUT}",
    ]


def test_a_slower_pace_is_still_breathing_in_when_a_faster_one_breathes_out() -> None:
    clock = FixedClock()
    fast, slow = BreathingRun(_pace(3, 4), 1, clock), BreathingRun(_pace(5, 7), 1, clock)
    fast.start()
    slow.start()
    clock.advance(3.5)
    assert fast.poll().phase == BREATHE_OUT
    assert slow.poll().phase == BREATHE_IN


def test_the_shape_grows_while_breathing_in_and_shrinks_while_breathing_out() -> None:
    clock = FixedClock()
    run = BreathingRun(_pace(4, 6), 1, clock)
    run.start()
    sizes = []
    for _ in range(10):
        sizes.append(run.poll().size)
        clock.advance(1)
    assert sizes[:5] == pytest.approx([0.0, 0.25, 0.5, 0.75, 1.0])
    assert sizes[4:] == sorted(sizes[4:], reverse=True)


def test_the_plain_counter_counts_down_each_phase() -> None:
    clock = FixedClock()
    run = BreathingRun(_pace(4, 6, hold=2), 1, clock)
    run.start()
    seen = []
    for _ in range(12):
        moment = run.poll()
        seen.append((moment.phase, moment.seconds_left))
        clock.advance(1)
    assert seen[:4] == [(BREATHE_IN, 4), (BREATHE_IN, 3), (BREATHE_IN, 2), (BREATHE_IN, 1)]
    assert seen[4:6] == [(HOLD, 2), (HOLD, 1)]
    assert seen[6] == (BREATHE_OUT, 6)


@pytest.mark.parametrize("minutes", [1, 2, 3, 4, 5])
def test_the_exercise_lasts_the_chosen_minutes_and_then_ends(minutes: int) -> None:
    clock = FixedClock()
    pace = _pace(4, 6)
    run = BreathingRun(pace, minutes, clock)
    assert run.breaths == breath_count(pace, minutes) == minutes * 6
    run.start()
    clock.advance(run.total_seconds - 0.1)
    assert run.poll().breath == run.breaths
    clock.advance(0.1)
    moment = run.poll()
    assert moment.finished and moment.phase == DONE


def test_pausing_stops_the_clock_for_the_exercise() -> None:
    clock = FixedClock()
    run = BreathingRun(_pace(4, 6), 1, clock)
    run.start()
    clock.advance(2)
    run.pause()
    clock.advance(600)
    assert run.poll().paused
    run.resume()
    clock.advance(1.9)
    moment = run.poll()
    assert (moment.phase, moment.breath) == (BREATHE_IN, 1)
    clock.advance(0.1)
    assert run.poll().cue == BREATHE_OUT


def test_each_cue_is_given_once_even_when_polled_often() -> None:
    clock = FixedClock()
    run = BreathingRun(_pace(4, 6), 1, clock)
    run.start()
    assert run.poll().cue == BREATHE_IN
    assert run.poll().cue is None
    clock.advance(0.05)
    assert run.poll().cue is None


def test_minutes_outside_one_to_five_are_refused() -> None:
    with pytest.raises(ValueError):
        BreathingRun(_pace(4, 6), 6, FixedClock())


def test_grounding_waits_for_next_at_every_step(library: Library) -> None:
    exercise = library.exercise("grounding")
    assert exercise is not None
    clock = FixedClock()
    run = GuidedRun(exercise, clock)
    first = run.poll()
    assert first.announce and first.index == 0 and not first.can_go_back
    clock.advance(3600)
    assert run.poll().index == 0  # no surprise time limit
    assert not run.poll().announce
    for _ in range(len(exercise.steps)):
        run.next()
    assert run.poll().finished
    run.back()
    assert run.poll().index == len(exercise.steps) - 2


def test_relaxation_moves_on_by_itself_after_each_timed_step(library: Library) -> None:
    exercise = library.exercise("relaxation")
    assert exercise is not None
    clock = FixedClock()
    run = GuidedRun(exercise, clock)
    run.next()  # past the introduction
    tense = run.poll()
    assert tense.step.kind == "timed" and tense.seconds_left == int(tense.step.seconds or 0)
    clock.advance((tense.step.seconds or 0) - 1)
    assert run.poll().index == tense.index
    run.pause()
    clock.advance(60)
    assert run.poll().index == tense.index
    run.resume()
    clock.advance(1)
    after = run.poll()
    assert after.index == tense.index + 1 and after.announce


def test_the_planner_waits_for_a_choice(library: Library) -> None:
    exercise = library.exercise("planner")
    assert exercise is not None
    run = GuidedRun(exercise, FixedClock())
    while run.poll().step.kind != "choose":
        run.next()
    choose = run.poll()
    assert not choose.can_go_on
    run.next()
    assert run.poll().index == choose.index
    with pytest.raises(ValueError):
        run.choose("skydiving")
    run.choose("walk")
    assert run.poll().can_go_on and run.choices() == {"choose": "walk"}
    run.next()
    assert run.poll().index == choose.index + 1
