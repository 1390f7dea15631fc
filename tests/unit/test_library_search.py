"""Search forgives spelling and language; suggestions after a low check-in stay at two or fewer."""

from __future__ import annotations

import pytest

from companion.library.packs import Library, load_installed_library
from companion.library.search import edit_distance, fold, word_similarity
from companion.library.suggest import MAX_SUGGESTIONS, suggest_after_checkin
from companion.paths import content_dir


@pytest.fixture(scope="module")
def library() -> Library:
    return load_installed_library(content_dir(), None).library


def _top(library: Library, query: str, language: str = "en") -> str:
    hits = library.search(query, language)
    assert hits, f"nothing found for {query!r}"
    return hits[0].key


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sleep", "article:sleep"),
        ("slepe", "article:sleep"),  # letters swapped
        ("sleping badly", "article:sleep"),
        ("greif", "article:grief"),
        ("alchohol", "article:alcohol"),
        ("lonley", "article:loneliness"),
        ("deuil", "article:grief"),  # French word, English screen
        ("video", "article:video-session"),
    ],
)
def test_misspelled_or_french_words_find_the_english_article(
    library: Library, query: str, expected: str
) -> None:
    assert _top(library, query) == expected


def test_accents_do_not_matter_in_french(library: Library) -> None:
    assert _top(library, "alcool", "fr") == "article:alcohol"
    assert _top(library, "medicaments", "fr") == _top(library, "médicaments", "fr")


def test_exercises_are_found_too(library: Library) -> None:
    keys = [h.key for h in library.search("breathing", "en")]
    assert "exercise:breathing" in keys
    assert "exercise:breathing" in [h.key for h in library.search("respirer", "fr")]


def test_nonsense_and_empty_queries_find_nothing(library: Library) -> None:
    assert library.search("", "en") == []
    assert library.search("the and of", "en") == []
    assert library.search("xylophone", "en") == []


def test_word_matching_rules() -> None:
    assert fold("Dépression ÉTÉ") == "depression ete"
    assert edit_distance("slepe", "sleep", 2) == 1
    assert edit_distance("abcdef", "uvwxyz", 2) == 3
    assert word_similarity("sle", "sleep") > 0  # still typing
    assert word_similarity("bed", "bad") == 0  # short words must match exactly
    assert word_similarity("worry", "worry") == 1


@pytest.mark.parametrize("mood", ["very_good", "good", "okay"])
def test_nothing_is_suggested_after_an_okay_or_better_check_in(library: Library, mood: str) -> None:
    assert suggest_after_checkin(mood, {"sleep"}, library, "en") == []


def test_poor_sleep_suggests_the_sleep_article_and_one_exercise(library: Library) -> None:
    picks = suggest_after_checkin("not_good", {"sleep"}, library, "en")
    assert picks[0] == "article:sleep"
    assert len(picks) == MAX_SUGGESTIONS
    assert picks[1].startswith("exercise:")


def test_a_very_bad_day_puts_help_first(library: Library) -> None:
    picks = suggest_after_checkin("very_bad", {"worry", "family"}, library, "fr")
    assert picks[0] == "article:help-now"
    assert picks[1].startswith("exercise:")


@pytest.mark.parametrize(
    "tags",
    [set(), {"nothing_special"}, {"loneliness"}, {"family", "pain", "health", "worry", "sleep"}],
)
def test_never_more_than_two_and_all_real(library: Library, tags: set[str]) -> None:
    for mood in ("not_good", "very_bad"):
        picks = suggest_after_checkin(mood, tags, library, "en")
        assert 1 <= len(picks) <= MAX_SUGGESTIONS
        assert len(set(picks)) == len(picks)
        assert all(library.by_key(k, "en") is not None for k in picks)


def test_loneliness_suggests_the_loneliness_article(library: Library) -> None:
    assert suggest_after_checkin("not_good", {"loneliness"}, library, "en")[0] == (
        "article:loneliness"
    )


def test_unknown_mood_or_tag_is_a_programming_error(library: Library) -> None:
    with pytest.raises(ValueError, match="mood"):
        suggest_after_checkin("grumpy", set(), library, "en")
    with pytest.raises(ValueError, match="tag"):
        suggest_after_checkin("not_good", {"weather"}, library, "en")


@pytest.mark.parametrize(
    ("tag", "article"), [("pain", "article:pain-and-mood"), ("money", "article:money-worries")]
)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_pain_and_money_suggest_the_article_written_for_them(
    library: Library, tag: str, article: str, language: str
) -> None:
    assert suggest_after_checkin("not_good", {tag, "sleep"}, library, language)[0] == article
    assert article in suggest_after_checkin("very_bad", {tag}, library, language)
