"""Keys and PINs: device secret, PIN and recovery wraps, wrong-PIN delay, the caregiver PIN."""

from companion.security.delay import WrongPinDelay
from companion.security.device_secret import DeviceSecretStore, KeyringBackend, system_keyring
from companion.security.errors import (
    DeviceSecretMismatchError,
    DeviceSecretMissingError,
    NoRecoveryCodeError,
    PinRejectedError,
    SecurityError,
    UnlockDelayedError,
    WrongRecoveryCodeError,
    WrongSecretError,
)
from companion.security.kdf import DEFAULT_ARGON2, Argon2Params, tune_argon2
from companion.security.person_keys import PersonKeys, new_recovery_code
from companion.security.pins import (
    COMMON_PINS,
    LockKind,
    check_new_secret,
    guessing_time_sentence,
    trade_off_sentence,
)
from companion.security.status import encryption_status, keyring_status, keyring_uses_fallback

__all__ = [
    "COMMON_PINS",
    "DEFAULT_ARGON2",
    "Argon2Params",
    "DeviceSecretMismatchError",
    "DeviceSecretMissingError",
    "DeviceSecretStore",
    "KeyringBackend",
    "LockKind",
    "NoRecoveryCodeError",
    "PersonKeys",
    "PinRejectedError",
    "SecurityError",
    "UnlockDelayedError",
    "WrongPinDelay",
    "WrongRecoveryCodeError",
    "WrongSecretError",
    "check_new_secret",
    "encryption_status",
    "guessing_time_sentence",
    "keyring_status",
    "keyring_uses_fallback",
    "new_recovery_code",
    "system_keyring",
    "trade_off_sentence",
    "tune_argon2",
]
