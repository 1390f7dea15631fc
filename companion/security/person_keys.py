"""A person's data key and its wraps: made at setup, unwrapped at unlock, rewrapped on PIN change.

The PIN is never stored or compared: it only derives the key that unwraps the data key. The PIN
wrap also needs the device secret, so copied files alone are not enough; the recovery wrap needs
only the recovery code, so it still works if the keyring is lost.
"""

from __future__ import annotations

import hmac
import os
import secrets
from dataclasses import dataclass, replace
from typing import Any

from companion.security.device_secret import device_check
from companion.security.errors import (
    DeviceSecretMismatchError,
    NoRecoveryCodeError,
    WrongRecoveryCodeError,
    WrongSecretError,
)
from companion.security.kdf import (
    DEFAULT_ARGON2,
    Argon2Params,
    derive_key,
    new_salt,
    normalise_secret,
)
from companion.security.pins import LOCK_KINDS, LockKind, check_new_secret
from companion.security.wrap import KeyWrap, UnwrapError, combine, unwrap_key, wrap_key

DATA_KEY_BYTES = 32
# Crockford's base32 without look-alikes (no I, L, O, U): easy to read aloud and to copy by hand.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 5
RECOVERY_GROUP_LENGTH = 4  # 20 characters, 100 bits


@dataclass(frozen=True)
class PersonKeys:
    """Everything stored about one person's key: non-secret on its own."""

    lock: LockKind
    device_check: str
    main: KeyWrap
    recovery: KeyWrap | None

    def to_json(self) -> dict[str, Any]:
        return {
            "lock": self.lock,
            "device_check": self.device_check,
            "main": self.main.to_json(),
            "recovery": None if self.recovery is None else self.recovery.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PersonKeys:
        lock = data["lock"]
        if lock not in LOCK_KINDS:
            raise ValueError(f"unknown lock kind {lock!r}")
        recovery = data.get("recovery")
        return cls(
            lock=lock,
            device_check=str(data["device_check"]),
            main=KeyWrap.from_json(data["main"]),
            recovery=None if recovery is None else KeyWrap.from_json(recovery),
        )


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_BYTES)


def new_recovery_code() -> str:
    """A code to print or write down, e.g. 'K3F9-2XQM-...'; the only way in without the PIN."""
    groups = (
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUP_LENGTH))
        for _ in range(RECOVERY_GROUPS)
    )
    return "-".join(groups)


def normalise_recovery_code(code: str) -> bytes:
    """Forgive spaces, dashes, lower case and the look-alikes O/o -> 0, I/L -> 1."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    return cleaned.encode("ascii", errors="replace")


def _main_wrap(
    person_id: str,
    data_key: bytes,
    lock: LockKind,
    secret: str,
    device_secret: bytes,
    params: Argon2Params,
) -> KeyWrap:
    salt = new_salt()
    if lock == "none":
        return wrap_key(
            data_key, combine("device", salt, device_secret), person_id, "device", salt, None
        )
    stretched = derive_key(normalise_secret(secret), salt, params)
    wrapping_key = combine("pin", stretched, device_secret)
    return wrap_key(data_key, wrapping_key, person_id, "pin", salt, params)


def _recovery_wrap(person_id: str, data_key: bytes, code: str, params: Argon2Params) -> KeyWrap:
    salt = new_salt()
    stretched = derive_key(normalise_recovery_code(code), salt, params)
    return wrap_key(data_key, combine("recovery", stretched), person_id, "recovery", salt, params)


def protect_new_person(
    person_id: str,
    lock: LockKind,
    secret: str,
    device_secret: bytes,
    recovery_code: str | None,
    params: Argon2Params = DEFAULT_ARGON2,
) -> tuple[bytes, PersonKeys]:
    """A fresh data key and its wraps. Raises PinRejectedError for a too-easy secret."""
    check_new_secret(lock, secret)
    data_key = new_data_key()
    keys = PersonKeys(
        lock=lock,
        device_check=device_check(device_secret),
        main=_main_wrap(person_id, data_key, lock, secret, device_secret, params),
        recovery=None
        if recovery_code is None
        else _recovery_wrap(person_id, data_key, recovery_code, params),
    )
    return data_key, keys


def unlock(keys: PersonKeys, person_id: str, secret: str, device_secret: bytes) -> bytes:
    """The data key; DeviceSecretMismatchError or WrongSecretError before any file is opened."""
    if not hmac.compare_digest(keys.device_check, device_check(device_secret)):
        raise DeviceSecretMismatchError()
    wrap = keys.main
    if wrap.kind == "device":
        wrapping_key = combine("device", wrap.salt, device_secret)
    else:
        assert wrap.argon2 is not None
        stretched = derive_key(normalise_secret(secret), wrap.salt, wrap.argon2)
        wrapping_key = combine("pin", stretched, device_secret)
    try:
        return unwrap_key(wrap, wrapping_key, person_id)
    except UnwrapError as exc:
        raise WrongSecretError() from exc


def unlock_with_recovery(keys: PersonKeys, person_id: str, code: str) -> bytes:
    """The data key from the recovery code alone (works even if the keyring was lost)."""
    wrap = keys.recovery
    if wrap is None:
        raise NoRecoveryCodeError()
    assert wrap.argon2 is not None
    stretched = derive_key(normalise_recovery_code(code), wrap.salt, wrap.argon2)
    try:
        return unwrap_key(wrap, combine("recovery", stretched), person_id)
    except UnwrapError as exc:
        raise WrongRecoveryCodeError() from exc


def rewrap(
    keys: PersonKeys,
    person_id: str,
    data_key: bytes,
    lock: LockKind,
    secret: str,
    device_secret: bytes,
    params: Argon2Params = DEFAULT_ARGON2,
) -> PersonKeys:
    """New main wrap for a new PIN (or a new device secret); the database is not re-encrypted."""
    check_new_secret(lock, secret)
    return replace(
        keys,
        lock=lock,
        device_check=device_check(device_secret),
        main=_main_wrap(person_id, data_key, lock, secret, device_secret, params),
    )


def with_recovery_code(
    keys: PersonKeys,
    person_id: str,
    data_key: bytes,
    code: str | None,
    params: Argon2Params = DEFAULT_ARGON2,
) -> PersonKeys:
    """Add, replace or (None) remove the recovery wrap."""
    recovery = None if code is None else _recovery_wrap(person_id, data_key, code, params)
    return replace(keys, recovery=recovery)
