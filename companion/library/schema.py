"""The shapes of library content (articles, exercises) as frozen values, and allowed vocabularies.

Content is data written by people, so every value the app relies on is named here once, with the
schema pieces files share (sources, two-language wording); `library_articles` and
`library_exercises` check files against their schemas and say which file and field is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Literal, get_args
from urllib.parse import urlsplit

import msgspec

from companion.i18n import N_
from companion.schemas import MISSING, Refusal, RuleError, SchemaError
from companion.sentences import split_sentences as split_sentences  # one splitter

CONTENT_LANGUAGES: tuple[str, ...] = ("en", "fr")

Topic = Literal[
    "mood",
    "worry",
    "sleep",
    "connection",
    "grief",
    "stress",
    "memory",
    "care",
    "activity",
    "medicines",
    "alcohol",
    "help",
    "sessions",
]
TOPICS: tuple[str, ...] = get_args(Topic)

# What an article's "Try this" may point at: an exercise id after "exercise:", or the check-in.
CHECKIN_TARGET = "checkin"
EXERCISE_PREFIX = "exercise:"

# The heading that opens the closing "Try this" section, per language.
TRY_THIS_HEADINGS: dict[str, str] = {"en": "Try this", "fr": "Essayez ceci"}

# The kinds of exercise the screens know how to guide.
EXERCISE_KINDS: tuple[str, ...] = ("breathing", "steps", "planner")

# The kinds of step inside a guided exercise: read and press Next, wait a set time, or choose one.
STEP_KINDS: tuple[str, ...] = ("read", "timed", "choose")


class ContentError(SchemaError):
    """One content file is wrong: names the file and the field, in words a caregiver can act on."""

    def __init__(self, path: Path, refusal: Refusal) -> None:
        self.path = path
        super().__init__(refusal)

    @classmethod
    def of(cls, path: Path, field_name: str | None, reason: str, **details: object) -> ContentError:
        """A refusal of `path`: `reason` is an N_ sentence with {file} and {field}."""
        found = tuple((k, str(v)) for k, v in details.items())
        return cls(path, Refusal(path.name, field_name, reason, found))


# The rules a content file's fields follow beyond their types (each names the field).
ONE_LINE = N_("In {file}, “{field}” must be one line.")
HTTPS_LINK = N_("In {file}, “{field}” must be a full link that starts with https://.")
LISTED_TWICE = N_("In {file}, “{field}” lists the same thing twice.")
MAX_ID_LENGTH = 60
MAX_TEXT_LENGTH = 2000  # any one piece of text; a screenful is far less

Slug = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=MAX_ID_LENGTH)]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TEXT_LENGTH)]


def check_text(value: str, name: str, *, one_line: bool = False) -> None:
    """Refuse text that is only spaces, or (for titles) that runs over more than one line."""
    if not value.strip():
        raise RuleError(name, MISSING)
    if one_line and "\n" in value.strip():
        raise RuleError(name, ONE_LINE)


def is_https_link(url: str) -> bool:
    """True for a well-formed https link with a host name and no spaces."""
    parts = urlsplit(url.strip())
    return parts.scheme == "https" and bool(parts.hostname) and not any(c.isspace() for c in url)


class SourceEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One [[sources]] table as written: a title and an https link."""

    title: Text
    url: Annotated[str, msgspec.Meta(max_length=MAX_TEXT_LENGTH)]

    def __post_init__(self) -> None:
        check_text(self.title, "title", one_line=True)
        if not is_https_link(self.url):
            raise RuleError("url", HTTPS_LINK)


class WordingEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """A `{ en = "...", fr = "..." }` table: the same text in every content language."""

    en: Text
    fr: Text

    def __post_init__(self) -> None:
        check_text(self.en, "en")
        check_text(self.fr, "fr")


def no_repeats(values: Sequence[str], name: str) -> None:
    if len(set(values)) != len(values):
        raise RuleError(name, LISTED_TWICE)


@dataclass(frozen=True)
class Wording:
    """One piece of text in every content language (exercises keep both languages in one file)."""

    en: str
    fr: str

    def get(self, language: str) -> str:
        """The text in `language`, or the English text for a language we do not have."""
        return self.fr if language == "fr" else self.en


@dataclass(frozen=True)
class Source:
    """Where an article's facts come from: a reputable organisation's page, always https."""

    title: str
    url: str


