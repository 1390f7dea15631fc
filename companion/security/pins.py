"""What a PIN or passphrase must be, and the honest sentences about how safe each choice is."""

from __future__ import annotations

import itertools
import unicodedata
from datetime import date
from typing import Literal

from companion.i18n import _
from companion.security.errors import PinRejectedError

# "pin": 6+ digits (the default). "passphrase": words. "short_pin" and "none" only when a caregiver
# chooses them for one person at home.
LockKind = Literal["pin", "passphrase", "short_pin", "none"]
LOCK_KINDS: tuple[LockKind, ...] = ("pin", "passphrase", "short_pin", "none")
CAREGIVER_ONLY: frozenset[LockKind] = frozenset({"short_pin", "none"})

MIN_PIN_DIGITS = 6
SHORT_PIN_DIGITS = 4
MIN_PASSPHRASE_CHARACTERS = 12

# The PINs people pick most (published PIN-frequency studies); refused outright.
COMMON_PINS: frozenset[str] = frozenset(
    {
        "123456", "654321", "000000", "111111", "121212", "123123", "112233", "123321",
        "666666", "696969", "777777", "555555", "999999", "888888", "159753", "147258",
        "131313", "101010", "202020", "212121", "232323", "252525", "520520", "101112",
        "010101", "112358", "789456", "456789", "987654", "246810", "1234567", "12345678",
        "123456789", "7654321", "87654321", "1234", "0000", "1111", "1212", "4321", "2580",
        "6969", "1004", "2000", "7777", "2222", "5555", "1122", "1313", "9999", "3333",
    }
)  # fmt: skip

# Seconds per guess for someone who copied the files, on a PC like the one measured: one Argon2
# derivation at DEFAULT_ARGON2 already keeps both of its cores busy for about 0.4 s.
DEFAULT_SECONDS_PER_GUESS = 0.4


# Years people use in PINs (births, weddings, now); a 4-number PIN that is one of them is refused.
FIRST_YEAR, LAST_YEAR = 1900, 2030
# zxcvbn's score for a passphrase: 3 means about 10^8 guesses or more (years at 0.4 s a guess).
MIN_PASSPHRASE_SCORE = 3


def _is_run_or_repeat(digits: str) -> bool:
    """Every digit the same, or a straight run up or down (e.g. 345678, 876543)."""
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(digits)}
    return len(steps) == 1 and steps <= {0, 1, 9}


def _is_near_run(digits: str) -> bool:
    """A run or repeat with one number changed (000001, 123457, 111112)."""
    return any(
        _is_run_or_repeat(digits[:i] + other + digits[i + 1 :])
        for i in range(len(digits))
        for other in "0123456789"
    )


