"""The caregiver PIN: a verifier only, a growing wait, guarded areas, no way into anyone's data."""

from __future__ import annotations

import base64
import itertools
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.people.profiles import INDEX_FILE_NAME, People, open_people
from companion.security import (
    PinRejectedError,
    UnlockDelayedError,
    WrongSecretError,
    new_recovery_code,
)
from companion.security.caregiver import (
    CAREGIVER_FILE_NAME,
    OPEN_MINUTES,
    PROTECTED_AREAS,
    CaregiverLock,
)
from companion.security.device_secret import DeviceSecretStore
from companion.security.kdf import KEY_BYTES, derive_key, normalise_secret
from companion.security.wrap import UnwrapError, combine, unwrap_key
from companion.storage import DATABASE_FILE_NAME, open_database
from companion.storage.engine import DatabaseKeyError
from tests.fast_argon2 import FAST

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
CAREGIVER_PIN = "730285"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def lock(tmp_path: Path, clock: FixedClock) -> CaregiverLock:
    return CaregiverLock(tmp_path, clock, FAST)


def test_without_a_caregiver_pin_nothing_is_guarded(lock: CaregiverLock) -> None:
    assert not lock.is_set() and lock.is_open()
    assert not any(lock.guards(area) for area in PROTECTED_AREAS)


def test_only_an_argon2id_verifier_is_stored_never_the_pin(
    lock: CaregiverLock, tmp_path: Path
) -> None:
    lock.set_pin(CAREGIVER_PIN)
    stored = (tmp_path / CAREGIVER_FILE_NAME).read_text()
    assert CAREGIVER_PIN not in stored
    assert json.loads(stored)["verifier"].startswith("$argon2id$")
    assert (tmp_path / CAREGIVER_FILE_NAME).stat().st_mode & 0o077 == 0
    assert all(lock.guards(area) for area in PROTECTED_AREAS)


def test_the_right_pin_opens_for_a_while_then_guards_again(
    lock: CaregiverLock, clock: FixedClock
) -> None:
    lock.set_pin(CAREGIVER_PIN)
    lock.check(CAREGIVER_PIN)
    assert lock.is_open() and not lock.guards("settings")
    clock.advance(minutes=OPEN_MINUTES - 1)
    assert lock.is_open()
    clock.advance(minutes=2)
    assert lock.guards("schedules")
    lock.check(CAREGIVER_PIN)
    lock.close()
    assert lock.guards("content_packs")


def test_wrong_pins_make_a_growing_wait_that_survives_a_restart(
    lock: CaregiverLock, clock: FixedClock, tmp_path: Path
) -> None:
    lock.set_pin(CAREGIVER_PIN)
    for _ in range(3):  # the 3rd wrong try in a row earns the first wait
        with pytest.raises(WrongSecretError):
            lock.check("111222")
    restarted = CaregiverLock(tmp_path, clock, FAST)
    with pytest.raises(UnlockDelayedError) as waited:
        restarted.check(CAREGIVER_PIN)  # even the right PIN waits
    assert waited.value.seconds_left == 15
    clock.advance(15)
    with pytest.raises(WrongSecretError):
        restarted.check("111224")
    assert restarted.seconds_to_wait() == 30
    clock.advance(30)
    restarted.check(CAREGIVER_PIN)
    assert restarted.is_open() and restarted.seconds_to_wait() == 0


def test_easy_pins_are_refused_and_changing_needs_the_current_one(lock: CaregiverLock) -> None:
    with pytest.raises(PinRejectedError):
        lock.set_pin("123456")
    with pytest.raises(PinRejectedError):
        lock.set_pin("short words")
    lock.set_pin("kettle garden violin")
    with pytest.raises(WrongSecretError):
        lock.set_pin("583920", current_pin="wrong words here")
    lock.set_pin("583920", current_pin="kettle garden violin")
    lock.check("583920")
    lock.remove("583920")
    assert not lock.is_set()


def test_a_damaged_caregiver_file_still_guards(lock: CaregiverLock, tmp_path: Path) -> None:
    (tmp_path / CAREGIVER_FILE_NAME).write_text("{not json")
    assert lock.guards("settings")
    with pytest.raises(WrongSecretError):
        lock.check(CAREGIVER_PIN)


def _candidate_keys(material: list[bytes], device_secret: bytes) -> list[bytes]:
    """Every 32-byte key the caregiver could make from what they hold, in every way we combine."""
    keys = [m for m in material if len(m) == KEY_BYTES]
    for part in material:
        for kind in ("pin", "device", "recovery"):
            keys.append(combine(kind, part))  # type: ignore[arg-type]
            keys.append(combine(kind, part, device_secret))  # type: ignore[arg-type]
    for first, second in itertools.permutations(material, 2):
        keys.append(combine("device", first, second))
    return keys


def test_everything_the_caregiver_holds_cannot_open_the_persons_data(
    tmp_path: Path, clock: FixedClock
) -> None:
    people: People = open_people(tmp_path, clock, keyring=None, argon2=FAST)
    mary = people.add("Mary", "pin", "583920", new_recovery_code())
    session = people.unlock(mary.id, "583920")
    session.checkins.finish(CheckIn(None, NOW, NOW, "okay", frozenset(), "my private note", False))
    session.close()
    caregiver = CaregiverLock(tmp_path, clock, FAST)
    caregiver.set_pin(CAREGIVER_PIN)
    caregiver.check(CAREGIVER_PIN)  # the caregiver is fully signed in

    # What a caregiver on the same computer account has: their PIN, the verifier file (its
    # salt and hash), the device secret, and every non-secret file, people.json included.
    verifier = json.loads((tmp_path / CAREGIVER_FILE_NAME).read_text())["verifier"]
    salt_b64, hash_b64 = verifier.split("$")[-2:]
    salt = base64.b64decode(salt_b64 + "=" * (-len(salt_b64) % 4))
    stored_hash = base64.b64decode(hash_b64 + "=" * (-len(hash_b64) % 4))
    pin_bytes = normalise_secret(CAREGIVER_PIN)
    device_secret = DeviceSecretStore(tmp_path, None).secret()
    material = [
        pin_bytes,
        salt,
        stored_hash,
        derive_key(pin_bytes, salt, FAST),
        device_secret,
        (tmp_path / INDEX_FILE_NAME).read_bytes(),
    ]
    person = people.get(mary.id)
    wraps = [person.keys.main, person.keys.recovery]
    assert {w.kind for w in wraps if w is not None} == {"pin", "recovery"}  # no caregiver wrap
    for wrap in wraps:
        assert wrap is not None
        # The caregiver's own Argon2 output, re-derived with the person's salts, too.
        material.append(derive_key(pin_bytes, wrap.salt, FAST))
    candidates = _candidate_keys(material, device_secret)
    assert len(candidates) > 50

    database_path = people.folder(mary.id) / DATABASE_FILE_NAME
    for key in candidates:
        for wrap in wraps:
            assert wrap is not None
            with pytest.raises(UnwrapError):
                unwrap_key(wrap, key, mary.id)
    for key in candidates[:12]:  # opening a database is slower: each kind of key once
        with pytest.raises(DatabaseKeyError):
            open_database(database_path, key)
    assert b"my private note" not in database_path.read_bytes()
    # ... while the person's own PIN still opens it.
    reopened = people.unlock(mary.id, "583920")
    assert [c.note for c in reopened.checkins.checkins_between(NOW, NOW.replace(hour=13))] == [
        "my private note"
    ]
    reopened.close()