@dataclass(frozen=True)
class Block:
    """One piece of a page: a heading, a paragraph or a bullet, as plain text."""

    kind: str  # "heading", "paragraph" or "bullet"
    text: str


@dataclass(frozen=True)
class Page:
    """One short screenful of an article; the reader shows one page at a time."""

    blocks: tuple[Block, ...]

    def sentences(self) -> tuple[str, ...]:
        """The page as the sentences "Read this to me" speaks, in reading order."""
        out: list[str] = []
        for block in self.blocks:
            out.extend(split_sentences(block.text))
        return tuple(out)

    def plain_text(self) -> str:
        """The page as prose, each heading and bullet ending as its own sentence."""
        return " ".join(_as_sentence(b.text) for b in self.blocks)


@dataclass(frozen=True)
class Article:
    """One short article in one language, loaded from a Markdown file with a TOML header."""

    id: str
    language: str
    title: str
    summary: str
    minutes: int
    topics: tuple[str, ...]
    reviewed: date
    try_this: str
    sources: tuple[Source, ...]
    pages: tuple[Page, ...]
    pack: str = "companion"
    path: Path = field(default=Path(), compare=False)

    @property
    def key(self) -> str:
        """How favourites and "continue" refer to this article, in any language."""
        return f"article:{self.id}"

    @property
    def try_this_exercise(self) -> str | None:
        """The exercise id the closing "Try this" points at, or None for a check-in."""
        if self.try_this.startswith(EXERCISE_PREFIX):
            return self.try_this[len(EXERCISE_PREFIX) :]
        return None

    def plain_text(self) -> str:
        """The whole body as prose (for readability scores and word counts)."""
        return " ".join(page.plain_text() for page in self.pages)

    def word_count(self) -> int:
        return len(self.plain_text().split())


@dataclass(frozen=True)
class Choice:
    """One option in a "choose" step (for example one small pleasant thing to do tomorrow)."""

    id: str
    text: Wording


@dataclass(frozen=True)
class ExerciseStep:
    """One step of a guided exercise: what to show, what to say, and how long it lasts if timed."""

    id: str
    kind: str  # one of STEP_KINDS
    text: Wording
    spoken: Wording  # what the voice says; the shown text when the file gives no separate cue
    seconds: float | None = None  # only for "timed" steps
    choices: tuple[Choice, ...] = ()  # only for "choose" steps


@dataclass(frozen=True)
class BreathingPace:
    """One breathing rhythm: seconds breathing in, holding (may be 0) and breathing out."""

    id: str
    name: Wording
    inhale: float
    hold: float
    exhale: float

    @property
    def cycle_seconds(self) -> float:
        return self.inhale + self.hold + self.exhale


@dataclass(frozen=True)
class Exercise:
    """A guided exercise, in both languages, read from one TOML file in content/exercises/."""

    id: str
    kind: str  # one of EXERCISE_KINDS
    title: Wording
    summary: Wording
    topics: tuple[str, ...]
    reviewed: date
    steps: tuple[ExerciseStep, ...] = ()
    paces: tuple[BreathingPace, ...] = ()  # breathing only
    default_pace: str = ""
    minutes_choices: tuple[int, ...] = ()  # breathing only
    default_minutes: int = 0
    cue_in: Wording = Wording("", "")  # breathing only: said as each breath in starts
    cue_hold: Wording = Wording("", "")
    cue_out: Wording = Wording("", "")
    sources: tuple[Source, ...] = ()
    pack: str = "companion"
    path: Path = field(default=Path(), compare=False)

    @property
    def key(self) -> str:
        return f"exercise:{self.id}"

    def pace(self, pace_id: str | None = None) -> BreathingPace:
        """The pace called `pace_id`, or the default one."""
        wanted = pace_id or self.default_pace
        for pace in self.paces:
            if pace.id == wanted:
                return pace
        raise KeyError(f"exercise {self.id} has no pace {wanted!r}")


@dataclass(frozen=True)
class ContentProblem:
    """A file that was skipped, with why; shown to the caregiver, never to the person."""

    path: Path
    refusal: Refusal

    @property
    def field_name(self) -> str | None:
        return self.refusal.field

    def __str__(self) -> str:
        """The kind sentence naming the file and the field, in the person's language."""
        return self.refusal.sentence()


def _as_sentence(text: str) -> str:
    stripped = text.rstrip().rstrip(":").rstrip()
    if stripped and stripped[-1] not in ".!?":
        return stripped + "."
    return stripped
