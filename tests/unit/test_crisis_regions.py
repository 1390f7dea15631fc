"""Crisis lines for where the person really lives: the regions the issue names, each with its
source, date and confirmed flag; the proposal from the computer's locale; --check lists what is
not confirmed; and the table in docs/ lists every entry."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from companion.checkup import check_crisis_lines
from companion.paths import content_dir
from companion.safety.crisis import (
    ELSEWHERE,
    CrisisDirectory,
    load_crisis_directory,
    parse_crisis_data,
    propose_region,
)


def directory() -> CrisisDirectory:
    found, problem = load_crisis_directory(content_dir())
    assert problem is None
    return found


def _numbers(code: str) -> set[str]:
    region = directory().region(code)
    assert region.code == code
    return {line.number for line in region.lines if line.number}


def _how(code: str, language: str = "en") -> str:
    return " ".join(line.how[language] for line in directory().region(code).lines)


def test_the_regions_the_issue_names_are_there_with_their_lines() -> None:
    d = directory()
    assert {"CA-QC", "BE", "CH", "FR", "US", "AU", ELSEWHERE} <= set(d.codes())
    assert {"988", "1 866 277-3553"} <= _numbers("CA-QC")
    assert "APPELLE" in _how("CA-QC") and "535353" in _how("CA-QC")
    assert {"0800 32 123", "1813"} <= _numbers("BE")
    assert d.region("BE").emergency.numbers == ("112",)  # type: ignore[union-attr]
    assert _numbers("CH") == {"143"}
    assert d.region("CH").emergency.numbers == ("144", "112")  # type: ignore[union-attr]
    assert _numbers("FR") == {"3114"}
    assert d.region("FR").emergency.numbers == ("15", "112")  # type: ignore[union-attr]
    assert {"988", "741741"} <= _numbers("US")
    assert "text" in _how("US").lower() and "chat" in _how("US").lower()
    assert "HOME" in _how("US")
    assert _numbers("AU") == {"13 11 14"} and "0477 13 11 14" in _how("AU")


def test_every_entry_has_a_source_a_date_and_a_confirmed_flag() -> None:
    raw = json.loads((content_dir() / "crisis" / "regions.json").read_text(encoding="utf-8"))
    for region in raw["regions"]:
        entries = [*region["lines"], *([region["emergency"]] if region["emergency"] else [])]
        for entry in entries:
            assert entry["source"].startswith("https://")
            date.fromisoformat(entry["last_checked"])
            assert isinstance(entry["confirmed"], bool)


def test_somewhere_else_shows_only_what_is_true_everywhere() -> None:
    elsewhere = directory().region(ELSEWHERE)
    assert elsewhere.emergency is None
    assert all(line.number is None for line in elsewhere.lines)
    other_numbers = {
        n for r in directory().regions if r.code != ELSEWHERE for n in _numbers(r.code)
    }
    for language in ("en", "fr"):
        words = _how(ELSEWHERE, language)
        assert "findahelpline.com" in words
        assert not any(number in words for number in other_numbers)


@pytest.mark.parametrize(
    ("locale_name", "expected"),
    [
        ("fr_CA", "CA-QC"),
        ("en_CA", "CA"),
        ("fr_BE", "BE"),
        ("nl_BE", "BE"),
        ("de_CH", "CH"),
        ("fr_CH", "CH"),
        ("fr_FR", "FR"),
        ("en_US", "US"),
        ("en_AU", "AU"),
        ("en_GB", "GB"),
        ("de_DE", ELSEWHERE),  # not listed: never another country's lines
        ("es_MX", ELSEWHERE),
        ("fr", ELSEWHERE),
        ("C", ELSEWHERE),
        ("fr_CA.UTF-8", "CA-QC"),
        ("", ELSEWHERE),
    ],
)
def test_the_region_proposed_from_the_computers_language_and_country(
    locale_name: str, expected: str
) -> None:
    assert propose_region(locale_name, directory()) == expected


def test_check_lists_every_entry_not_yet_confirmed() -> None:
    d = directory()
    unconfirmed = d.unconfirmed_entries()
    result = check_crisis_lines(content_dir(), date(2026, 12, 1))
    assert result.ok and result.warning
    assert "not yet confirmed" in result.sentence
    for words in unconfirmed:
        assert words in result.sentence


def test_a_fully_confirmed_recent_file_passes_the_check_quietly(tmp_path: Path) -> None:
    raw = json.loads((content_dir() / "crisis" / "regions.json").read_text(encoding="utf-8"))
    for region in raw["regions"]:
        for entry in [*region["lines"], *([region["emergency"]] if region["emergency"] else [])]:
            entry["confirmed"] = True
            entry["last_checked"] = "2026-12-01"
    assert parse_crisis_data(raw).unconfirmed_entries() == []
    (tmp_path / "crisis").mkdir()
    (tmp_path / "crisis" / "regions.json").write_text(json.dumps(raw), encoding="utf-8")
    result = check_crisis_lines(tmp_path, date(2026, 12, 2))
    assert result.ok and not result.warning


def test_the_docs_table_lists_every_crisis_line_with_source_date_and_confirmation() -> None:
    table = (content_dir().parent / "docs" / "crisis-lines.md").read_text(encoding="utf-8")
    for region in directory().regions:
        for line in region.lines:
            assert line.source in table
            assert f"| {region.code} |" in table
        if region.emergency is not None:
            assert region.emergency.source in table
    rows = [r for r in table.splitlines() if r.startswith("| ") and "---" not in r][1:]
    entries = sum(len(r.lines) + (1 if r.emergency else 0) for r in directory().regions)
    assert len(rows) == entries
    assert all(r.rstrip().endswith(("| yes |", "| not yet |")) for r in rows)
