"""Attacks on weak secrets: guessable PINs and passphrases refused kindly; the wrong-PIN wait
cannot be reset by deleting or editing a file (issue #13, item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.clock import FixedClock
from companion.people.index import INDEX_VERSION, MAX_INDEX_BYTES
from companion.people.profiles import People, open_people
from companion.security import PinRejectedError, UnlockDelayedError, WrongSecretError
from companion.security.delay import DELAY_STEPS, FREE_TRIES, WrongPinDelay
from companion.security.index_count import IndexCount
from companion.security.pins import check_new_secret, passphrase_as_judged
from tests.fast_argon2 import FAST

PIN = "583920"

# The 25 weak PINs the review found accepted, and more of the same kinds.
BIRTHDAYS = ["010170", "150348", "311249", "120845", "081245", "450812", "19450812", "12081945",
             "08121945", "30121999", "20240229"]  # fmt: skip
NEAR_RUNS = ["000001", "123457", "111112", "100000", "987653", "222223", "234568", "555545"]
REPEATED_PAIRS = ["474747", "808080", "390390", "47474747", "445566", "998877"]
SHORT = {"1945": "year", "1990": "year", "2030": "year", "1900": "year", "0101": "guess",
         "0102": "birthday", "2512": "birthday", "1225": "birthday", "0001": "row",
         "4747": "Repeated"}  # fmt: skip


@pytest.mark.parametrize("pin", BIRTHDAYS)
def test_dates_are_refused_with_a_kind_reason(pin: str) -> None:
    with pytest.raises(PinRejectedError, match="A birthday is easy for others to guess"):
        check_new_secret("pin", pin)


@pytest.mark.parametrize("pin", ["194508", "199012", "203001", "200011"])
def test_a_year_with_its_month_is_refused(pin: str) -> None:
    with pytest.raises(PinRejectedError, match="A year is easy for others to guess"):
        check_new_secret("pin", pin)


@pytest.mark.parametrize("pin", NEAR_RUNS)
def test_runs_with_one_number_changed_are_refused(pin: str) -> None:
    with pytest.raises(PinRejectedError, match="in a row are easy"):
        check_new_secret("pin", pin)


@pytest.mark.parametrize("pin", REPEATED_PAIRS)
def test_repeated_groups_are_refused(pin: str) -> None:
    with pytest.raises(PinRejectedError, match="Repeated numbers"):
        check_new_secret("pin", pin)


@pytest.mark.parametrize(("pin", "reason"), sorted(SHORT.items()))
def test_short_pins_that_are_years_or_dates_are_refused(pin: str, reason: str) -> None:
    with pytest.raises(PinRejectedError, match=reason):
        check_new_secret("short_pin", pin)


@pytest.mark.parametrize("pin", [PIN, "907364", "294751", "20481739", "5839", "7391", "864297"])
def test_ordinary_pins_are_still_accepted(pin: str) -> None:
    check_new_secret("short_pin" if len(pin) == 4 else "pin", pin)


@pytest.mark.parametrize(
    "passphrase",
    [
        "aaaaaaaaaaaa",
        "\u200b" * 12,  # twelve zero-width spaces
        "\u200b" * 20 + "ab",
        "abc\u200bdef\u2060ghi\ufeff",
        "passwordpassword",
        "abcdefghijklmnop",
        "qwertyuiopasdf",
        "111111111111",
        "            ",
    ],
)
def test_weak_passphrases_are_refused(passphrase: str) -> None:
    with pytest.raises(PinRejectedError):
        check_new_secret("passphrase", passphrase)


@pytest.mark.parametrize(
    "passphrase",
    ["green teapot on sunday", "purple kettle morning", "un chat dans la maison bleue"],
)
def test_good_passphrases_are_accepted(passphrase: str) -> None:
    check_new_secret("passphrase", passphrase)


def test_passphrases_are_judged_as_a_guesser_sees_them() -> None:
    assert passphrase_as_judged("ｇｒｅｅｎ\u200b  teapot\u00a0") == "green teapot"


# The wrong-PIN count -------------------------------------------------------------------------


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def people(tmp_path: Path, clock: FixedClock) -> People:
    return open_people(tmp_path, clock, keyring=None, argon2=FAST)


def _wrong_until_waiting(people: People, person_id: str) -> None:
    for _ in range(FREE_TRIES):
        with pytest.raises(WrongSecretError):
            people.unlock(person_id, "907364")
    assert people.seconds_to_wait(person_id) > 0


def _edit_count(people: People, person_id: str, value: object, *, remove: bool = False) -> None:
    path = people.data_dir / "people.json"
    stored = json.loads(path.read_text())
    for entry in stored["people"]:
        if entry["id"] == person_id:
            if remove:
                entry.pop("wrong_tries")
            else:
                entry["wrong_tries"] = value
    path.write_text(json.dumps(stored))


def test_deleting_files_in_the_person_folder_does_not_reset_the_wait(people: People) -> None:
    mary = people.add("Mary", "pin", PIN)
    _wrong_until_waiting(people, mary.id)
    for path in people.folder(mary.id).iterdir():
        if path.suffix == ".json":
            path.unlink()
    assert people.seconds_to_wait(mary.id) > 0
    with pytest.raises(UnlockDelayedError):
        people.unlock(mary.id, PIN)


def test_the_count_sits_beside_the_wrapped_key(people: People) -> None:
    mary = people.add("Mary", "pin", PIN)
    _wrong_until_waiting(people, mary.id)
    [entry] = json.loads((people.data_dir / "people.json").read_text())["people"]
    assert entry["wrong_tries"]["failures"] == FREE_TRIES and "keys" in entry


@pytest.mark.parametrize(
    "value",
    [
        {"failures": -100, "last_failure": None},
        {"failures": -100, "last_failure": "2026-03-14T12:00:00+00:00"},
        {"failures": "0", "last_failure": None},
        {"failures": True, "last_failure": None},
        {"failures": 0.0, "last_failure": None},
        {"failures": 2, "last_failure": None},
        {"failures": 5, "last_failure": "yesterday"},
        {"failures": 5, "last_failure": "2026-03-14T12:00:00"},
        {"failures": 0},
        None,
        [],
        0,
    ],
)
def test_an_edited_count_earns_the_longest_wait_not_free_tries(
    people: People, clock: FixedClock, value: object
) -> None:
    mary = people.add("Mary", "pin", PIN)
    _edit_count(people, mary.id, value)
    assert people.seconds_to_wait(mary.id) == DELAY_STEPS[-1]
    with pytest.raises(UnlockDelayedError):
        people.unlock(mary.id, PIN)
    clock.advance(seconds=DELAY_STEPS[-1])  # never a lock-out: the wait runs out
    people.unlock(mary.id, PIN).close()
    assert people.wrong_tries(mary.id) == 0


def test_a_removed_count_earns_the_longest_wait(people: People, clock: FixedClock) -> None:
    mary = people.add("Mary", "pin", PIN)
    _edit_count(people, mary.id, None, remove=True)
    assert people.seconds_to_wait(mary.id) == DELAY_STEPS[-1]


def test_an_index_from_an_older_companion_keeps_its_count(
    people: People, clock: FixedClock
) -> None:
    mary = people.add("Mary", "pin", PIN)
    sam = people.add("Sam", "pin", "907364")
    path = people.data_dir / "people.json"
    stored = json.loads(path.read_text())
    stored["version"] = 1
    for entry in stored["people"]:
        entry.pop("wrong_tries")
    path.write_text(json.dumps(stored))
    old_count = {"failures": FREE_TRIES + 1, "last_failure": clock.now().isoformat()}
    (people.folder(mary.id) / "unlock-delay.json").write_text(json.dumps(old_count))
    assert people.seconds_to_wait(mary.id) == DELAY_STEPS[1]
    assert people.seconds_to_wait(sam.id) == 0  # no file then meant no wrong tries
    people.rename(sam.id, "Samuel")  # the index moves to the current version, counts carried over
    assert json.loads(path.read_text())["version"] == INDEX_VERSION
    assert people.seconds_to_wait(mary.id) == DELAY_STEPS[1]
    assert people.seconds_to_wait(sam.id) == 0


def _person_entry(people: People, person_id: str) -> dict[str, object]:
    stored = json.loads((people.data_dir / "people.json").read_text())
    return next(e for e in stored["people"] if e["id"] == person_id)


@pytest.mark.parametrize("shape", ["deep", "huge"])
def test_a_hostile_people_list_is_never_read_whole_for_a_count(people: People, shape: str) -> None:
    """The wrong-PIN count is read with the list's own caps: a deep or huge people.json is
    damaged (ValueError), never a RecursionError or a 100 MB read."""
    mary = people.add("Mary", "pin", PIN)
    entry = _person_entry(people, mary.id)
    if shape == "deep":
        entry["padding"] = "PLACEHOLDER"
        text = json.dumps({"version": 2, "people": [entry]})
        text = text.replace('"PLACEHOLDER"', "[" * 100_000 + "]" * 100_000)
    else:
        entry["padding"] = "x" * (MAX_INDEX_BYTES + 1)
        text = json.dumps({"version": 2, "people": [entry]})
    path = people.data_dir / "people.json"
    path.write_text(text)
    with pytest.raises(ValueError, match="cannot be read"):
        IndexCount(path, mary.id, people.folder).read()


FRESH_COUNT = '{"failures": 0, "last_failure": null}'


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, FRESH_COUNT + " " * 70_000])
def test_a_hostile_count_file_reads_as_the_longest_wait(tmp_path: Path, text: str) -> None:
    """The caregiver's count file is read capped too: too deep or too big is no fresh start."""
    (tmp_path / "caregiver-delay.json").write_text(text)
    delay = WrongPinDelay(tmp_path / "caregiver-delay.json", FixedClock())
    assert delay.seconds_to_wait() == DELAY_STEPS[-1]
