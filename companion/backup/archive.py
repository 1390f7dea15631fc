"""My data: one encrypted backup file (passphrase) that restores on another PC, as a new person.

File layout: MAGIC, a JSON header (format version, Argon2id settings, salt, nonce, length), then
AES-GCM ciphertext of the gzipped JSON data; the header is authenticated too, so any change to
any byte, or a cut, is refused before anything is written.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import zlib
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from companion.appointments.model import Appointment
from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.config import write_file_atomically
from companion.i18n import _
from companion.people.profiles import People, Person, PersonSession
from companion.safety.crisis import EmergencyContact
from companion.safety_plan.plan import PARTS, PlanEntry, SafetyPlan
from companion.security.kdf import (
    DEFAULT_ARGON2,
    SALT_BYTES,
    Argon2Params,
    b64,
    derive_key,
    new_salt,
    normalise_secret,
    unb64,
    within_bounds,
)
from companion.security.pins import LockKind, check_new_secret
from companion.storage.bulk import PersonData, collect, write_all

_log = logging.getLogger(__name__)

MAGIC = b"COMPANION-BACKUP\n"
FORMAT_VERSION = 1
BACKUP_SUFFIX = ".companion-backup"
MAX_HEADER_BYTES = 4096
NONCE_BYTES = 12
# Ten years of daily check-ins with long notes is a few megabytes; these leave a wide margin and
# stop a hostile file from filling the memory (a gzip bomb) or the disk.
MAX_BACKUP_BYTES = 64 * 1024 * 1024
MAX_PLAIN_BYTES = 64 * 1024 * 1024
# Anything that can go wrong while reading a file somebody else made: all become one sentence.
_BAD_FILE = (
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    OSError,
    EOFError,
    zlib.error,
    RecursionError,
    OverflowError,
)


class BackupError(Exception):
    """A backup could not be made or read; the message is one sentence a person can act on."""


# Values <-> JSON ----------------------------------------------------------------------------


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _untime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _difficulty(value: object) -> int | None:
    """The "how difficult" answer (0 to 3); a backup made before it was kept has none."""
    return (
        value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 3
        else None
    )


def _checkin_json(c: CheckIn) -> dict[str, Any]:
    return {
        **asdict(c),
        "started_at": _time(c.started_at),
        "finished_at": _time(c.finished_at),
        "tags": sorted(c.tags),
        "id": None,
    }


def _checkin(d: dict[str, Any]) -> CheckIn:
    started = _untime(d["started_at"])
    assert started is not None
    return CheckIn(
        None,
        started,
        _untime(d["finished_at"]),
        d["mood"],
        frozenset(d["tags"]),
        str(d["note"]),
        bool(d["is_draft"]),
    )


def _to_json(data: PersonData) -> dict[str, Any]:
    return {
        "checkins": [_checkin_json(c) for c in data.checkins],
        "draft": None if data.draft is None else _checkin_json(data.draft),
        "results": [
            {
                **asdict(r),
                "id": None,
                "taken_at": _time(r.taken_at),
                "answers": list(r.answers),
                "flags": sorted(r.flags),
            }
            for r in data.results
        ],
        "appointments": [
            {**asdict(a), "id": None, "start": _time(a.start)} for a in data.appointments
        ],
        "contacts": [asdict(c) for c in data.contacts],
        "preferences": data.preferences,
        "safety_plan": {
            part.value: [asdict(e) for e in data.safety_plan.entries(part)]
            for part in PARTS
            if data.safety_plan.entries(part)
        },
    }


def _plan(d: dict[str, Any]) -> SafetyPlan:
    """The plan in a backup (none in backups made before plans existed)."""
    raw = d.get("safety_plan") or {}
    return SafetyPlan(
        {
            part: tuple(PlanEntry(str(e["text"]), str(e.get("phone", ""))) for e in raw[part.value])
            for part in PARTS
            if raw.get(part.value)
        }
    )


def _from_json(d: dict[str, Any]) -> PersonData:
    results = []
    for r in d["results"]:
        taken = _untime(r["taken_at"])
        assert taken is not None
        results.append(
            QuestionnaireResult(
                None,
                r["instrument_id"],
                taken,
                tuple(r["answers"]),
                int(r["total"]),
                r["band"],
                frozenset(r["flags"]),
                _difficulty(r.get("difficulty")),
            )
        )
    appointments = []
    for a in d["appointments"]:
        start = _untime(a["start"])
        assert start is not None
        appointments.append(
            Appointment(
                None,
                a["title"],
                a["with_whom"],
                start,
                int(a["duration_minutes"]),
                a["link"],
                a["phone"],
                a["notes"],
                a["recurrence"],
                a["uid"],
            )
        )
    return PersonData(
        checkins=tuple(_checkin(c) for c in d["checkins"]),
        draft=None if d["draft"] is None else _checkin(d["draft"]),
        results=tuple(results),
        appointments=tuple(appointments),
        contacts=tuple(
            EmergencyContact(c["name"], c["phone"], c["relation"]) for c in d["contacts"]
        ),
        preferences=dict(d["preferences"]),
        safety_plan=_plan(d),
    )


# The encrypted file --------------------------------------------------------------------------


def export_backup(
    session: PersonSession, path: Path, passphrase: str, argon2: Argon2Params = DEFAULT_ARGON2
) -> None:
    """Write everything of `session` to `path`, locked with `passphrase` (12+ characters)."""
    check_new_secret("passphrase", passphrase)
    data = collect(
        session.checkins,
        session.appointments,
        session.contacts,
        session.preferences,
        session.safety_plan,
    )
    document = {"name": session.display_name, "data": _to_json(data)}
    plain = gzip.compress(json.dumps(document).encode("utf-8"), mtime=0)
    salt, nonce = new_salt(), os.urandom(12)
    header = json.dumps(
        {
            "version": FORMAT_VERSION,
            "argon2": argon2.to_json(),
            "salt": b64(salt),
            "nonce": b64(nonce),
            "length": len(plain) + 16,
        }
    ).encode("utf-8")
    preamble = MAGIC + len(header).to_bytes(4, "big") + header
    key = derive_key(normalise_secret(passphrase), salt, argon2)
    ciphertext = AESGCM(key).encrypt(nonce, plain, preamble)
    write_file_atomically(path, preamble + ciphertext)
    _log.info("Backup written (%d bytes)", len(preamble) + len(ciphertext))


def _not_a_backup() -> BackupError:
    return BackupError(_("This file is not a Companion backup. Please choose another file."))


def _damaged() -> BackupError:
    return BackupError(
        _("This backup is damaged or cut short, so nothing was changed. Try another copy.")
    )


def _header(raw: bytes) -> tuple[bytes, bytes, Argon2Params, bytes, bytes]:
    """Preamble, ciphertext, Argon2 settings, salt and nonce, all checked before any work."""
    if not raw.startswith(MAGIC):
        raise _not_a_backup()
    body = raw[len(MAGIC) :]
    size = int.from_bytes(body[:4], "big")
    if len(body) < 4 + size or size > MAX_HEADER_BYTES:
        raise _damaged()
    preamble, ciphertext = raw[: len(MAGIC) + 4 + size], body[4 + size :]
    try:
        header = json.loads(body[4 : 4 + size])
        if not isinstance(header, dict):
            raise TypeError("header is not an object")
        version = header.get("version")
        argon2 = Argon2Params.from_json(header["argon2"])
        salt, nonce, length = unb64(header["salt"]), unb64(header["nonce"]), int(header["length"])
    except _BAD_FILE as exc:
        raise _damaged() from exc
    if version != FORMAT_VERSION:
        raise BackupError(_("This backup was made by a newer Companion. Please update first."))
    if not within_bounds(argon2) or len(salt) != SALT_BYTES or len(nonce) != NONCE_BYTES:
        raise _damaged()
    if len(ciphertext) != length:
        raise _damaged()
    return preamble, ciphertext, argon2, salt, nonce


def _decompress(plain: bytes) -> bytearray:
    """Gunzip at most MAX_PLAIN_BYTES, a piece at a time: a small file that grows to gigabytes
    is refused once it passes the limit, without ever holding more."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = bytearray()
    pending = plain
    while not inflater.eof:
        piece = inflater.decompress(pending, 1024 * 1024)
        if not piece and not inflater.unconsumed_tail:
            raise ValueError("backup data cut short")
        out += piece
        if len(out) > MAX_PLAIN_BYTES:
            raise ValueError("backup data too large")
        pending = inflater.unconsumed_tail
    return out


