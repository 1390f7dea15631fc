"""One translation system for core and UI: gettext catalogs (.po committed, .mo built at install).

Each feature owns one catalog file (`locale/<lang>/LC_MESSAGES/<feature>.po`) so work on different
features never edits the same file; at run time all catalogs of a language are merged into one.
Use `from companion.i18n import _`; nothing is installed into builtins.

    python -m companion.i18n compile            # .po -> .mo (the install step runs this)
    python -m companion.i18n update FEATURE     # extract FEATURE's strings into its .po files
"""

from __future__ import annotations

import gettext
import io
import logging
import re
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES: tuple[str, ...] = ("en", "fr")
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "fr": "Français"}
SOURCE_LANGUAGE = "en"

# The catalogs, one per feature. A catalog's sources follow from the folders: the feature
# folders of its name (companion/NAME/ and ui/screens/NAME/ or ui/screens/NAME.py), the folders
# `FOLDER_CATALOG` sends to it, and the few files outside any feature folder in `EXTRA_SOURCES`.
# So a new module joins its catalog by where it lives. Paths are relative to the repository root.
CATALOGS: tuple[str, ...] = (
    "shell",
    "storage",
    "voice",
    "checkin",
    "report",
    "appointments",
    "library",
    "safety_plan",
    "reminders",
    "setup",
)
FEATURE_ROOTS: tuple[str, ...] = ("companion", "ui/screens")
FOLDER_CATALOG: dict[str, str] = {
    "backup": "storage",
    "community": "setup",
    "exercise": "library",
    "export": "storage",
    "help_now": "shell",
    "home": "shell",
    "learn": "library",
    "people": "storage",
    "preset": "shell",
    "safety": "shell",
    "security": "storage",
    "sessions": "appointments",
    "settings": "shell",
}
# Files outside any feature folder, or whose sentences belong to another catalog than their
# folder's (a file named here is left out of its folder's catalog).
EXTRA_SOURCES: dict[str, tuple[str, ...]] = {
    "shell": (
        "companion/__main__.py",
        "companion/checkup.py",
        "companion/startup.py",
        "companion/config.py",
        "companion/settings_schema.py",
        "companion/schemas.py",
        "ui/app.py",
        "ui/launch.py",
        "ui/router.py",
        "ui/runner.py",
        "ui/topbar.py",
        "ui/theme.py",
        "ui/widgets",
        "ui/read_aloud.py",
        "ui/features.py",
    ),
    "storage": ("ui/shared/people_common.py", "ui/start.py", "ui/autolock.py"),
    "voice": ("voice", "ui/speech.py", "ui/screens/settings/speech.py"),
    "report": ("ui/pages",),
    "appointments": ("companion/when_words.py",),
    "reminders": (
        "ui/tray.py",
        "ui/screens/settings/reminders.py",
        "ui/shared/reminder_words.py",
    ),
    "setup": ("ui/screens/settings/helper.py", "ui/shared/caregiver_gate.py"),
    "safety_plan": ("ui/shared/safety_plan_ways_in.py",),
}


def catalog_sources(root: Path, feature: str) -> list[str]:
    """The folders and files whose sentences go into FEATURE's catalog (relative to `root`)."""
    found: list[str] = []
    for base in FEATURE_ROOTS:
        folder = root / base
        names = sorted(
            {p.name for p in folder.iterdir() if (p / "__init__.py").exists()}
            | {p.stem for p in folder.glob("*.py") if p.stem not in ("__init__", "__main__")}
        )
        for name in names:
            if FOLDER_CATALOG.get(name, name) != feature:
                continue
            package = folder / name
            found.append(f"{base}/{name}" if package.is_dir() else f"{base}/{name}.py")
    return found + list(EXTRA_SOURCES.get(feature, ()))


_log = logging.getLogger(__name__)
_CATALOG_DATE = datetime(2026, 1, 1, tzinfo=UTC)
_PLURAL_FORMS = {"fr": (2, "(n > 1)")}
_GENERATED_BY = re.compile(rb'"Generated-By: Babel [^"]*\\n"')


class _Catalogs:
    """The active language's merged translations (the only state this module keeps)."""

    def __init__(self) -> None:
        self.language = SOURCE_LANGUAGE
        self.translations: gettext.NullTranslations = gettext.NullTranslations()


_active = _Catalogs()


