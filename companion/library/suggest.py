"""After a check-in with a low mood, pick at most two things from the library that may help.

A pure function over the check-in's mood and tags: one article and one exercise that match what
the person said was on their mind; after a very bad day, the "get help now" article comes first.
Two at most, never more: a short choice is easier on a hard day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from companion.checkin.models import MOODS, TAGS
from companion.library.packs import Library

LOW_MOODS = frozenset({"not_good", "very_bad"})
MAX_SUGGESTIONS = 2
HELP_TOPIC = "help"

# Which library topics speak to each check-in tag, closest first.
TAG_TOPICS: dict[str, tuple[str, ...]] = {
    "sleep": ("sleep", "stress"),
    "pain": ("stress", "activity"),
    "loneliness": ("connection", "activity"),
    "family": ("care", "connection", "stress"),
    "money": ("stress", "worry"),
    "health": ("medicines", "memory", "worry"),
    "worry": ("worry", "stress"),
    "nothing_special": ("mood", "activity"),
}


# A check-in tag with an article written for it: that article comes first after a low mood.
TAG_ARTICLES: dict[str, str] = {"pain": "pain-and-mood", "money": "money-worries"}


def wanted_topics(tags: Iterable[str]) -> list[str]:
    """The topics to look for, most wanted first; low mood itself always counts, last."""
    topics: list[str] = []
    for tag in sorted(tags, key=TAGS.index):
        for topic in TAG_TOPICS[tag]:
            if topic not in topics:
                topics.append(topic)
    if "mood" not in topics:
        topics.append("mood")
    return topics


def _score(item_topics: Sequence[str], wanted: Sequence[str]) -> int:
    """Higher when the item covers more, and more wanted, topics; its main (first) topic doubly."""
    return sum(
        (len(wanted) - wanted.index(t)) * (2 if position == 0 else 1)
        for position, t in enumerate(item_topics)
        if t in wanted
    )


def suggest_after_checkin(
    mood: str, tags: Iterable[str], library: Library, language: str
) -> list[str]:
    """Keys ("article:<id>", "exercise:<id>") to offer after a check-in: none unless mood is low."""
    tag_set = frozenset(tags)
    if mood not in MOODS:
        raise ValueError(f"unknown mood {mood!r}; expected one of {', '.join(MOODS)}")
    unknown = sorted(tag_set - set(TAGS))
    if unknown:
        raise ValueError(f"unknown check-in tag {unknown[0]!r}; expected one of {', '.join(TAGS)}")
    if mood not in LOW_MOODS:
        return []
    wanted = wanted_topics(tag_set)
    articles = library.articles(language)
    ranked_articles = sorted(
        (a for a in articles if _score(a.topics, wanted) > 0),
        key=lambda a: -_score(a.topics, wanted),
    )
    ranked_exercises = sorted(
        (e for e in library.exercises() if _score(e.topics, wanted) > 0),
        key=lambda e: -_score(e.topics, wanted),
    )
    picks: list[str] = []
    if mood == "very_bad":
        help_articles = [a for a in articles if HELP_TOPIC in a.topics]
        if help_articles:
            picks.append(help_articles[0].key)
    matching = [
        a
        for tag in sorted(tag_set, key=TAGS.index)
        for a in articles
        if a.id == TAG_ARTICLES.get(tag)
    ]
    ranked_articles = matching + [a for a in ranked_articles if a not in matching]
    best_article = [a.key for a in ranked_articles[:1]]
    best_exercise = [e.key for e in ranked_exercises[:1]]
    # After a very bad day the help article is already there: add something calming to do now.
    # An article written for what they named (pain, money) is offered even then.
    calm_first = mood == "very_bad" and not matching
    first = best_exercise + best_article if calm_first else best_article + best_exercise
    candidates = first + [a.key for a in ranked_articles[1:]]
    for key in candidates:
        if len(picks) >= MAX_SUGGESTIONS:
            break
        if key not in picks:
            picks.append(key)
    return picks