def _is_repeated_group(digits: str) -> bool:
    """A short group said again and again (121212, 123123, 4545) or numbers in pairs (112233)."""
    length = len(digits)
    for size in range(1, length // 2 + 1):
        if length % size == 0 and digits == digits[:size] * (length // size):
            return True
    return length % 2 == 0 and all(digits[i] == digits[i + 1] for i in range(0, length, 2))


def _is_day(day: str, month: str, year: int = 2000) -> bool:
    try:
        date(year, int(month), int(day))
    except ValueError:
        return False
    return True


def _is_year(text: str) -> bool:
    return FIRST_YEAR <= int(text) <= LAST_YEAR


def _is_date(digits: str) -> bool:
    """A birthday or other date: DDMMYY, MMDDYY, YYMMDD, DDMMYYYY, MMDDYYYY, YYYYMMDD, or
    a day and month (DDMM, MMDD) for a 4-number PIN."""
    if len(digits) == 4:
        return _is_day(digits[:2], digits[2:]) or _is_day(digits[2:], digits[:2])
    if len(digits) == 6:
        return (
            _is_day(digits[:2], digits[2:4])
            or _is_day(digits[2:4], digits[:2])
            or _is_day(digits[4:], digits[2:4])
        )
    if len(digits) == 8:
        head, tail = digits[:4], digits[4:]
        return (
            (_is_year(tail) and (_is_day(digits[:2], digits[2:4], int(tail))))
            or (_is_year(tail) and _is_day(digits[2:4], digits[:2], int(tail)))
            or (_is_year(head) and _is_day(digits[6:], digits[4:6], int(head)))
        )
    return False


def _pin_weakness(digits: str) -> str | None:
    """The one kind sentence saying why others could guess this PIN, or None."""
    if digits in COMMON_PINS:
        return _("That PIN is one of the first ones people guess. Please choose another.")
    if _is_run_or_repeat(digits) or _is_near_run(digits):
        return _("Numbers in a row are easy for others to guess. Please mix them up more.")
    if _is_repeated_group(digits):
        return _("Repeated numbers are easy for others to guess. Please mix them up more.")
    if len(digits) == 4 and _is_year(digits):
        return _("A year is easy for others to guess. Please choose other numbers.")
    if _is_date(digits):
        return _(
            "A birthday is easy for others to guess. Please choose numbers that are not a date."
        )
    if _is_year_and_month(digits):
        return _("A year is easy for others to guess. Please choose other numbers.")
    return None


def _is_year_and_month(digits: str) -> bool:
    """A year with a month, YYYYMM or MMYYYY (194508, 081945), for a 6-number PIN."""
    if len(digits) != 6:
        return False
    return (_is_year(digits[:4]) and 1 <= int(digits[4:]) <= 12) or (
        1 <= int(digits[:2]) <= 12 and _is_year(digits[2:])
    )


def passphrase_as_judged(secret: str) -> str:
    """The passphrase as a guesser would see it: NFKC, invisible characters gone, one space."""
    shown = "".join(
        char
        for char in unicodedata.normalize("NFKC", secret)
        if unicodedata.category(char) not in ("Cf", "Cc", "Cn", "Co", "Cs") or char in " \t"
    )
    return " ".join(shown.split())


def _passphrase_weakness(secret: str) -> str | None:
    judged = passphrase_as_judged(secret)
    if len(judged) < MIN_PASSPHRASE_CHARACTERS:
        return _("Please use at least 12 letters, for example three or four words you like.")
    # Imported here: its word lists take 13 MB and 70 ms, and only a new passphrase needs them.
    from zxcvbn import zxcvbn  # type: ignore[import-untyped,unused-ignore]

    if zxcvbn(judged[:100])["score"] < MIN_PASSPHRASE_SCORE:
        return _(
            "Those words are easy for others to guess. "
            "Try three or four words that do not usually go together."
        )
    return None


def check_new_secret(kind: LockKind, secret: str) -> None:
    """Raise PinRejectedError with one plain sentence if `secret` is not allowed for `kind`."""
    if kind == "none":
        if secret:
            raise PinRejectedError(_("No PIN was chosen, so leave the box empty."))
        return
    if kind == "passphrase":
        reason = _passphrase_weakness(secret)
        if reason:
            raise PinRejectedError(reason)
        return
    wanted = MIN_PIN_DIGITS if kind == "pin" else SHORT_PIN_DIGITS
    if not secret.isascii() or not secret.isdigit():
        raise PinRejectedError(_("A PIN is made of numbers only."))
    if kind == "pin" and len(secret) < wanted:
        raise PinRejectedError(_("Please use at least 6 numbers."))
    if kind == "short_pin" and len(secret) != wanted:
        raise PinRejectedError(_("A short PIN has exactly 4 numbers."))
    reason = _pin_weakness(secret)
    if reason:
        raise PinRejectedError(reason)


def trade_off_sentence(kind: LockKind) -> str:
    """The one sentence a caregiver hears before choosing a weaker lock for one person."""
    if kind == "short_pin":
        return _(
            "A 4-number PIN is easier to remember but much easier to guess, so use it only for "
            "one person at home, never on a shared computer."
        )
    if kind == "none":
        return _(
            "With no PIN, anyone who uses this computer can read your notes, "
            "so choose it only for one person at home."
        )
    if kind == "passphrase":
        return _("A few words you like are easy to remember and very hard to guess.")
    return _("Six or more numbers keep your notes private, even on a shared computer.")


def _duration(seconds: float) -> str:
    # Plain _() per form: our catalogs hold one string per message, so ngettext is avoided here.
    years, days, hours = seconds / 31_536_000, seconds / 86_400, seconds / 3_600
    if years >= 1000:
        return _("more than a thousand years")
    if years >= 1.5:
        return _("about %(n)d years") % {"n": round(years)}
    if years >= 1:
        return _("about a year")
    if days >= 1.5:
        return _("about %(n)d days") % {"n": round(days)}
    if days >= 1:
        return _("about a day")
    if hours >= 1.5:
        return _("about %(n)d hours") % {"n": round(hours)}
    if hours >= 1:
        return _("about an hour")
    minutes = round(seconds / 60)
    if minutes >= 2:
        return _("about %(n)d minutes") % {"n": minutes}
    return _("about a minute")


def guessing_time_sentence(
    kind: LockKind, length: int, seconds_per_guess: float = DEFAULT_SECONDS_PER_GUESS
) -> str:
    """How long someone who copied the files would need, on average, to guess this lock."""
    if kind == "none":
        return _("With no PIN there is nothing to guess: anyone on this account can open it.")
    if kind == "passphrase":
        return _("Guessing a passphrase of a few words would take longer than a lifetime.")
    tries = 10**length / 2
    return _(
        "Someone who copied Companion's files could guess this PIN in %(time)s on a "
        "computer like this one."
    ) % {"time": _duration(tries * seconds_per_guess)}


def lock_sentence(kind: LockKind, length: int) -> str:
    """What a person's lock is, in words ("a PIN of 6 numbers")."""
    if kind == "none":
        return _("Your notes have no PIN.")
    if kind == "passphrase":
        return _("Your notes are locked with a passphrase.")
    if kind == "short_pin":
        return _("Your notes are locked with a 4-number PIN.")
    return _("Your notes are locked with a PIN of {n} numbers.").format(n=length)


def lock_summary(kind: LockKind, length: int, *, shared_pc: bool, fallback_file: bool) -> str:
    """For Settings: the lock, how long guessing it would take, and what else stands in the way.

    On a shared PC everyone on the OS account shares the keyring, so only the PIN is left;
    `length` is the PIN's digits (the smallest allowed when not known)."""
    least = SHORT_PIN_DIGITS if kind == "short_pin" else MIN_PIN_DIGITS
    length = max(length, least)
    said = [lock_sentence(kind, length), guessing_time_sentence(kind, length)]
    if shared_pc:
        said.append(
            _(
                "Everyone on this computer account shares its keyring, so only your PIN "
                "keeps your notes private."
            )
        )
    if fallback_file and kind == "none":  # not locked at all against a copied folder
        from companion.security.exposure import no_keyring_no_pin_sentence

        said.append(no_keyring_no_pin_sentence())
    elif fallback_file:
        said.append(
            _(
                "This computer has no keyring, so a private file beside your data holds "
                "Companion's safe key."
            )
        )
    return " ".join(said)