def _(message: str) -> str:
    """Translate `message` into the active language."""
    return _active.translations.gettext(message)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark `message` for translation without translating it yet (for data declared at import)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message that depends on a count."""
    return _active.translations.ngettext(singular, plural, n)


def current_language() -> str:
    return _active.language


def set_language(language: str) -> None:
    """Switch every later `_()` call to `language` (one of LANGUAGES)."""
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    _active.translations = load_translations(language)
    _active.language = language


def load_translations(language: str) -> gettext.NullTranslations:
    """All catalogs of `language` merged; a missing .mo is read from its .po so nothing breaks."""
    merged: gettext.NullTranslations = gettext.NullTranslations()
    if language == SOURCE_LANGUAGE:
        return merged
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    for po_path in sorted(folder.glob("*.po")):
        mo_path = po_path.with_suffix(".mo")
        part: gettext.NullTranslations
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            with mo_path.open("rb") as handle:
                part = gettext.GNUTranslations(handle)
        else:
            _log.warning("Catalog %s is not compiled; reading the .po directly", po_path.name)
            part = _translations_from_po(po_path)
        part.add_fallback(merged)
        merged = part
    return merged


class _DictTranslations(gettext.NullTranslations):
    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self._messages = messages

    def gettext(self, message: str) -> str:
        found = self._messages.get(message)
        if found:
            return found
        return super().gettext(message)


def _translations_from_po(po_path: Path) -> gettext.NullTranslations:
    from babel.messages.pofile import read_po

    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    messages = {
        str(m.id): str(m.string)
        for m in catalog
        if m.id and isinstance(m.id, str) and isinstance(m.string, str) and m.string and not m.fuzzy
    }
    return _DictTranslations(messages)


def compile_catalogs() -> list[Path]:
    """Compile every .po into a .mo beside it; returns the files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as handle:
            write_mo(handle, catalog)
        written.append(mo_path)
    return written


def _source_files(root: Path, feature: str) -> Iterator[Path]:
    named = {
        root / source
        for other, sources in EXTRA_SOURCES.items()
        if other != feature
        for source in sources
    }
    for entry in catalog_sources(root, feature):
        path = root / entry
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*.py")) if p not in named)
        elif path.exists():
            yield path


def extract_messages(root: Path, feature: str) -> dict[str, list[str]]:
    """The translatable strings of one feature, each with where it appears."""
    from babel.messages.extract import extract_from_file

    found: dict[str, list[str]] = {}
    for path in _source_files(root, feature):
        for lineno, message, _comments, _context in extract_from_file(
            "python", str(path), keywords={"_": None, "N_": None, "ngettext": (1, 2)}
        ):
            key = message if isinstance(message, str) else message[0]
            found.setdefault(key, []).append(f"{path.relative_to(root)}:{lineno}")
    return found


def update_catalogs(root: Path, feature: str) -> list[Path]:
    """Bring FEATURE's .po files in line with its source, keeping every existing translation."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    messages = extract_messages(root, feature)
    written = []
    for language in LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        po_path = LOCALE_DIR / language / "LC_MESSAGES" / f"{feature}.po"
        po_path.parent.mkdir(parents=True, exist_ok=True)
        old: dict[str, str] = {}
        if po_path.exists():
            with po_path.open("rb") as handle:
                for m in read_po(handle):
                    if m.id and isinstance(m.id, str) and isinstance(m.string, str):
                        old[m.id] = m.string
        # The same source gives the same file whatever day or babel release writes it: no
        # dates, no line numbers (they churned every catalog on every edit and made parallel
        # changes conflict), and French keeps gettext's two plural forms (babel 2.19 follows
        # CLDR's three).
        catalog = Catalog(
            locale=language, project="Companion", domain=feature, creation_date=_CATALOG_DATE
        )
        plurals = _PLURAL_FORMS.get(language)
        if plurals is not None:  # babel reads these private fields for its header
            setattr(catalog, "_num_plurals", plurals[0])  # noqa: B010
            setattr(catalog, "_plural_expr", plurals[1])  # noqa: B010
        for message, places in sorted(messages.items()):
            locations = [(p.rsplit(":", 1)[0], int(p.rsplit(":", 1)[1])) for p in places]
            catalog.add(message, old.get(message, ""), locations=locations)
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=100, omit_header=False, include_lineno=False)
        po_path.write_bytes(_GENERATED_BY.sub(rb'"Generated-By: Babel\\n"', buffer.getvalue()))
        written.append(po_path)
    return written


def translated_ids(language: str) -> set[str]:
    """Every message that has a (non-empty, non-fuzzy) translation in `language`'s catalogs."""
    from babel.messages.pofile import read_po

    found: set[str] = set()
    for po_path in sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.po")):
        with po_path.open("rb") as handle:
            for m in read_po(handle):
                key = m.id if isinstance(m.id, str) else (m.id[0] if m.id else "")
                text = m.string if isinstance(m.string, str) else (m.string[0] if m.string else "")
                if key and text and not m.fuzzy:
                    found.add(key)
    return found


def untranslated(root: Path, language: str = "fr") -> dict[str, list[str]]:
    """Strings used in the source that have no translation in `language` (for tests)."""
    done = translated_ids(language)
    missing: dict[str, list[str]] = {}
    for feature in CATALOGS:
        for message, places in extract_messages(root, feature).items():
            if message not in done and any(c.isalpha() for c in message):
                missing.setdefault(message, []).extend(places)
    return missing


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    if argv[:1] == ["compile"]:
        for path in compile_catalogs():
            print(f"compiled {path.relative_to(root)}")
        return 0
    if len(argv) == 2 and argv[0] == "update" and argv[1] in CATALOGS:
        for path in update_catalogs(root, argv[1]):
            print(f"updated {path.relative_to(root)}")
        return 0
    if argv[:1] == ["missing"]:
        for message, places in sorted(untranslated(root).items()):
            print(f"{places[0]}: {message!r}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
