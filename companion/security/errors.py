"""Typed errors of the key hierarchy; each message is one kind sentence a person can act on."""

from __future__ import annotations

from companion.i18n import _


class SecurityError(Exception):
    """Something stopped an unlock or a key change; `str(error)` is safe to show and say."""


class WrongSecretError(SecurityError):
    """The PIN, passphrase or recovery code did not unwrap the data key (nothing was opened)."""

    def __init__(self) -> None:
        super().__init__(_("That PIN did not match. Please try again, slowly."))


class WrongRecoveryCodeError(SecurityError):
    """The recovery code did not unwrap the data key."""

    def __init__(self) -> None:
        super().__init__(_("That recovery code did not match. Check each letter and try again."))


class DeviceSecretMissingError(SecurityError):
    """The computer's safe key (keyring or fallback file) is gone; data stays closed, untouched."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "This computer's safe key for Companion is missing, so the data stays locked. "
                "Use your recovery code, or ask your helper."
            )
        )


class DeviceSecretMismatchError(SecurityError):
    """The safe key found is not the one this person's data was locked with."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "This computer's safe key has changed, so the data stays locked. "
                "Use your recovery code, or ask your helper."
            )
        )


class NoRecoveryCodeError(SecurityError):
    """The person chose a caregiver-assisted fresh start instead of a recovery code."""

    def __init__(self) -> None:
        super().__init__(
            _("No recovery code was made for this person. A helper can start them afresh.")
        )


class PinRejectedError(SecurityError, ValueError):
    """A new PIN or passphrase is too easy to guess; the message says what to choose instead."""


class UnlockDelayedError(SecurityError):
    """A wrong-PIN delay is running; `seconds_left` says how long until the next try."""

    def __init__(self, seconds_left: int) -> None:
        self.seconds_left = seconds_left
        super().__init__(_("Please wait a little before trying again."))
