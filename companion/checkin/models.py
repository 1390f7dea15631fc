"""The plain values of a check-in and a questionnaire result, shared by core, storage and UI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MOODS: tuple[str, ...] = ("very_good", "good", "okay", "not_good", "very_bad")
TAGS: tuple[str, ...] = (
    "sleep",
    "pain",
    "loneliness",
    "family",
    "money",
    "health",
    "worry",
    "nothing_special",
)


@dataclass(frozen=True)
class CheckIn:
    """One quick check-in; a draft until finished, so an interrupted one is never lost."""

    id: int | None
    started_at: datetime
    finished_at: datetime | None
    mood: str | None
    tags: frozenset[str]
    note: str
    is_draft: bool


@dataclass(frozen=True)
class QuestionnaireResult:
    """One completed questionnaire and its score, kept so the clinician sees change over time."""

    id: int | None
    instrument_id: str
    taken_at: datetime
    answers: tuple[int, ...]
    total: int
    band: str
    flags: frozenset[str]
    difficulty: int | None = None
    """The published PHQ-9 / GAD-7 closing question, not scored: how difficult these problems
    made work, home and getting along with people, 0 (not difficult at all) to 3 (extremely
    difficult); None when not asked (no problem checked, a self-harm answer, other
    questionnaires) or skipped."""
