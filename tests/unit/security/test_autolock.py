"""Auto-lock on shared PCs: warns a minute ahead, locks after idle time, off at home."""

from __future__ import annotations

from companion.clock import FixedClock
from companion.security.autolock import AutoLockPolicy, idle_timeout_seconds


def test_shared_pc_defaults_to_ten_minutes_and_home_to_off() -> None:
    assert idle_timeout_seconds(shared_pc=True) == 600
    assert idle_timeout_seconds(shared_pc=False) is None
    assert idle_timeout_seconds(shared_pc=False, minutes=5) == 300
    assert idle_timeout_seconds(shared_pc=True, minutes=1) == 120  # room for the warning


def test_warning_comes_a_minute_ahead_then_the_lock() -> None:
    clock = FixedClock()
    policy = AutoLockPolicy(clock, 600)
    clock.advance(seconds=539)
    assert policy.state().phase == "active"
    clock.advance(seconds=1)
    state = policy.state()
    assert (state.phase, state.seconds_left) == ("warning", 60)
    clock.advance(seconds=59)
    assert policy.state().seconds_left == 1
    clock.advance(seconds=1)
    assert policy.state().phase == "locked"


def test_im_still_here_starts_the_count_again() -> None:
    clock = FixedClock()
    policy = AutoLockPolicy(clock, 600)
    clock.advance(seconds=580)
    assert policy.state().phase == "warning"
    policy.touch()
    assert policy.state().phase == "active"
    clock.advance(seconds=599)
    assert policy.state().phase == "warning"


def test_once_locked_activity_does_not_unlock() -> None:
    clock = FixedClock()
    policy = AutoLockPolicy(clock, 600)
    clock.advance(seconds=700)
    assert policy.state().phase == "locked"
    policy.touch()
    assert policy.state().phase == "locked"
    policy.unlocked()
    assert policy.state().phase == "active"


def test_off_at_home_never_locks() -> None:
    clock = FixedClock()
    policy = AutoLockPolicy(clock, None)
    clock.advance(days=3)
    assert not policy.enabled
    assert policy.state().phase == "active"
