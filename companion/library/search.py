"""Search that forgives spelling: "slepe", "anxeity" or "deuil" still find the right article.

No dependency: words are folded (case, accents), then matched exactly, as the start of a word
being typed, or within a small edit distance. Each article is indexed in both languages (its
twin's title and summary too), so a person may type in either language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from companion.library.schema import Article, Exercise

# A word counts in every field it matches; an article's first topic is its main one.
TITLE_WEIGHT = 3.0
MAIN_TOPIC_WEIGHT = 3.0
OTHER_TOPIC_WEIGHT = 1.0
SUMMARY_WEIGHT = 1.0
MIN_SCORE = 0.75


def _word_list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Words people use for each topic, in English and French, already folded (no accents).
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "mood": _word_list(
        "mood sad sadness depression depressed low humeur triste tristesse deprime cafard moral"
    ),
    "worry": _word_list(
        "worry worried anxiety anxious nervous fear panic "
        "inquietude inquiet anxiete anxieux peur stresse angoisse"
    ),
    "sleep": _word_list("sleep insomnia tired night bed sommeil dormir insomnie fatigue nuit lit"),
    "connection": _word_list(
        "lonely loneliness alone friends connection isolation solitude seul seule amis liens isole"
    ),
    "grief": _word_list(
        "grief loss death mourning bereavement widow deuil perte mort deces veuf veuve"
    ),
    "stress": _word_list("stress tension pressure overwhelmed stresse pression debordee"),
    "memory": _word_list(
        "memory forget forgetful dementia confusion memoire oubli oublier demence"
    ),
    "care": _word_list("caregiver caring carer care aidant aidante proche soins"),
    "activity": _word_list(
        "activity active exercise walk hobby activite actif marche bouger loisir"
    ),
    "medicines": _word_list(
        "medicine medication pills drugs side medicament medicaments pilules ordonnance"
    ),
    "alcohol": _word_list("alcohol drinking drink wine beer alcool boire vin biere"),
    "help": _word_list("help crisis emergency urgent suicide aide crise urgence"),
    "sessions": _word_list(
        "video therapist therapy session appointment counselling "
        "telehealth therapeute therapie seance rendez consultation"
    ),
}

_STOP_WORDS_TEXT = (
    "a an and are as at be by do for from how i in is it me my of on or so the to what when "
    "with you your au aux avec ce ces dans de des du elle en est et il je la le les ma mes "
    "mon ne pas pour qu que qui sa se ses son sur ta te tu un une vos votre vous"
)
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split(" "))

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class SearchHit:
    """One result: the key of an article ("article:<id>") or exercise, and how well it matched."""

    key: str
    score: float


def fold(text: str) -> str:
    """Lower case without accents, so "Dépression" and "depression" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The meaningful folded words of `text` (stop words and single letters dropped)."""
    return [w for w in _WORD.findall(fold(text)) if len(w) > 1 and w not in STOP_WORDS]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (swapping two letters counts as one), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def word_similarity(typed: str, word: str) -> float:
    """1 for the same word, less for a word being typed or misspelled, 0 for a different word."""
    if typed == word:
        return 1.0
    if len(typed) >= 3 and word.startswith(typed):
        return 0.9
    if len(word) >= 4 and typed.startswith(word):
        return 0.85  # "sleeping" finds "sleep"
    if len(typed) < 4:
        return 0.0
    allowed = 1 if len(typed) <= 5 else 2
    distance = edit_distance(typed, word, allowed)
    if distance <= allowed:
        return 0.8 - 0.1 * (distance - 1)
    return 0.0


@dataclass(frozen=True)
class _Entry:
    key: str
    languages: frozenset[str]  # the languages this item can be shown in
    fields: tuple[tuple[float, frozenset[str]], ...]  # (weight, words)


class SearchIndex:
    """The words of every article (with its twin) and exercise, ready to be matched."""

    def __init__(self, articles: Iterable[Article], exercises: Iterable[Exercise]) -> None:
        by_id: dict[str, list[Article]] = {}
        for article in articles:
            by_id.setdefault(article.id, []).append(article)
        self._entries: list[_Entry] = []
        for article_id, versions in by_id.items():
            main_topic = versions[0].topics[0]
            other_topics = {t for a in versions for t in a.topics} - {main_topic}
            self._entries.append(
                _Entry(
                    key=f"article:{article_id}",
                    languages=frozenset(a.language for a in versions),
                    fields=(
                        (TITLE_WEIGHT, _words_of(a.title for a in versions)),
                        (MAIN_TOPIC_WEIGHT, _topic_words({main_topic})),
                        (OTHER_TOPIC_WEIGHT, _topic_words(other_topics)),
                        (SUMMARY_WEIGHT, _words_of(a.summary for a in versions)),
                    ),
                )
            )
        for exercise in exercises:
            self._entries.append(
                _Entry(
                    key=exercise.key,
                    languages=frozenset(),  # exercises speak every language
                    fields=(
                        (TITLE_WEIGHT, _words_of([exercise.title.en, exercise.title.fr])),
                        (MAIN_TOPIC_WEIGHT, _topic_words({exercise.topics[0]})),
                        (OTHER_TOPIC_WEIGHT, _topic_words(set(exercise.topics[1:]))),
                        (SUMMARY_WEIGHT, _words_of([exercise.summary.en, exercise.summary.fr])),
                    ),
                )
            )

    def search(self, query: str, language: str, limit: int = 8) -> list[SearchHit]:
        """The best matches shown in `language`, best first; nothing for an empty query."""
        typed = list(dict.fromkeys(words(query)))
        if not typed:
            return []
        hits = []
        for entry in self._entries:
            if entry.languages and language not in entry.languages:
                continue
            score = sum(_best(word, entry) for word in typed) / len(typed)
            if score >= MIN_SCORE:
                hits.append(SearchHit(entry.key, round(score, 3)))
        hits.sort(key=lambda h: (-h.score, h.key))
        return hits[:limit]


def _best(typed: str, entry: _Entry) -> float:
    """How well one typed word matches: its best match in each field, weighted and added up."""
    total = 0.0
    for weight, field_words in entry.fields:
        best = max((word_similarity(typed, word) for word in field_words), default=0.0)
        total += best * weight
    return total


# Endings dropped to index a word's stem too, so "Sleeping better" also holds "sleep".
STEM_ENDINGS: tuple[str, ...] = ("ing", "ness", "ed", "es", "ly", "s", "x")
MIN_STEM_LENGTH = 4


def _with_stems(found: Iterable[str]) -> frozenset[str]:
    out = set(found)
    for word in list(out):
        for ending in STEM_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_LENGTH:
                out.add(word[: -len(ending)])
    return frozenset(out)


def _words_of(texts: Iterable[str]) -> frozenset[str]:
    return _with_stems(w for text in texts for w in words(text))


def _topic_words(topics: set[str]) -> frozenset[str]:
    found = set(topics)
    for topic in topics:
        found.update(TOPIC_WORDS.get(topic, ()))
    return frozenset(found)
