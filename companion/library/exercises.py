"""Read one exercise file (TOML, English and French side by side) into an `Exercise`.

The file is declared as a schema (`ExerciseFile` and its tables); like articles, a broken rule
raises `ContentError` naming the file and the field; content/README.md documents the format.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec

from companion.i18n import N_
from companion.library.articles import ID_NOT_FILE_NAME, UNREADABLE, sources_of
from companion.library.schema import (
    BreathingPace,
    Choice,
    ContentError,
    Exercise,
    ExerciseStep,
    Slug,
    SourceEntry,
    Topic,
    Wording,
    WordingEntry,
    no_repeats,
)
from companion.schemas import RuleError, SchemaError, convert

MIN_PHASE_SECONDS = 1.0
MAX_PHASE_SECONDS = 12.0
MAX_STEP_SECONDS = 120.0
MAX_BREATHING_MINUTES = 5
MAX_PACES = 3  # the setup screen shows each pace as a button, beside minutes and Start
MAX_STEPS = 40

BAD_TOML = N_("{file} is not written the right way ({problem}).")
SECONDS_NEEDED = N_("In {file}, “{field}” is needed: a timed step says how many seconds it lasts.")
ONLY_TIMED = N_("In {file}, “{field}” is only for a step of kind timed.")
CHOICES_NEEDED = N_("In {file}, “{field}” is needed: a choose step lists 2 to 6 choices.")
ONLY_CHOOSE = N_("In {file}, “{field}” is only for a step of kind choose.")
NOT_LISTED_MINUTES = N_("In {file}, “{field}” must be one of the minutes listed.")
NOT_A_PACE = N_("In {file}, “{field}” must be the id of one of the paces.")
CUE_HOLD_NEEDED = N_("In {file}, “{field}” is needed when a pace holds the breath.")
BREATHING_NEEDED = N_("In {file}, “{field}” is needed: a breathing exercise has this table.")
ONLY_BREATHING = N_("In {file}, “{field}” is only for a breathing exercise.")
STEPS_NEEDED = N_("In {file}, “{field}” is needed: a guided exercise has at least one [[steps]].")
PLANNER_CHOOSES = N_("In {file}, “{field}” needs a step of kind choose: this is a planner.")

Seconds = Annotated[float, msgspec.Meta(ge=MIN_PHASE_SECONDS, le=MAX_PHASE_SECONDS)]


class ChoiceEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    id: Slug
    text: WordingEntry


class StepEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One [[steps]] table: read and press Next, wait a set time, or choose one."""

    id: Slug
    text: WordingEntry
    kind: Literal["read", "timed", "choose"] = "read"
    spoken: WordingEntry | None = None
    seconds: Annotated[float, msgspec.Meta(ge=1.0, le=MAX_STEP_SECONDS)] | None = None
    choices: Annotated[list[ChoiceEntry], msgspec.Meta(min_length=2, max_length=6)] | None = None

    def __post_init__(self) -> None:
        if (self.kind == "timed") != (self.seconds is not None):
            raise RuleError("seconds", SECONDS_NEEDED if self.kind == "timed" else ONLY_TIMED)
        if (self.kind == "choose") != (self.choices is not None):
            raise RuleError("choices", CHOICES_NEEDED if self.kind == "choose" else ONLY_CHOOSE)
        no_repeats([c.id for c in self.choices or ()], "choices")


class PaceEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One [[breathing.paces]] table: seconds in, held (may be 0) and out."""

    id: Slug
    name: WordingEntry
    inhale: Seconds
    exhale: Seconds
    hold: Annotated[float, msgspec.Meta(ge=0.0, le=MAX_PHASE_SECONDS)] = 0.0


class BreathingEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The [breathing] table: paces, the minutes a person may choose, and the spoken cues."""

    minutes: Annotated[
        list[Annotated[int, msgspec.Meta(ge=1, le=MAX_BREATHING_MINUTES)]],
        msgspec.Meta(min_length=1, max_length=MAX_BREATHING_MINUTES),
    ]
    default_minutes: int
    default_pace: Slug
    cue_in: WordingEntry
    cue_out: WordingEntry
    paces: Annotated[list[PaceEntry], msgspec.Meta(min_length=1, max_length=MAX_PACES)]
    cue_hold: WordingEntry | None = None

    def __post_init__(self) -> None:
        if self.default_minutes not in self.minutes:
            raise RuleError("default_minutes", NOT_LISTED_MINUTES)
        no_repeats([p.id for p in self.paces], "paces")
        if self.default_pace not in {p.id for p in self.paces}:
            raise RuleError("default_pace", NOT_A_PACE)
        if self.cue_hold is None and any(p.hold > 0 for p in self.paces):
            raise RuleError("cue_hold", CUE_HOLD_NEEDED)


