"""Argon2id key derivation with parameters that travel with each wrap, so they can grow later."""

from __future__ import annotations

import base64
import os
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw

KEY_BYTES = 32
SALT_BYTES = 16


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost settings; stored beside each wrap."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def to_json(self) -> dict[str, int]:
        return {"t": self.time_cost, "m": self.memory_kib, "p": self.parallelism}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Argon2Params:
        return cls(time_cost=int(data["t"]), memory_kib=int(data["m"]), parallelism=int(data["p"]))


# Measured on the development PC (2 cores): about 0.4-0.5 s per derivation.
DEFAULT_ARGON2 = Argon2Params(time_cost=3, memory_kib=256 * 1024, parallelism=2)
# The floor `tune_argon2` never goes below (OWASP's minimum for Argon2id).
MINIMUM_ARGON2 = Argon2Params(time_cost=2, memory_kib=19 * 1024, parallelism=1)
# The most a file from elsewhere (a backup) may ask of this PC: what Companion writes
# (DEFAULT_ARGON2) with a margin, never gigabytes or hours. About 3 s at worst here.
MAX_TIME_COST = 10
MAX_MEMORY_KIB = 512 * 1024
MAX_PARALLELISM = 8


def within_bounds(params: Argon2Params) -> bool:
    """Whether `params` are ones Companion could have written; anything else is refused unrun."""
    return (
        1 <= params.time_cost <= MAX_TIME_COST
        and 1 <= params.parallelism <= MAX_PARALLELISM
        and 8 * params.parallelism <= params.memory_kib <= MAX_MEMORY_KIB
    )


def normalise_secret(secret: str) -> bytes:
    """The same PIN or passphrase typed on any keyboard gives the same bytes."""
    return unicodedata.normalize("NFKC", secret).encode("utf-8")


def derive_key(secret: bytes, salt: bytes, params: Argon2Params) -> bytes:
    """A 256-bit key from a low-entropy secret; slow on purpose."""
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def measure(params: Argon2Params, timer: Callable[[], float] = time.perf_counter) -> float:
    """Seconds one derivation takes here with `params`."""
    started = timer()
    derive_key(b"measure", bytes(SALT_BYTES), params)
    return timer() - started


def tune_argon2(
    target_seconds: float = 0.5,
    memory_kib: int = 256 * 1024,
    timer: Callable[[], float] = time.perf_counter,
) -> Argon2Params:
    """Raise the time cost until one derivation takes about `target_seconds` on this PC."""
    parallelism = min(4, os.cpu_count() or 1)
    params = Argon2Params(time_cost=1, memory_kib=memory_kib, parallelism=parallelism)
    seconds = measure(params, timer)
    while seconds < target_seconds * 0.8 and params.time_cost < 20:
        params = Argon2Params(params.time_cost + 1, memory_kib, parallelism)
        seconds = measure(params, timer)
    if params.time_cost < MINIMUM_ARGON2.time_cost:
        params = Argon2Params(MINIMUM_ARGON2.time_cost, memory_kib, parallelism)
    return params
