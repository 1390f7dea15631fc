"""The device secret: 256 random bits in the OS keyring, or (reported) a 0600 file beside the data.

A small non-secret record (`device.json`) remembers where the secret lives, so a keyring that
disappears later is reported as missing instead of being replaced silently.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import sys
import uuid
from datetime import date
from pathlib import Path
from typing import Any, Literal, Protocol

from companion.file_lock import locked
from companion.files import (
    UnreadableFileError,
    create_file_exclusively,
    read_json_capped,
    set_aside,
)
from companion.security.errors import DeviceSecretMissingError

_log = logging.getLogger(__name__)

KEYRING_SERVICE = "Companion"
RECORD_FILE_NAME = "device.json"
FALLBACK_FILE_NAME = "device-secret.key"
SECRET_BYTES = 32
Where = Literal["keyring", "file"]


class KeyringBackend(Protocol):
    """The part of a `keyring` backend we use (tests may pass a real backend of their own)."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


KEYRING_VARIABLE = "COMPANION_KEYRING"


def _secret_service_would_prompt() -> bool:
    """True when the Secret Service's default collection is missing or locked.

    Using it then pops up a password prompt before our window exists, which an older adult
    cannot be expected to answer; we use the owner-only file instead, and say so.
    """
    import secretstorage
    from secretstorage.collection import DEFAULT_COLLECTION, Collection

    connection = secretstorage.dbus_init()
    try:
        return bool(Collection(connection, DEFAULT_COLLECTION).is_locked())
    except secretstorage.exceptions.SecretStorageException:
        return True
    finally:
        connection.close()


def system_keyring() -> KeyringBackend | None:
    """The OS keyring chosen explicitly (Secret Service, Windows Credential Locker, macOS
    Keychain), or None when this PC has none that answers. Never a plaintext keyring.

    `COMPANION_KEYRING=none` skips the OS keyring (kiosk PCs, portable installs, tests)."""
    if os.environ.get(KEYRING_VARIABLE, "").lower() == "none":
        return None
    try:
        backend: Any
        if sys.platform.startswith("win"):
            from keyring.backends import Windows

            backend = Windows.WinVaultKeyring()
        elif sys.platform == "darwin":
            from keyring.backends import macOS

            backend = macOS.Keyring()
        else:
            from keyring.backends import SecretService

            backend = SecretService.Keyring()  # type: ignore[no-untyped-call]
            if backend.priority > 0 and _secret_service_would_prompt():
                _log.info("The Secret Service is locked or has no default keyring")
                return None
        if backend.priority <= 0:
            return None
        backend.get_password(KEYRING_SERVICE, "availability-probe")
    except Exception as exc:  # any failure means "no usable keyring": we fall back and say so
        _log.info("No usable OS keyring (%s)", type(exc).__name__)
        return None
    result: KeyringBackend = backend
    return result


def device_check(secret: bytes) -> str:
    """A public fingerprint that tells whether a device secret is the one data was locked with."""
    return hmac.new(secret, b"companion device check v1", hashlib.sha256).hexdigest()[:32]