class ExerciseFile(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """A whole exercise file, English and French side by side."""

    id: Slug
    kind: Literal["breathing", "steps", "planner"]
    title: WordingEntry
    summary: WordingEntry
    topics: Annotated[list[Topic], msgspec.Meta(min_length=1)]
    reviewed: date
    steps: Annotated[list[StepEntry], msgspec.Meta(max_length=MAX_STEPS)] = []
    breathing: BreathingEntry | None = None
    sources: list[SourceEntry] | None = None

    def __post_init__(self) -> None:
        no_repeats(self.topics, "topics")
        no_repeats([s.id for s in self.steps], "steps")
        if self.kind == "breathing":
            if self.breathing is None:
                raise RuleError("breathing", BREATHING_NEEDED)
            return
        if self.breathing is not None:
            raise RuleError("breathing", ONLY_BREATHING)
        if not self.steps:
            raise RuleError("steps", STEPS_NEEDED)
        if self.kind == "planner" and not any(s.kind == "choose" for s in self.steps):
            raise RuleError("steps", PLANNER_CHOOSES)


def read_exercise(path: Path, pack: str = "companion") -> Exercise:
    """Parse and check the exercise at `path`; raises ContentError saying what is wrong."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError.of(path, None, UNREADABLE, problem=type(exc).__name__) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ContentError.of(path, None, BAD_TOML, problem=exc) from exc
    return parse_exercise(path, table, pack)


def parse_exercise(path: Path, table: dict[str, Any], pack: str) -> Exercise:
    """The file checked against `ExerciseFile`, then turned into the values the screens use."""
    try:
        found = convert(table, ExerciseFile, path.name)
    except SchemaError as exc:
        raise ContentError(path, exc.refusal) from exc
    if found.id != path.stem:
        raise ContentError.of(path, "id", ID_NOT_FILE_NAME, name=path.stem)
    common: dict[str, Any] = {
        "id": found.id,
        "kind": found.kind,
        "title": wording(found.title),
        "summary": wording(found.summary),
        "topics": tuple(found.topics),
        "reviewed": found.reviewed,
        "steps": tuple(step_of(s) for s in found.steps),
        "sources": sources_of(found.sources),
        "pack": pack,
        "path": path,
    }
    if found.breathing is None:
        return Exercise(**common)
    return Exercise(**common, **breathing_of(found.breathing))


def wording(entry: WordingEntry | None) -> Wording:
    """The text of every language with its runs of spaces and line breaks made single spaces."""
    if entry is None:
        return Wording("", "")
    return Wording(" ".join(entry.en.split()), " ".join(entry.fr.split()))


def step_of(entry: StepEntry) -> ExerciseStep:
    text = wording(entry.text)
    choices = tuple(Choice(c.id, wording(c.text)) for c in entry.choices or ())
    spoken = wording(entry.spoken) if entry.spoken is not None else text
    return ExerciseStep(entry.id, entry.kind, text, spoken, entry.seconds, choices)


def breathing_of(entry: BreathingEntry) -> dict[str, Any]:
    paces = tuple(
        BreathingPace(p.id, wording(p.name), float(p.inhale), float(p.hold), float(p.exhale))
        for p in entry.paces
    )
    return {
        "paces": paces,
        "default_pace": entry.default_pace,
        "minutes_choices": tuple(sorted(set(entry.minutes))),
        "default_minutes": entry.default_minutes,
        "cue_in": wording(entry.cue_in),
        "cue_out": wording(entry.cue_out),
        "cue_hold": wording(entry.cue_hold if any(p.hold > 0 for p in paces) else None),
    }
