"""Read one exercise file (TOML, English and French side by side) into an `Exercise`.

Like articles, every rule is checked here and a broken one raises `ContentError` naming the file
and the field; content/README.md documents the format for the people who write it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from companion.library.articles import SLUG, parse_date, parse_sources, parse_topics, required_text
from companion.library.schema import (
    CONTENT_LANGUAGES,
    EXERCISE_KINDS,
    STEP_KINDS,
    BreathingPace,
    Choice,
    ContentError,
    Exercise,
    ExerciseStep,
    Wording,
)

EXERCISE_KEYS = frozenset(
    {"id", "kind", "title", "summary", "topics", "reviewed", "steps", "breathing", "sources"}
)
STEP_KEYS = frozenset({"id", "kind", "text", "spoken", "seconds", "choices"})
BREATHING_KEYS = frozenset(
    {"minutes", "default_minutes", "default_pace", "cue_in", "cue_hold", "cue_out", "paces"}
)
PACE_KEYS = frozenset({"id", "name", "inhale", "hold", "exhale"})
MIN_PHASE_SECONDS = 1.0
MAX_PHASE_SECONDS = 12.0
MAX_STEP_SECONDS = 120.0
MAX_BREATHING_MINUTES = 5
MAX_PACES = 3  # the setup screen shows each pace as a button, beside minutes and Start


def read_exercise(path: Path, pack: str = "companion") -> Exercise:
    """Parse and check the exercise at `path`; raises ContentError saying what is wrong."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(path, None, f"the file could not be read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(path, None, f"the file is not valid TOML ({exc})") from exc
    return parse_exercise(path, table, pack)


def parse_exercise(path: Path, table: dict[str, Any], pack: str) -> Exercise:
    check_keys(path, table, EXERCISE_KEYS, "")
    exercise_id = required_text(path, table, "id")
    if not SLUG.match(exercise_id) or exercise_id != path.stem:
        raise ContentError(path, "id", f"must be lower-case with dashes and match {path.stem!r}")
    kind = table.get("kind")
    if kind not in EXERCISE_KINDS:
        raise ContentError(path, "kind", f"must be one of {', '.join(EXERCISE_KINDS)}")
    steps = parse_steps(path, table.get("steps", []))
    common: dict[str, Any] = {
        "id": exercise_id,
        "kind": kind,
        "title": wording(path, table.get("title"), "title"),
        "summary": wording(path, table.get("summary"), "summary"),
        "topics": parse_topics(path, table.get("topics")),
        "reviewed": parse_date(path, table.get("reviewed"), "reviewed"),
        "steps": steps,
        "sources": parse_sources(path, table.get("sources"), required=False),
        "pack": pack,
        "path": path,
    }
    if kind == "breathing":
        return Exercise(**common, **parse_breathing(path, table.get("breathing")))
    if "breathing" in table:
        raise ContentError(path, "breathing", f"only a breathing exercise has this ({kind})")
    if not steps:
        raise ContentError(path, "steps", "a guided exercise needs at least one [[steps]]")
    if kind == "planner" and not any(s.kind == "choose" for s in steps):
        raise ContentError(path, "steps", 'a planner needs a step of kind "choose"')
    return Exercise(**common)


