"""Crisis resources by region (content/crisis/regions.json) and the person's emergency contacts.

Every entry records its official source, the date it was last checked and whether that check
was against the source itself (`confirmed`); `companion --check` lists what is not confirmed.
"Somewhere else" (ELSEWHERE) is the region of anyone not listed, and of an unknown code: it
shows only what is true everywhere, never another country's number.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Protocol

import msgspec

from companion.files import UnreadableFileError, read_json_capped
from companion.i18n import N_
from companion.schemas import UNREADABLE, Refusal, RuleError, SchemaError, convert

_log = logging.getLogger(__name__)

CRISIS_FILE = Path("crisis") / "regions.json"
# Read at every start: capped, so a damaged or hostile file costs nothing (the real one: 5 KB).
MAX_CRISIS_BYTES = 1024 * 1024
MAX_CRISIS_DEPTH = 10
STALE_AFTER_DAYS = 365
MAX_EMERGENCY_CONTACTS = 3
ELSEWHERE = "ELSEWHERE"
FALLBACK_REGION = ELSEWHERE


class CrisisDataError(SchemaError):
    """The crisis file is missing or malformed; the refusal names the file and the field."""


MAX_TEXT = 1000
MAX_LINES = 12
MAX_REGIONS = 300
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TEXT)]
Phone = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
HTTPS_SOURCE = N_("In {file}, “{field}” must be a link to the official page, starting https://.")
EMERGENCY_NEEDED = N_("In {file}, “{field}” is needed: only ELSEWHERE has no emergency number.")
ELSEWHERE_NEEDED = N_("In {file}, “{field}” must have the region {code} (Somewhere else).")
CODE_TWICE = N_("In {file}, “{field}” lists the region {code} twice.")


@dataclass(frozen=True)
class CrisisLine:
    name: dict[str, str]
    number: str | None
    """None for a directory reached on the internet (its address is in `how`)."""
    how: dict[str, str]
    source: str
    last_checked: date
    confirmed: bool = False
    """True only when `last_checked` was a check against the official `source` itself."""


@dataclass(frozen=True)
class Emergency:
    numbers: tuple[str, ...]
    source: str
    last_checked: date
    confirmed: bool = False

    @property
    def number(self) -> str:
        """The first number to call (ambulance or general emergency)."""
        return self.numbers[0]


@dataclass(frozen=True)
class Region:
    code: str
    name: dict[str, str]
    emergency: Emergency | None
    """None for "Somewhere else": call your local emergency number."""
    lines: tuple[CrisisLine, ...]


@dataclass(frozen=True)
class EmergencyContact:
    name: str
    phone: str
    relation: str


class ContactsStore(Protocol):
    def contacts(self) -> list[EmergencyContact]: ...

    def set_contacts(self, contacts: list[EmergencyContact]) -> None: ...


class MemoryContactsStore:
    """Contacts kept in memory only (a guest, a test, or before a person is unlocked)."""

    def __init__(self, contacts: list[EmergencyContact] | None = None) -> None:
        self._contacts: list[EmergencyContact] = []
        self.set_contacts(contacts or [])

    def contacts(self) -> list[EmergencyContact]:
        return list(self._contacts)

    def set_contacts(self, contacts: list[EmergencyContact]) -> None:
        if len(contacts) > MAX_EMERGENCY_CONTACTS:
            raise ValueError(f"At most {MAX_EMERGENCY_CONTACTS} emergency contacts are kept")
        self._contacts = list(contacts)


def localized(texts: dict[str, str], language: str) -> str:
    """The text in `language`, else English, else any."""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()), "")


@dataclass(frozen=True)
class CrisisDirectory:
    """Every region's crisis lines, validated at load."""

    regions: tuple[Region, ...]

    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.regions)

    def region(self, code: str) -> Region:
        """The region with `code`, or the fallback region when it is unknown."""
        for region in self.regions:
            if region.code == code:
                return region
        for region in self.regions:
            if region.code == FALLBACK_REGION:
                return region
        return self.regions[0]

    def stale_entries(self, today: date) -> list[str]:
        """Plain descriptions of entries last checked more than a year before `today`."""
        return [
            words
            for words, checked, _confirmed in self._entries()
            if (today - checked).days > STALE_AFTER_DAYS
        ]

    def unconfirmed_entries(self) -> list[str]:
        """Plain descriptions of entries not yet confirmed against their official source."""
        return [words for words, _checked, confirmed in self._entries() if not confirmed]

    def _entries(self) -> list[tuple[str, date, bool]]:
        entries = []
        for region in self.regions:
            if region.emergency is not None:
                emergency = region.emergency
                words = f"{region.code} emergency {' / '.join(emergency.numbers)}"
                entries.append((words, emergency.last_checked, emergency.confirmed))
            for line in region.lines:
                words = f"{region.code} {localized(line.name, 'en')}"
                if line.number:
                    words += f" ({line.number})"
                entries.append((words, line.last_checked, line.confirmed))
        return entries


class TextsEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The same words in English and French."""

    en: Text
    fr: Text

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, "fr": self.fr}


class CheckedEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Where an entry comes from and when it was last checked (against the source itself?)."""

    source: Annotated[str, msgspec.Meta(max_length=MAX_TEXT)]
    last_checked: date
    confirmed: bool

    def __post_init__(self) -> None:
        if not self.source.startswith("https://") or any(c.isspace() for c in self.source):
            raise RuleError("source", HTTPS_SOURCE)


class EmergencyEntry(CheckedEntry, kw_only=True, frozen=True):
    numbers: Annotated[list[Phone], msgspec.Meta(min_length=1, max_length=5)]


class LineEntry(CheckedEntry, kw_only=True, frozen=True):
    name: TextsEntry
    number: Phone | None  # None: a directory reached on the internet (said in `how`)
    how: TextsEntry


class RegionEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    code: Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{2}(-[A-Z]{2,3})?$|^ELSEWHERE$")]
    name: TextsEntry
    emergency: EmergencyEntry | None
    lines: Annotated[list[LineEntry], msgspec.Meta(max_length=MAX_LINES)]

    def __post_init__(self) -> None:
        if self.emergency is None and self.code != ELSEWHERE:
            raise RuleError("emergency", EMERGENCY_NEEDED)


class CrisisFile(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """content/crisis/regions.json as written."""

    regions: Annotated[list[RegionEntry], msgspec.Meta(min_length=1, max_length=MAX_REGIONS)]
    about: str = ""

    def __post_init__(self) -> None:
        codes = [r.code for r in self.regions]
        if ELSEWHERE not in codes:
            raise RuleError("regions", ELSEWHERE_NEEDED, code=ELSEWHERE)
        twice = sorted({c for c in codes if codes.count(c) > 1})
        if twice:
            raise RuleError("regions", CODE_TWICE, code=twice[0])


def parse_crisis_data(raw: Any, where: str = "regions.json") -> CrisisDirectory:
    """The decoded crisis file checked against `CrisisFile`; CrisisDataError names the field."""
    try:
        found = convert(raw, CrisisFile, where, text_dates=True)
    except SchemaError as exc:
        raise CrisisDataError(exc.refusal) from exc
    return CrisisDirectory(tuple(_region(r) for r in found.regions))


def _region(entry: RegionEntry) -> Region:
    found = entry.emergency
    emergency = None
    if found is not None:
        emergency = Emergency(
            tuple(found.numbers), found.source, found.last_checked, found.confirmed
        )
    lines = tuple(
        CrisisLine(
            line.name.as_dict(),
            line.number,
            line.how.as_dict(),
            line.source,
            line.last_checked,
            line.confirmed,
        )
        for line in entry.lines
    )
    return Region(entry.code, entry.name.as_dict(), emergency, lines)


# Used only when the shipped file is broken, so the Get help now screen is never empty: only
# what is true everywhere (no country's number shown as if it were the person's).
BUILT_IN_FALLBACK = CrisisDirectory(
    (
        Region(
            ELSEWHERE,
            {"en": "Somewhere else", "fr": "Ailleurs"},
            None,
            (
                CrisisLine(
                    {"en": "Find a Helpline", "fr": "Find a Helpline"},
                    None,
                    {
                        "en": "On the internet, go to findahelpline.com and choose your country.",
                        "fr": "Sur Internet, allez sur findahelpline.com et choisissez votre pays.",
                    },
                    "https://findahelpline.com",
                    date(2026, 12, 1),
                ),
            ),
        ),
    )
)


def load_crisis_directory(content_root: Path) -> tuple[CrisisDirectory, Refusal | None]:
    """The crisis lines from content/, or the built-in fallback and why, never a crash."""
    path = content_root / CRISIS_FILE
    try:
        raw = read_json_capped(path, MAX_CRISIS_BYTES, MAX_CRISIS_DEPTH)
        return parse_crisis_data(raw, path.name), None
    except CrisisDataError as exc:
        _log.error("Crisis lines could not be loaded: %s", exc.refusal.english())
        return BUILT_IN_FALLBACK, exc.refusal
    except (OSError, ValueError, UnreadableFileError) as exc:
        _log.error("Crisis lines could not be loaded from %s: %s", path.name, exc)
        return BUILT_IN_FALLBACK, Refusal(path.name, None, UNREADABLE)


def propose_region(locale_name: str, directory: CrisisDirectory) -> str:
    """The region to propose at first run from the computer's language and country ("fr_CA").

    French in Canada proposes Quebec; a country Companion has lines for proposes itself;
    anything else proposes "Somewhere else", never another country. The person is then asked.
    """
    language, _sep, rest = locale_name.replace("-", "_").partition("_")
    country = rest.split(".")[0].split("@")[0].split("_")[-1].upper() if rest else ""
    codes = set(directory.codes())
    if country == "CA" and language.lower() == "fr" and "CA-QC" in codes:
        return "CA-QC"
    if country in codes:
        return country
    return ELSEWHERE if ELSEWHERE in codes else directory.regions[0].code
