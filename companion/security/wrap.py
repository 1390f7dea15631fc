"""Wrap and unwrap a person's data key with AES-GCM; a wrong key shows as a typed error."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from companion.security.kdf import KEY_BYTES, Argon2Params, b64, unb64

WrapKind = Literal["pin", "device", "recovery"]
NONCE_BYTES = 12


class UnwrapError(Exception):
    """The wrapping key was wrong or the wrap was altered (AES-GCM refused it)."""


@dataclass(frozen=True)
class KeyWrap:
    """The data key encrypted under one wrapping key, with what is needed to derive it again."""

    kind: WrapKind
    salt: bytes
    nonce: bytes
    ciphertext: bytes
    argon2: Argon2Params | None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "salt": b64(self.salt),
            "nonce": b64(self.nonce),
            "ciphertext": b64(self.ciphertext),
            "argon2": None if self.argon2 is None else self.argon2.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeyWrap:
        kind = data["kind"]
        if kind not in ("pin", "device", "recovery"):
            raise ValueError(f"unknown wrap kind {kind!r}")
        argon2 = data.get("argon2")
        return cls(
            kind=kind,
            salt=unb64(data["salt"]),
            nonce=unb64(data["nonce"]),
            ciphertext=unb64(data["ciphertext"]),
            argon2=None if argon2 is None else Argon2Params.from_json(argon2),
        )


def combine(kind: WrapKind, *parts: bytes) -> bytes:
    """One wrapping key from several secrets (e.g. the Argon2 output and the device secret)."""
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=None,
        info=b"companion key wrap v1 " + kind.encode("ascii"),
    )
    return hkdf.derive(b"".join(len(p).to_bytes(4, "big") + p for p in parts))


def _associated_data(person_id: str, kind: WrapKind) -> bytes:
    # Binding the person and the kind stops a wrap being copied onto someone else's profile.
    return f"companion/{person_id}/{kind}".encode()


def wrap_key(
    data_key: bytes,
    wrapping_key: bytes,
    person_id: str,
    kind: WrapKind,
    salt: bytes,
    argon2: Argon2Params | None,
) -> KeyWrap:
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(wrapping_key).encrypt(nonce, data_key, _associated_data(person_id, kind))
    return KeyWrap(kind, salt, nonce, ciphertext, argon2)


def unwrap_key(wrap: KeyWrap, wrapping_key: bytes, person_id: str) -> bytes:
    """The data key, or UnwrapError when the wrapping key is wrong or the wrap was altered."""
    try:
        return AESGCM(wrapping_key).decrypt(
            wrap.nonce, wrap.ciphertext, _associated_data(person_id, wrap.kind)
        )
    except InvalidTag as exc:
        raise UnwrapError from exc