def read_backup(path: Path, passphrase: str) -> tuple[str, PersonData]:
    """The name and data inside a backup; BackupError for a wrong passphrase or a bad file.

    Nothing from the file is used before it is checked: the Argon2 settings must be ones Companion
    could have written, and the data may grow only to MAX_PLAIN_BYTES. BackupError is the only
    error this raises.
    """
    try:
        if path.stat().st_size > MAX_BACKUP_BYTES:
            raise _not_a_backup()
        raw = path.read_bytes()
    except OSError as exc:
        raise BackupError(
            _("That backup file could not be opened. Please check where it is.")
        ) from exc
    preamble, ciphertext, argon2, salt, nonce = _header(raw)
    try:
        key = derive_key(normalise_secret(passphrase), salt, argon2)
        plain = AESGCM(key).decrypt(nonce, ciphertext, preamble)
    except InvalidTag as exc:
        raise BackupError(
            _(
                "That passphrase does not open this backup, or the file was changed. "
                "Nothing was changed here."
            )
        ) from exc
    try:
        document = json.loads(_decompress(plain))
        return str(document["name"]), _from_json(document["data"])
    except _BAD_FILE as exc:
        raise _damaged() from exc


def restore_as_new_person(
    people: People,
    path: Path,
    passphrase: str,
    name: str,
    lock: LockKind,
    secret: str,
    recovery_code: str | None = None,
    *,
    chosen_by_caregiver: bool = False,
) -> Person:
    """Restore a backup into a new person on this PC; no existing data is ever overwritten.

    The data is written into a folder under a temporary name and the person is listed only
    once it is all there, so a kill part-way leaves nobody listed with half their notes."""
    _old_name, data = read_backup(path, passphrase)
    return people.add(
        name,
        lock,
        secret,
        recovery_code,
        chosen_by_caregiver=chosen_by_caregiver,
        fill=lambda database: write_all(database, data),
    )
