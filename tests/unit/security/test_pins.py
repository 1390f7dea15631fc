"""PIN rules and the honest sentences shown to the person and the caregiver."""

from __future__ import annotations

import pytest

from companion.security import (
    COMMON_PINS,
    PinRejectedError,
    check_new_secret,
    guessing_time_sentence,
    trade_off_sentence,
)


@pytest.mark.parametrize(
    "pin",
    ["123456", "000000", "111111", "121212", "654321", "123123", "112233", "666666", "696969",
     "123321", "345678", "876543", "999999"],
)  # fmt: skip
def test_common_and_obvious_pins_are_refused(pin: str) -> None:
    with pytest.raises(PinRejectedError, match="guess"):
        check_new_secret("pin", pin)


def test_at_least_ten_common_pins_are_listed() -> None:
    assert len({p for p in COMMON_PINS if len(p) >= 6}) >= 10


@pytest.mark.parametrize("pin", ["583920", "20481739", "907364"])
def test_ordinary_six_digit_pins_are_accepted(pin: str) -> None:
    check_new_secret("pin", pin)


def test_short_pins_need_the_caregiver_choice() -> None:
    with pytest.raises(PinRejectedError, match="at least 6"):
        check_new_secret("pin", "5839")
    check_new_secret("short_pin", "5839")
    with pytest.raises(PinRejectedError):
        check_new_secret("short_pin", "1234")
    with pytest.raises(PinRejectedError, match="exactly 4"):
        check_new_secret("short_pin", "58392")


def test_pins_are_numbers_and_passphrases_are_long() -> None:
    with pytest.raises(PinRejectedError, match="numbers only"):
        check_new_secret("pin", "58392a")
    with pytest.raises(PinRejectedError, match="12 letters"):
        check_new_secret("passphrase", "short one")
    check_new_secret("passphrase", "purple kettle morning")
    check_new_secret("none", "")


def test_trade_off_for_weaker_locks_is_one_plain_sentence() -> None:
    for kind in ("short_pin", "none"):
        sentence = trade_off_sentence(kind)
        assert sentence.count(".") == 1 and sentence.endswith(".")
        assert "home" in sentence


def test_guessing_time_grows_with_the_pin_and_is_said_in_words() -> None:
    four = guessing_time_sentence("short_pin", 4, seconds_per_guess=0.4)
    six = guessing_time_sentence("pin", 6, seconds_per_guess=0.4)
    assert "about 33 minutes" in four
    assert "about 2 days" in six
    assert "lifetime" in guessing_time_sentence("passphrase", 20)
    assert "nothing to guess" in guessing_time_sentence("none", 0)
