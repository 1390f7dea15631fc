"""Plain-language answers for `companion --check` and Settings: keyring and encryption."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from companion.i18n import _
from companion.security.device_secret import DeviceSecretStore, KeyringBackend, system_keyring

_log = logging.getLogger(__name__)

_SQLITE_HEADER = b"SQLite format 3"


def keyring_uses_fallback(data_dir: Path, keyring: KeyringBackend | None = None) -> bool:
    """True when the device secret is (or would be) kept in the 0600 file instead of a keyring."""
    backend = keyring if keyring is not None else system_keyring()
    where = DeviceSecretStore(data_dir, backend).where
    return where == "file" or (where is None and backend is None)


def keyring_status(data_dir: Path, keyring: KeyringBackend | None = None) -> tuple[bool, str]:
    """(works, sentence) for `--check` and Settings; `keyring` defaults to `system_keyring()`.

    With no keyring the fallback file works, so this is True, and the sentence says so plainly
    (`keyring_uses_fallback` tells a caller to show it as a warning). False only when the
    keyring that holds an existing secret stops answering: then data stays locked.
    """
    backend = keyring if keyring is not None else system_keyring()
    where = DeviceSecretStore(data_dir, backend).where
    if where == "keyring" and backend is None:
        return False, _(
            "The keyring that holds Companion's safe key is not answering, so data stays "
            "locked until it is back."
        )
    if where == "file" or backend is None:
        from companion.security.exposure import no_keyring_check_sentence

        return True, no_keyring_check_sentence(data_dir)
    return True, _("The computer's keyring is working and holds Companion's safe key.")


def encryption_status(data_dir: Path) -> tuple[bool, str]:
    """(works, sentence): write a throw-away encrypted database here and prove it is unreadable."""
    from companion.storage import DatabaseKeyError, open_database
    from companion.storage.preferences import SqlPreferencesStore

    marker = "check-" + os.urandom(8).hex()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".encryption-check-", dir=data_dir) as folder:
            path = Path(folder) / "check.db"
            key = os.urandom(32)
            database = open_database(path, key)
            SqlPreferencesStore(database).set("check", {"marker": marker})
            database.close()
            on_disk = b"".join(p.read_bytes() for p in Path(folder).iterdir() if p.is_file())
            readable = _SQLITE_HEADER in on_disk or marker.encode() in on_disk
            try:
                open_database(path, os.urandom(32)).close()
                wrong_key_refused = False
            except DatabaseKeyError:
                wrong_key_refused = True
            database = open_database(path, key)
            stored = SqlPreferencesStore(database).get("check")
            database.close()
    except Exception:
        _log.exception("Encryption self-check failed")
        return False, _("Companion could not make an encrypted file here. Ask your helper.")
    if readable or not wrong_key_refused or stored.get("marker") != marker:
        _log.error(
            "Encryption self-check: file readable=%s, wrong key refused=%s",
            readable,
            wrong_key_refused,
        )
        return False, _("Encryption is not working, so Companion will not keep notes here.")
    return True, _("Encryption works: notes are stored encrypted, never as plain text.")
