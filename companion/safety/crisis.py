"""Crisis resources by region (content/crisis/regions.json) and the person's emergency contacts.

Every entry records its official source, the date it was last checked and whether that check
was against the source itself (`confirmed`); `companion --check` lists what is not confirmed.
"Somewhere else" (ELSEWHERE) is the region of anyone not listed, and of an unknown code: it
shows only what is true everywhere, never another country's number.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from companion.files import UnreadableFileError, read_json_capped

_log = logging.getLogger(__name__)

CRISIS_FILE = Path("crisis") / "regions.json"
# Read at every start: capped, so a damaged or hostile file costs nothing (the real one: 5 KB).
MAX_CRISIS_BYTES = 1024 * 1024
MAX_CRISIS_DEPTH = 10
STALE_AFTER_DAYS = 365
MAX_EMERGENCY_CONTACTS = 3
ELSEWHERE = "ELSEWHERE"
FALLBACK_REGION = ELSEWHERE


class CrisisDataError(ValueError):
    """The crisis file is missing or malformed; the message names the file and the field."""


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


def _field(entry: dict[str, Any], key: str, where: str, kind: type) -> Any:
    if key not in entry:
        raise CrisisDataError(f"{where}: missing field '{key}'")
    value = entry[key]
    if not isinstance(value, kind):
        raise CrisisDataError(f"{where}: field '{key}' must be {kind.__name__}")
    if isinstance(value, str) and not value.strip():
        raise CrisisDataError(f"{where}: field '{key}' is empty")
    return value


def _texts(entry: dict[str, Any], key: str, where: str) -> dict[str, str]:
    texts = _field(entry, key, where, dict)
    if "en" not in texts or "fr" not in texts:
        raise CrisisDataError(f"{where}: field '{key}' needs both 'en' and 'fr'")
    if not all(isinstance(v, str) and v.strip() for v in texts.values()):
        raise CrisisDataError(f"{where}: field '{key}' has an empty text")
    return {str(k): str(v) for k, v in texts.items()}


def _checked(entry: dict[str, Any], where: str) -> tuple[str, date, bool]:
    source = _field(entry, "source", where, str)
    if not source.startswith("https://"):
        raise CrisisDataError(f"{where}: field 'source' must be an https link")
    try:
        checked = datetime.strptime(_field(entry, "last_checked", where, str), "%Y-%m-%d").date()
    except ValueError as exc:
        raise CrisisDataError(f"{where}: field 'last_checked' must be a date YYYY-MM-DD") from exc
    return source, checked, _field(entry, "confirmed", where, bool)


def _emergency(entry: dict[str, Any], here: str) -> Emergency | None:
    if entry.get("code") == ELSEWHERE and entry.get("emergency", 0) is None:
        return None  # "call your local emergency number"
    raw = _field(entry, "emergency", here, dict)
    source, checked, confirmed = _checked(raw, f"{here} emergency")
    numbers = _field(raw, "numbers", f"{here} emergency", list)
    if not numbers or not all(isinstance(n, str) and n.strip() for n in numbers):
        raise CrisisDataError(f"{here} emergency: field 'numbers' must list phone numbers")
    return Emergency(tuple(numbers), source, checked, confirmed)


def _number(entry: dict[str, Any], where: str) -> str | None:
    if entry.get("number", "") is None:
        return None
    number: str = _field(entry, "number", where, str)
    return number


def parse_crisis_data(raw: Any, where: str = "regions.json") -> CrisisDirectory:
    """Validate the decoded crisis file; raise CrisisDataError naming the field at fault."""
    if not isinstance(raw, dict):
        raise CrisisDataError(f"{where}: the file must hold a table")
    regions = []
    for index, entry in enumerate(_field(raw, "regions", where, list)):
        here = f"{where}: region {index + 1}"
        if not isinstance(entry, dict):
            raise CrisisDataError(f"{here}: must be a table")
        code = _field(entry, "code", here, str)
        here = f"{where}: region {code}"
        emergency = _emergency(entry, here)
        lines = []
        for line_index, line_raw in enumerate(_field(entry, "lines", here, list)):
            line_where = f"{here} line {line_index + 1}"
            if not isinstance(line_raw, dict):
                raise CrisisDataError(f"{line_where}: must be a table")
            source, checked, confirmed = _checked(line_raw, line_where)
            lines.append(
                CrisisLine(
                    name=_texts(line_raw, "name", line_where),
                    number=_number(line_raw, line_where),
                    how=_texts(line_raw, "how", line_where),
                    source=source,
                    last_checked=checked,
                    confirmed=confirmed,
                )
            )
        regions.append(Region(code, _texts(entry, "name", here), emergency, tuple(lines)))
    if not regions:
        raise CrisisDataError(f"{where}: no regions")
    if ELSEWHERE not in {r.code for r in regions}:
        raise CrisisDataError(f"{where}: the region {ELSEWHERE} (Somewhere else) is missing")
    if len({r.code for r in regions}) != len(regions):
        raise CrisisDataError(f"{where}: a region code appears twice")
    return CrisisDirectory(tuple(regions))


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


def load_crisis_directory(content_root: Path) -> tuple[CrisisDirectory, str | None]:
    """The crisis lines from content/, or the built-in fallback and the problem, never a crash."""
    path = content_root / CRISIS_FILE
    try:
        raw = read_json_capped(path, MAX_CRISIS_BYTES, MAX_CRISIS_DEPTH)
        return parse_crisis_data(raw, path.name), None
    except (OSError, ValueError, UnreadableFileError) as exc:
        _log.error("Crisis lines could not be loaded from %s: %s", path.name, exc)
        return BUILT_IN_FALLBACK, str(exc)


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