def check_keys(path: Path, table: dict[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ContentError(path, f"{where}{unknown[0]}", "is not a known field (a typing mistake?)")


def wording(path: Path, value: Any, name: str) -> Wording:
    """A `{ en = "...", fr = "..." }` table with non-empty text in every content language."""
    if not isinstance(value, dict):
        raise ContentError(path, name, 'must be a table like { en = "...", fr = "..." }')
    check_keys(path, value, frozenset(CONTENT_LANGUAGES), f"{name}.")
    texts = {}
    for language in CONTENT_LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            raise ContentError(path, f"{name}.{language}", "is missing or empty")
        texts[language] = " ".join(text.split())
    return Wording(**texts)


def parse_steps(path: Path, value: Any) -> tuple[ExerciseStep, ...]:
    if not isinstance(value, list):
        raise ContentError(path, "steps", "must be a list of [[steps]] tables")
    steps = []
    seen: set[str] = set()
    for number, entry in enumerate(value, start=1):
        where = f"steps #{number}"
        if not isinstance(entry, dict):
            raise ContentError(path, where, "must be a table")
        check_keys(path, entry, STEP_KEYS, f"{where} ")
        step_id = entry.get("id")
        if not isinstance(step_id, str) or not SLUG.match(step_id) or step_id in seen:
            raise ContentError(path, f"{where} id", "must be a new lower-case id")
        seen.add(step_id)
        kind = entry.get("kind", "read")
        if kind not in STEP_KINDS:
            raise ContentError(path, f"{where} kind", f"must be one of {', '.join(STEP_KINDS)}")
        text = wording(path, entry.get("text"), f"{where} text")
        spoken = wording(path, entry["spoken"], f"{where} spoken") if "spoken" in entry else text
        seconds = entry.get("seconds")
        if kind == "timed":
            seconds = number_between(path, seconds, f"{where} seconds", 1.0, MAX_STEP_SECONDS)
        elif seconds is not None:
            raise ContentError(path, f"{where} seconds", 'only a "timed" step has seconds')
        choices = parse_choices(path, entry.get("choices"), where, kind)
        steps.append(ExerciseStep(step_id, kind, text, spoken, seconds, choices))
    return tuple(steps)


def parse_choices(path: Path, value: Any, where: str, kind: str) -> tuple[Choice, ...]:
    if kind != "choose":
        if value is not None:
            raise ContentError(path, f"{where} choices", 'only a "choose" step has choices')
        return ()
    if not isinstance(value, list) or not 2 <= len(value) <= 6:
        raise ContentError(path, f"{where} choices", "must list 2 to 6 [[steps.choices]]")
    choices = []
    for number, entry in enumerate(value, start=1):
        name = f"{where} choice #{number}"
        if not isinstance(entry, dict):
            raise ContentError(path, name, "must be a table with id and text")
        check_keys(path, entry, frozenset({"id", "text"}), f"{name} ")
        choice_id = entry.get("id")
        if not isinstance(choice_id, str) or not SLUG.match(choice_id):
            raise ContentError(path, f"{name} id", "must be a lower-case id")
        choices.append(Choice(choice_id, wording(path, entry.get("text"), f"{name} text")))
    if len({c.id for c in choices}) != len(choices):
        raise ContentError(path, f"{where} choices", "two choices have the same id")
    return tuple(choices)


def number_between(path: Path, value: Any, name: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ContentError(path, name, f"must be a number of seconds from {low:g} to {high:g}")
    return float(value)


def parse_breathing(path: Path, value: Any) -> dict[str, Any]:
    """The [breathing] table: paces, the minutes a person may choose, and the spoken cues."""
    if not isinstance(value, dict):
        raise ContentError(path, "breathing", "a breathing exercise needs a [breathing] table")
    check_keys(path, value, BREATHING_KEYS, "breathing.")
    minutes = value.get("minutes")
    if (
        not isinstance(minutes, list)
        or not minutes
        or not all(type(m) is int and 1 <= m <= MAX_BREATHING_MINUTES for m in minutes)
    ):
        raise ContentError(
            path, "breathing.minutes", f"must list whole minutes from 1 to {MAX_BREATHING_MINUTES}"
        )
    if value.get("default_minutes") not in minutes:
        raise ContentError(path, "breathing.default_minutes", "must be one of the minutes")
    paces = parse_paces(path, value.get("paces"))
    if value.get("default_pace") not in {p.id for p in paces}:
        raise ContentError(path, "breathing.default_pace", "must be the id of one of the paces")
    has_hold = any(p.hold > 0 for p in paces)
    if has_hold and "cue_hold" not in value:
        raise ContentError(path, "breathing.cue_hold", "is needed when a pace holds the breath")
    return {
        "paces": paces,
        "default_pace": value["default_pace"],
        "minutes_choices": tuple(sorted(set(minutes))),
        "default_minutes": value["default_minutes"],
        "cue_in": wording(path, value.get("cue_in"), "breathing.cue_in"),
        "cue_out": wording(path, value.get("cue_out"), "breathing.cue_out"),
        "cue_hold": (
            wording(path, value["cue_hold"], "breathing.cue_hold") if has_hold else Wording("", "")
        ),
    }


def parse_paces(path: Path, value: Any) -> tuple[BreathingPace, ...]:
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_PACES:
        raise ContentError(
            path, "breathing.paces", f"must list 1 to {MAX_PACES} [[breathing.paces]]"
        )
    paces = []
    for number, entry in enumerate(value, start=1):
        where = f"breathing.paces #{number}"
        if not isinstance(entry, dict):
            raise ContentError(path, where, "must be a table")
        check_keys(path, entry, PACE_KEYS, f"{where} ")
        pace_id = entry.get("id")
        if not isinstance(pace_id, str) or not SLUG.match(pace_id):
            raise ContentError(path, f"{where} id", "must be a lower-case id")
        low, high = MIN_PHASE_SECONDS, MAX_PHASE_SECONDS
        paces.append(
            BreathingPace(
                id=pace_id,
                name=wording(path, entry.get("name"), f"{where} name"),
                inhale=number_between(path, entry.get("inhale"), f"{where} inhale", low, high),
                hold=number_between(path, entry.get("hold", 0), f"{where} hold", 0.0, high),
                exhale=number_between(path, entry.get("exhale"), f"{where} exhale", low, high),
            )
        )
    if len({p.id for p in paces}) != len(paces):
        raise ContentError(path, "breathing.paces", "two paces have the same id")
    return tuple(paces)
