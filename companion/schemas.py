"""Data files read through declared schemas (msgspec), and every refusal as one kind sentence.

Content, crisis lines, presets and settings each declare their shape as msgspec Structs or
types; `convert` checks a decoded file against one and turns msgspec's refusal into a `Refusal`
that names the file and the field, in English for the log and in the person's language on
screen (docs/decisions/0022-declared-schemas.md says why msgspec).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

import msgspec

from companion.i18n import N_, _

T = TypeVar("T")

# What a field should hold, in words, by msgspec's name for the type.
KIND_WORDS: dict[str, str] = {
    "str": N_("text"),
    "int": N_("a whole number"),
    "float": N_("a number"),
    "bool": N_("true or false"),
    "array": N_("a list"),
    "object": N_("a table"),
    "date": N_("a date written like 2026-11-21"),
    "date in quotes": N_("a date written like 2026-11-21, without quotes"),
    "null": N_("left out"),
}

# The reasons a schema gives: each names the file and the field, so the helper knows what to fix.
MISSING = N_("In {file}, “{field}” is missing or empty.")
UNKNOWN = N_("In {file}, “{field}” is not a name Companion knows. Is it a typing mistake?")
WRONG_KIND = N_("In {file}, “{field}” should be {kind}.")
AT_LEAST = N_("In {file}, “{field}” should be at least {limit}.")
AT_MOST = N_("In {file}, “{field}” should be at most {limit}.")
TOO_LONG = N_("In {file}, “{field}” is too long: at most {limit} letters.")
TOO_FEW = N_("In {file}, “{field}” should list at least {limit}.")
TOO_MANY = N_("In {file}, “{field}” should list at most {limit}.")
NOT_ALLOWED = N_("In {file}, “{field}” holds {value}, which Companion does not know.")
NOT_A_SLUG = N_("In {file}, “{field}” may use only small letters, digits and dashes.")
UNREADABLE = N_("{file} could not be read. Is it the right file?")

_AT = re.compile(r"^(?P<what>.*?)(?: - at `(?P<path>[^`]*)`)?$", re.DOTALL)
_PATH_PART = re.compile(r"\.(\w+)|\[(\d+|\.\.\.)\]")
_AFTER_INDEX = re.compile(r"#\d*$")


@dataclass(frozen=True)
class Refusal:
    """Why one file (or one value in it) was refused: a reason (N_) filled with its details."""

    file: str
    field: str | None
    reason: str
    details: tuple[tuple[str, str], ...] = ()

    def _fill(self, words: str, translate: bool) -> str:
        details = {k: (_(v) if translate and k == "kind" else v) for k, v in self.details}
        return words.format(file=self.file, field=self.field or "", **details)

    def sentence(self) -> str:
        """The refusal in the person's language (asked when shown, once the language is set)."""
        return self._fill(_(self.reason), translate=True)

    def english(self) -> str:
        """The refusal in English, for the log."""
        return self._fill(self.reason, translate=False)

    def __str__(self) -> str:
        return self.sentence()


class SchemaError(ValueError):
    """A file, or one value in it, does not fit its schema; `refusal` says which field and why."""

    def __init__(self, refusal: Refusal) -> None:
        self.refusal = refusal
        super().__init__(refusal.english())

    @property
    def field_name(self) -> str | None:
        return self.refusal.field


class RuleError(ValueError):
    """A check beyond types, raised from a Struct's `__post_init__`: the field (under that
    table) and a reason (N_, with {file} and {field}) plus its details."""

    def __init__(self, field: str, reason: str, **details: object) -> None:
        super().__init__(field, reason)
        self.field = field
        self.reason = reason
        self.details = tuple((k, str(v)) for k, v in details.items())


def field_words(path: str) -> str | None:
    """msgspec's `$.breathing.paces[0].inhale` as a helper reads it: `breathing.paces #1 inhale`."""
    words = ""
    after_index = False
    for match in _PATH_PART.finditer(path):
        name, index = match.groups()
        if name is not None:
            words += (" " if after_index else ".") + name
            after_index = False
        else:
            words += " #" + (str(int(index) + 1) if index.isdigit() else "")
            after_index = True
    return words.lstrip(".").strip() or None


def join_field(*parts: str | None) -> str | None:
    """A field under a table: `sources #1` and `url` give `sources #1 url`."""
    kept = [p for p in parts if p]
    if not kept:
        return None
    out = kept[0]
    for part in kept[1:]:
        out += (" " if _AFTER_INDEX.search(out) else ".") + part
    return out


def refusal_of(error: msgspec.ValidationError, file: str, field: str | None = None) -> Refusal:
    """The kind sentence behind one msgspec refusal (`field`: where the checked value sits)."""
    cause = error.__cause__
    match = _AT.match(str(error))
    assert match is not None  # the pattern matches any text
    what, at = match["what"], join_field(field, field_words(match["path"] or ""))
    if isinstance(cause, RuleError):
        return Refusal(file, join_field(at, cause.field), cause.reason, cause.details)
    quoted = re.findall(r"`([^`]*)`", what)
    if what.startswith("Object missing required field"):
        return Refusal(file, join_field(at, quoted[0]), MISSING)
    if what.startswith("Object contains unknown field"):
        return Refusal(file, join_field(at, quoted[0]), UNKNOWN)
    if what.startswith("Invalid enum value"):
        return Refusal(file, at, NOT_ALLOWED, (("value", what.split(" ", 3)[-1]),))
    limit = re.search(r"(>=|<=|>|<) (\S+)$", what)
    kind = quoted[0] if quoted else ""
    if "matching regex" in what:
        return Refusal(file, at, NOT_A_SLUG)
    if limit is not None and "of length" in what:
        if kind == "str":
            reason = MISSING if limit[1] == ">=" else TOO_LONG
        else:
            reason = TOO_FEW if limit[1] == ">=" else TOO_MANY
        return Refusal(file, at, reason, (("limit", limit[2]),))
    if limit is not None:
        reason = AT_LEAST if limit[1] in (">=", ">") else AT_MOST
        return Refusal(file, at, reason, (("limit", limit[2]),))
    if "encoded date" in what:
        kind = "date"
    elif kind == "date" and what.endswith("got `str`"):  # TOML: a date in quotes is text
        kind = "date in quotes"
    if kind in KIND_WORDS:
        return Refusal(file, at, WRONG_KIND, (("kind", KIND_WORDS[kind]),))
    return Refusal(file, at, UNREADABLE)  # out-of-range integers and the like


def convert(
    raw: Any,
    schema: type[T],
    file: str,
    *,
    field: str | None = None,
    text_dates: bool = False,
) -> T:
    """`raw` (decoded JSON or TOML) checked against `schema`; raises SchemaError naming the field.

    TOML has real dates, so a date written in quotes is refused there; JSON has only text, so
    `text_dates` lets "2026-11-21" stand for a date.
    """
    builtin: tuple[type, ...] = () if text_dates else (date,)
    try:
        value: T = msgspec.convert(raw, schema, builtin_types=builtin)
    except msgspec.ValidationError as error:
        raise SchemaError(refusal_of(error, file, field)) from error
    return value
