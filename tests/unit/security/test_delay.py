"""Wrong PINs earn a growing wait that survives a restart, and never a lock-out."""

from __future__ import annotations

from pathlib import Path

from companion.clock import FixedClock
from companion.security import WrongPinDelay
from companion.security.delay import DELAY_STEPS, FREE_TRIES


def test_first_tries_are_free_then_the_wait_grows(tmp_path: Path) -> None:
    clock = FixedClock()
    delay = WrongPinDelay(tmp_path / "delay.json", clock)
    waits = [delay.record_failure() for _ in range(FREE_TRIES + 3)]
    assert waits[: FREE_TRIES - 1] == [0] * (FREE_TRIES - 1)
    assert waits[FREE_TRIES - 1 :] == [15, 30, 60, 120]


def test_the_wait_counts_down_with_the_clock(tmp_path: Path) -> None:
    clock = FixedClock()
    delay = WrongPinDelay(tmp_path / "delay.json", clock)
    for _ in range(FREE_TRIES + 1):
        delay.record_failure()
    assert delay.seconds_to_wait() == 30
    clock.advance(seconds=20)
    assert delay.seconds_to_wait() == 10
    clock.advance(seconds=10)
    assert delay.seconds_to_wait() == 0


def test_a_restart_does_not_reset_the_wait(tmp_path: Path) -> None:
    clock = FixedClock()
    path = tmp_path / "delay.json"
    delay = WrongPinDelay(path, clock)
    for _ in range(FREE_TRIES + 2):
        delay.record_failure()
    clock.advance(seconds=5)
    restarted = WrongPinDelay(path, clock)
    assert restarted.failures == FREE_TRIES + 2
    assert restarted.seconds_to_wait() == 55


def test_the_wait_stops_growing_and_success_clears_it(tmp_path: Path) -> None:
    clock = FixedClock()
    path = tmp_path / "delay.json"
    delay = WrongPinDelay(path, clock)
    for _ in range(50):
        delay.record_failure()
    assert delay.seconds_to_wait() == DELAY_STEPS[-1] <= 300
    delay.record_success()
    assert delay.seconds_to_wait() == 0
    assert WrongPinDelay(path, clock).failures == 0


def test_a_clock_set_backwards_never_makes_the_wait_longer(tmp_path: Path) -> None:
    clock = FixedClock()
    delay = WrongPinDelay(tmp_path / "delay.json", clock)
    for _ in range(FREE_TRIES + 1):
        delay.record_failure()
    clock.advance(days=-400)
    assert delay.seconds_to_wait() == 30


def test_a_damaged_counter_file_earns_the_longest_wait_which_then_runs_out(
    tmp_path: Path,
) -> None:
    path = tmp_path / "delay.json"
    path.write_text("{not json")
    clock = FixedClock()
    assert WrongPinDelay(path, clock).seconds_to_wait() == DELAY_STEPS[-1]
    clock.advance(seconds=DELAY_STEPS[-1])
    assert WrongPinDelay(path, clock).seconds_to_wait() == 0
