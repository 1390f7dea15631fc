"""Attacks on the backup reader: hostile headers and bombs cost nothing and raise only BackupError.

Each test reproduces a file found by the hardening review (issue #13, item 2).
"""

from __future__ import annotations

import json
import os
import tracemalloc
import zlib
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from companion.backup import archive as backup
from companion.backup.archive import MAGIC, BackupError, read_backup
from companion.security.kdf import b64, derive_key, normalise_secret

PASSPHRASE = "green teapot on sunday"
GOOD_ARGON2 = {"t": 1, "m": 8, "p": 1}


def _file(tmp_path: Path, header: dict[str, Any] | bytes, ciphertext: bytes = b"x" * 32) -> Path:
    raw = header if isinstance(header, bytes) else json.dumps(header).encode()
    path = tmp_path / "hostile.companion-backup"
    path.write_bytes(MAGIC + len(raw).to_bytes(4, "big") + raw + ciphertext)
    return path


def _header(**changes: Any) -> dict[str, Any]:
    header: dict[str, Any] = {
        "version": 1,
        "argon2": dict(GOOD_ARGON2),
        "salt": b64(bytes(16)),
        "nonce": b64(bytes(12)),
        "length": 32,
    }
    header.update(changes)
    return header


@pytest.fixture
def no_key_work(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fails the test if the reader starts an Argon2 derivation: refusal must come first."""
    calls: list[object] = []

    def refuse(*args: object) -> bytes:
        calls.append(args)
        raise AssertionError("Argon2 ran on parameters that should have been refused")

    monkeypatch.setattr(backup, "derive_key", refuse)
    return calls


DAMAGED = "damaged or cut short"


@pytest.mark.parametrize(
    "argon2",
    [
        {"t": 3, "m": 6 * 1024 * 1024, "p": 2},  # 6 GiB: used 6.2 GB for 20 s
        {"t": 10**7, "m": 8, "p": 1},  # ran for hours
        {"t": 1, "m": 2**40, "p": 1},  # untyped error
        {"t": -1, "m": 8, "p": 1},
        {"t": 1, "m": 8, "p": 0},
        {"t": 1, "m": 8, "p": 100},
        {"t": 0, "m": 8, "p": 1},
        {"t": 1, "m": 4, "p": 1},
        {"t": "many", "m": 8, "p": 1},
        {"t": 1, "m": 8},
        [1, 8, 1],
        None,
    ],
)
def test_argon2_settings_out_of_bounds_are_refused_before_any_work(
    tmp_path: Path, no_key_work: list[object], argon2: Any
) -> None:
    path = _file(tmp_path, _header(argon2=argon2))
    with pytest.raises(BackupError, match=DAMAGED):
        read_backup(path, PASSPHRASE)
    assert no_key_work == []


@pytest.mark.parametrize(
    "changes",
    [
        {"nonce": b64(b"n")},  # a 1-byte nonce raised ValueError from AES-GCM
        {"nonce": b64(bytes(64))},
        {"salt": b64(b"")},
        {"salt": 5},
        {"nonce": "not base64!"},
        {"length": "long"},
        {"length": 10**30},
    ],
)
def test_bad_salt_nonce_or_length_is_refused_before_any_work(
    tmp_path: Path, no_key_work: list[object], changes: dict[str, Any]
) -> None:
    with pytest.raises(BackupError):
        read_backup(_file(tmp_path, _header(**changes)), PASSPHRASE)
    assert no_key_work == []


@pytest.mark.parametrize(
    "header",
    [b"[" * 3000 + b"]" * 1000, b"[]", b"5", b'"text"', b"\xff\xfe", b"{" * 4000],
)
def test_headers_that_are_not_objects_raise_only_backup_error(
    tmp_path: Path, no_key_work: list[object], header: bytes
) -> None:
    with pytest.raises(BackupError):
        read_backup(_file(tmp_path, header), PASSPHRASE)


def _authentic(tmp_path: Path, plain: bytes) -> Path:
    """A backup whose data is `plain` (already gzipped), sealed with the real passphrase."""
    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps(_header(salt=b64(salt), nonce=b64(nonce), length=len(plain) + 16)).encode()
    preamble = MAGIC + len(header).to_bytes(4, "big") + header
    key = derive_key(normalise_secret(PASSPHRASE), salt, backup.Argon2Params.from_json(GOOD_ARGON2))
    path = tmp_path / "sealed.companion-backup"
    path.write_bytes(preamble + AESGCM(key).encrypt(nonce, plain, preamble))
    return path


def _gzip_bomb(megabytes: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"\0" * (1024 * 1024)
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


def test_an_authenticated_gzip_bomb_is_refused_without_filling_memory(tmp_path: Path) -> None:
    path = _authentic(tmp_path, _gzip_bomb(400))
    assert path.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(BackupError, match=DAMAGED):
            read_backup(path, PASSPHRASE)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024, f"reading a bomb used {peak // 2**20} MB"


@pytest.mark.parametrize(
    "plain",
    [
        b"not gzip at all",
        zlib.compress(b"{}"),
        _gzip_bomb(1)[:100],
        __import__("gzip").compress(b"[" * 100_000),
        __import__("gzip").compress(b'{"name": "x", "data": []}'),
        __import__("gzip").compress(b'{"name": "x", "data": {"checkins": [{"started_at": 5}]}}'),
    ],
)
def test_authentic_but_malformed_contents_raise_only_backup_error(
    tmp_path: Path, plain: bytes
) -> None:
    with pytest.raises(BackupError, match=DAMAGED):
        read_backup(_authentic(tmp_path, plain), PASSPHRASE)


def test_a_huge_file_is_not_read_into_memory(tmp_path: Path, no_key_work: list[object]) -> None:
    path = tmp_path / "huge.companion-backup"
    with path.open("wb") as f:
        f.write(MAGIC)
        f.truncate(backup.MAX_BACKUP_BYTES + 1)
    with pytest.raises(BackupError):
        read_backup(path, PASSPHRASE)
