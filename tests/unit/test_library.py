"""Loading packs: a broken file is skipped and reported, the rest load; caregivers add packs."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from companion.library.articles import read_article
from companion.library.packs import PackFolder, load_installed_library, load_library, pack_folders
from companion.library.schema import ContentError
from companion.paths import content_dir

SHIPPED = content_dir()

GOOD_ARTICLE = """+++
id = "{id}"
language = "{lang}"
title = "Our walking group"
summary = "Meet us on Tuesdays at the community centre."
minutes = 1
topics = ["activity", "connection"]
reviewed = 2026-11-01
try_this = "exercise:planner"
[[sources]]
title = "Our centre"
url = "https://example.org/walk"
+++

## When and where

We walk on Tuesdays at ten. Everyone is welcome.

---

## {try_this}

Plan to come next week. This does not replace care.
"""


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped content, safe to break."""
    target = tmp_path / "content"
    shutil.copytree(SHIPPED / "packs", target / "packs")
    shutil.copytree(SHIPPED / "exercises", target / "exercises")
    return target


def test_a_broken_article_is_skipped_with_a_problem_while_the_rest_load(
    content_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    whole = load_installed_library(content_copy, None)
    victim = content_copy / "packs" / "en" / "sleep.md"
    victim.write_text(victim.read_text().replace("minutes = ", "minutes = -"), encoding="utf-8")

    with caplog.at_level(logging.WARNING, logger="companion.library.packs"):
        broken = load_installed_library(content_copy, None)

    assert broken.library.article("sleep", "en") is None
    assert broken.library.article("sleep", "fr") is not None
    assert len(broken.library.articles("en")) == len(whole.library.articles("en")) - 1
    assert [(p.path.name, p.field_name) for p in broken.problems] == [("sleep.md", "minutes")]
    assert str(broken.problems[0]) == "In sleep.md, “minutes” should be at least 1."
    assert any("sleep.md" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: t.replace("+++", "", 1), None),
        (lambda t: t.replace('title = "', 'titel = "', 1), "titel"),
        (lambda t: t.replace("https://", "http://", 1), "sources #1 url"),
        (lambda t: t.replace('topics = ["', 'topics = ["tv", "', 1), "topics #1"),
        (lambda t: t.replace("reviewed = 2026", 'reviewed = "2026', 1), None),
        (lambda t: t.replace("try_this = ", 'try_this = "quiz" #', 1), "try_this"),
        (lambda t: t.replace("## Try this", "## Try these", 1), "body"),
        (lambda t: t + "\n---\n", "page 6"),
    ],
)
def test_each_rule_names_the_field(
    content_copy: Path, change: object, field: str | None, tmp_path: Path
) -> None:
    path = content_copy / "packs" / "en" / "stress.md"
    assert callable(change)
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        read_article(path)
    if field is not None:
        assert raised.value.field_name == field
    assert "stress.md" in str(raised.value)


def test_a_file_in_the_wrong_language_folder_is_refused(content_copy: Path) -> None:
    moved = content_copy / "packs" / "fr" / "extra.md"
    moved.write_text(GOOD_ARTICLE.format(id="extra", lang="en", try_this="Try this"))
    report = load_installed_library(content_copy, None)
    assert [(p.path.name, p.field_name) for p in report.problems] == [("extra.md", "language")]


def test_a_broken_exercise_is_skipped_and_articles_pointing_to_it_are_kept(
    content_copy: Path,
) -> None:
    path = content_copy / "exercises" / "grounding.toml"
    path.write_text(path.read_text() + "\n[oops\n", encoding="utf-8")
    report = load_installed_library(content_copy, None)
    assert report.library.exercise("grounding") is None
    assert report.library.exercise("breathing") is not None
    assert report.library.article("worry", "en") is not None
    problems = {(p.path.name, p.field_name) for p in report.problems}
    assert ("grounding.toml", None) in problems
    assert ("worry.md", "try_this") in problems


def test_a_caregiver_pack_in_the_data_folder_is_added_without_code(tmp_path: Path) -> None:
    pack = tmp_path / "data" / "packs" / "riverside-clinic"
    (pack / "en").mkdir(parents=True)
    (pack / "fr").mkdir()
    (pack / "en" / "walking-group.md").write_text(
        GOOD_ARTICLE.format(id="walking-group", lang="en", try_this="Try this")
    )
    (pack / "fr" / "walking-group.md").write_text(
        GOOD_ARTICLE.format(id="walking-group", lang="fr", try_this="Essayez ceci")
    )
    (pack / "en" / "_draft.md").write_text("not ready")

    report = load_installed_library(SHIPPED, tmp_path / "data")

    assert [p.name for p in pack_folders(SHIPPED, tmp_path / "data")] == [
        "companion",
        "riverside-clinic",
    ]
    article = report.library.article("walking-group", "fr")
    assert article is not None and article.pack == "riverside-clinic"
    assert report.library.article("low-mood", "en") is not None
    assert report.problems == ()


def test_a_pack_cannot_take_over_a_shipped_article(tmp_path: Path) -> None:
    pack = tmp_path / "packs" / "mine"
    (pack / "en").mkdir(parents=True)
    (pack / "en" / "sleep.md").write_text(
        GOOD_ARTICLE.format(id="sleep", lang="en", try_this="Try this")
    )
    report = load_installed_library(SHIPPED, tmp_path)
    kept = report.library.article("sleep", "en")
    assert kept is not None and kept.pack == "companion"
    assert [(p.path.parent.parent.name, p.field_name) for p in report.problems] == [("mine", "id")]


def test_missing_folders_give_an_empty_library_not_a_crash(tmp_path: Path) -> None:
    report = load_library([PackFolder("none", tmp_path / "nope", tmp_path / "nope")])
    assert report.library.articles("en") == []
    assert report.problems == ()


def test_a_file_that_is_not_text_is_a_problem_not_a_crash(content_copy: Path) -> None:
    (content_copy / "packs" / "en" / "binary.md").write_bytes(b"\xff\xfe\x00garbage")
    report = load_installed_library(content_copy, None)
    assert [p.path.name for p in report.problems] == ["binary.md"]


def test_pages_and_sentences_come_from_the_body() -> None:
    article = read_article(SHIPPED / "packs" / "en" / "low-mood.md")
    first = article.pages[0]
    assert first.blocks[0].kind == "heading"
    assert first.sentences()[0] == first.blocks[0].text
    assert all(not s.startswith(("#", "- ")) for p in article.pages for s in p.sentences())
    assert article.pages[-1].blocks[0].text == "Try this"
