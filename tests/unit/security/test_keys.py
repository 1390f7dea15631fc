"""The data key opens only with the right PIN and device secret, or with the recovery code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from companion.security import (
    DEFAULT_ARGON2,
    DeviceSecretMismatchError,
    NoRecoveryCodeError,
    PersonKeys,
    PinRejectedError,
    WrongRecoveryCodeError,
    WrongSecretError,
    new_recovery_code,
)
from companion.security.person_keys import (
    protect_new_person,
    rewrap,
    unlock,
    unlock_with_recovery,
    with_recovery_code,
)
from companion.storage import open_database
from companion.storage.preferences import SqlPreferencesStore
from tests.fast_argon2 import FAST

DEVICE = os.urandom(32)


def test_right_pin_unwraps_the_same_data_key_after_a_round_trip_through_json() -> None:
    data_key, keys = protect_new_person("p1", "pin", "583920", DEVICE, None, FAST)
    stored = PersonKeys.from_json(keys.to_json())
    assert unlock(stored, "p1", "583920", DEVICE) == data_key
    assert len(data_key) == 32


def test_pin_is_not_stored_anywhere_in_the_wraps() -> None:
    _key, keys = protect_new_person("p1", "pin", "583920", DEVICE, None, FAST)
    assert "583920" not in repr(keys.to_json())


def test_wrong_pin_is_a_typed_error() -> None:
    _key, keys = protect_new_person("p1", "pin", "583920", DEVICE, None, FAST)
    with pytest.raises(WrongSecretError, match="did not match"):
        unlock(keys, "p1", "583921", DEVICE)


def test_wrong_device_secret_is_refused_with_its_own_message() -> None:
    _key, keys = protect_new_person("p1", "pin", "583920", DEVICE, None, FAST)
    with pytest.raises(DeviceSecretMismatchError, match="safe key has changed"):
        unlock(keys, "p1", "583920", os.urandom(32))


def test_a_wrap_copied_onto_another_person_does_not_open() -> None:
    _key, keys = protect_new_person("p1", "pin", "583920", DEVICE, None, FAST)
    with pytest.raises(WrongSecretError):
        unlock(keys, "p2", "583920", DEVICE)


def test_no_pin_opens_with_the_device_secret_alone() -> None:
    data_key, keys = protect_new_person("me", "none", "", DEVICE, None, FAST)
    assert keys.main.kind == "device"
    assert unlock(keys, "me", "", DEVICE) == data_key
    with pytest.raises(DeviceSecretMismatchError):
        unlock(keys, "me", "", os.urandom(32))


def test_recovery_code_opens_without_the_pin_or_the_device_secret() -> None:
    code = new_recovery_code()
    data_key, keys = protect_new_person("p1", "pin", "583920", DEVICE, code, FAST)
    assert unlock_with_recovery(keys, "p1", code.lower().replace("-", " ")) == data_key
    with pytest.raises(WrongRecoveryCodeError):
        unlock_with_recovery(keys, "p1", new_recovery_code())


def test_without_a_recovery_code_the_route_says_to_ask_a_helper() -> None:
    _key, keys = protect_new_person("p1", "pin", "583920", DEVICE, None, FAST)
    with pytest.raises(NoRecoveryCodeError, match="helper"):
        unlock_with_recovery(keys, "p1", "anything")


def test_recovery_codes_are_long_and_different_each_time() -> None:
    codes = {new_recovery_code() for _ in range(20)}
    assert len(codes) == 20
    assert all(len(c.replace("-", "")) == 20 for c in codes)


def test_common_pin_is_refused_before_any_key_is_made() -> None:
    with pytest.raises(PinRejectedError):
        protect_new_person("p1", "pin", "123456", DEVICE, None, FAST)


def test_changing_the_pin_rewraps_and_leaves_the_database_file_alone(tmp_path: Path) -> None:
    data_key, keys = protect_new_person("p1", "pin", "583920", DEVICE, None, FAST)
    db = open_database(tmp_path / "companion.db", data_key)
    SqlPreferencesStore(db).set("kept", True)
    db.close()
    before = (tmp_path / "companion.db").read_bytes()

    changed = rewrap(keys, "p1", data_key, "passphrase", "blue kettle sings loud", DEVICE, FAST)
    assert (tmp_path / "companion.db").read_bytes() == before
    with pytest.raises(WrongSecretError):
        unlock(changed, "p1", "583920", DEVICE)
    same_key = unlock(changed, "p1", "blue kettle sings loud", DEVICE)
    db = open_database(tmp_path / "companion.db", same_key)
    assert SqlPreferencesStore(db).get("kept") is True
    db.close()


def test_a_recovery_code_can_be_added_later() -> None:
    data_key, keys = protect_new_person("p1", "pin", "583920", DEVICE, None, FAST)
    code = new_recovery_code()
    keys = with_recovery_code(keys, "p1", data_key, code, FAST)
    assert unlock_with_recovery(keys, "p1", code) == data_key


def test_the_real_tuned_parameters_are_used_and_work() -> None:
    """How long they take is measured in benchmarks/ (as a ratio), never timed here: a shared,
    busy machine made a 3-second bound fail."""
    data_key, keys = protect_new_person("p1", "pin", "583920", DEVICE, None)
    assert keys.main.argon2 == DEFAULT_ARGON2
    assert unlock(keys, "p1", "583920", DEVICE) == data_key
