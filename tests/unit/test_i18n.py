"""One translation system: every sentence in the code has its French, and switching is live."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion import i18n
from companion.i18n import _, current_language, set_language, untranslated

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    set_language("en")


def test_switching_language_changes_later_lookups() -> None:
    assert _("Get help now") == "Get help now"
    set_language("fr")
    assert current_language() == "fr"
    assert _("Get help now") == "Obtenir de l’aide maintenant"
    set_language("en")
    assert _("Get help now") == "Get help now"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        set_language("xx")


def test_every_sentence_in_the_code_has_a_french_translation() -> None:
    missing = untranslated(ROOT, "fr")
    listing = "\n".join(f"{places[0]}: {message!r}" for message, places in sorted(missing.items()))
    assert not missing, f"{len(missing)} strings have no French yet:\n{listing}"


def test_placeholders_survive_translation() -> None:
    set_language("fr")
    for message in i18n.extract_messages(ROOT, "shell"):
        translated = _(message)
        for part in ("{number}", "{region}", "{choices}", "{version}", "{folder}", "{seconds}"):
            assert (part in message) == (part in translated), f"{message!r} -> {translated!r}"


def test_catalogs_compile_and_the_compiled_form_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    copy = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, copy)
    monkeypatch.setattr(i18n, "LOCALE_DIR", copy)
    written = i18n.compile_catalogs()
    assert written and all(p.suffix == ".mo" and p.stat().st_size > 0 for p in written)
    set_language("fr")
    assert _("Home") == "Accueil"


def test_every_module_with_sentences_belongs_to_a_catalog() -> None:
    """A module whose sentences no catalog lists loses its French at the next catalog update
    (seen when the time words moved to companion/when_words.py)."""
    covered: set[Path] = set()
    for feature in i18n.CATALOGS:
        for source in i18n.catalog_sources(ROOT, feature):
            path = ROOT / source
            covered |= set(path.rglob("*.py")) if path.is_dir() else {path}
    marked = re.compile(r"\b(?:N_|_)\(")
    orphans = [
        str(path.relative_to(ROOT))
        for folder in ("companion", "ui", "voice")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path not in covered
        and path.name != "i18n.py"
        and marked.search(path.read_text(encoding="utf-8"))
    ]
    assert orphans == []


def test_a_module_joins_its_catalog_by_the_folder_it_lives_in(tmp_path: Path) -> None:
    for folder in ("companion/library", "companion/people", "ui/screens/learn"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "__init__.py").write_text("")
    (tmp_path / "ui/screens/reminders.py").write_text("")
    (tmp_path / "companion/clock.py").write_text("")
    library = i18n.catalog_sources(tmp_path, "library")
    assert {"companion/library", "ui/screens/learn"} <= set(library)
    assert "companion/people" in i18n.catalog_sources(tmp_path, "storage")
    assert "ui/screens/reminders.py" in i18n.catalog_sources(tmp_path, "reminders")
    everything = {s for feature in i18n.CATALOGS for s in i18n.catalog_sources(tmp_path, feature)}
    assert "companion/clock.py" not in everything  # a utility belongs to no catalog


def test_every_declared_catalog_source_exists_and_every_catalog_has_its_file() -> None:
    assert set(i18n.FOLDER_CATALOG.values()) <= set(i18n.CATALOGS)
    assert set(i18n.EXTRA_SOURCES) <= set(i18n.CATALOGS)
    missing = [
        s for sources in i18n.EXTRA_SOURCES.values() for s in sources if not (ROOT / s).exists()
    ]
    assert missing == []
    for feature in i18n.CATALOGS:
        assert (i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / f"{feature}.po").exists(), feature