class DeviceSecretStore:
    """Finds, or on first use creates, the device secret of one data folder."""

    def __init__(self, data_dir: Path, keyring: KeyringBackend | None) -> None:
        """`keyring` None means this PC has no usable keyring (see `system_keyring()`)."""
        self._data_dir = data_dir
        self._keyring = keyring
        self._record_path = data_dir / RECORD_FILE_NAME
        self._fallback_path = data_dir / FALLBACK_FILE_NAME

    def _record(self) -> dict[str, Any] | None:
        try:
            record = read_json_capped(self._record_path, max_bytes=4096, max_depth=2)
        except FileNotFoundError:
            return None
        except (OSError, UnreadableFileError) as exc:
            _log.error("Device record unreadable: %s", type(exc).__name__)
            raise DeviceSecretMissingError() from exc
        if not isinstance(record, dict) or record.get("where") not in ("keyring", "file"):
            raise DeviceSecretMissingError()
        return record

    @property
    def where(self) -> Where | None:
        """Where the secret lives now ("keyring" or "file"), or None before the first person."""
        record = self._record()
        return None if record is None else record["where"]

    def _username(self, record: dict[str, Any]) -> str:
        # One keyring entry per data folder, so portable installs and tests never collide.
        return f"device-secret-{record['id']}"

    def secret(self) -> bytes:
        """The existing device secret; DeviceSecretMissingError if it cannot be found."""
        record = self._record()
        if record is None:
            raise DeviceSecretMissingError()
        encoded: str | None
        if record["where"] == "keyring":
            if self._keyring is None:
                _log.error("The device secret was in a keyring that no longer answers")
                raise DeviceSecretMissingError()
            try:
                encoded = self._keyring.get_password(KEYRING_SERVICE, self._username(record))
            except Exception as exc:  # a locked or broken keyring: keep the data closed
                _log.error("Keyring read failed: %s", type(exc).__name__)
                raise DeviceSecretMissingError() from exc
        else:
            try:
                with self._fallback_path.open("rb") as handle:  # a secret is 44 characters
                    encoded = handle.read(256).decode("ascii", errors="replace").strip()
            except OSError as exc:
                raise DeviceSecretMissingError() from exc
        if not encoded:
            raise DeviceSecretMissingError()
        try:
            secret = base64.b64decode(encoded, validate=True)
        except ValueError as exc:
            raise DeviceSecretMissingError() from exc
        if len(secret) != SECRET_BYTES:
            raise DeviceSecretMissingError()
        return secret

    def secret_or_create(self) -> bytes:
        """The device secret, made now if this data folder has none yet.

        Two Companions starting at once must end with one secret: the making runs under the
        record's lock, and both files are created exclusively, so an existing secret is never
        overwritten (that would lock out everyone whose key it wraps)."""
        if self._record() is not None:
            return self.secret()
        with locked(self._record_path):
            if self._record() is not None:  # another Companion made it while we waited
                return self.secret()
            return self._create()

    def _create(self) -> bytes:
        secret = os.urandom(SECRET_BYTES)
        record: dict[str, Any] = {"id": uuid.uuid4().hex, "where": "file"}
        encoded = base64.b64encode(secret).decode("ascii")
        if self._keyring is not None:
            try:
                self._keyring.set_password(KEYRING_SERVICE, self._username(record), encoded)
                record["where"] = "keyring"
            except Exception as exc:  # keyring refused: fall back, loudly
                _log.warning("Keyring refused the device secret (%s)", type(exc).__name__)
        if record["where"] == "file":
            _log.warning("No OS keyring: the device secret is kept in an owner-only file")
            secret = self._new_fallback_file(secret)
        data = json.dumps(record, indent=2).encode("utf-8")
        if not create_file_exclusively(self._record_path, data):
            _log.warning("Another Companion made the device record first; using theirs")
            return self.secret()
        return secret

    def _new_fallback_file(self, secret: bytes) -> bytes:
        """Create the owner-only secret file, or keep the one a killed first start left.

        Nothing can be wrapped by a secret whose record was never written, but keeping it
        (rather than replacing it) means a secret file is never overwritten, whatever the cause."""
        encoded = base64.b64encode(secret).decode("ascii").encode("ascii")
        if create_file_exclusively(self._fallback_path, encoded):
            return secret
        try:
            with self._fallback_path.open("rb") as handle:
                existing = base64.b64decode(handle.read(256).strip(), validate=True)
        except (OSError, ValueError):
            existing = b""
        if len(existing) == SECRET_BYTES:
            _log.warning("Found a device secret file with no record; keeping it")
            return existing
        # dated by the file itself: the wall clock is not read in logic
        set_aside(self._fallback_path, date.fromtimestamp(self._fallback_path.stat().st_mtime))
        if not create_file_exclusively(self._fallback_path, encoded):
            raise DeviceSecretMissingError()
        return secret

    def forget(self) -> None:
        """Remove the device secret (after the last person on this PC was deleted)."""
        with locked(self._record_path):
            self._forget()

    def _forget(self) -> None:
        record = self._record()
        if record is None:
            return
        if record["where"] == "keyring" and self._keyring is not None:
            try:
                self._keyring.delete_password(KEYRING_SERVICE, self._username(record))
            except Exception as exc:  # already gone is fine; note anything else
                _log.info("Keyring entry not removed (%s)", type(exc).__name__)
        self._fallback_path.unlink(missing_ok=True)
        self._record_path.unlink(missing_ok=True)
