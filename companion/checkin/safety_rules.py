"""When a check-in or questionnaire should open "Get help now" at once, decided in one place.

The rules (a clinician can read and question them here):

1. PHQ-9 item 9 ("thoughts that you would be better off dead...") answered above 0.
2. A "Very bad" day with the worry tag, repeated: this check-in is "Very bad" + worry, and at
   least one of the two finished check-ins before it (within the last 14 days) was too, so two of
   the last three check-ins. One bad day alone is a bad day; the same pattern again is a signal.
3. The person pressed "I need help now" (always honoured, at any step).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from enum import StrEnum

from companion.checkin.instruments import SELF_HARM_FLAG, Score
from companion.checkin.models import CheckIn

WORRY_TAG = "worry"
VERY_BAD_MOOD = "very_bad"
REPEAT_LOOKBACK_CHECKINS = 2
"""How many earlier finished check-ins are looked at for a repeat ("two of the last three")."""
REPEAT_LOOKBACK_DAYS = 14
"""Earlier check-ins older than this do not count towards a repeat."""


class SafetyReason(StrEnum):
    """Why the Get help now screen was opened (kept for the screen's wording, never logged)."""

    SELF_HARM_ANSWER = "self_harm_answer"
    REPEATED_VERY_BAD_WORRY = "repeated_very_bad_worry"
    HELP_PRESSED = "help_pressed"


def is_very_bad_worry(checkin: CheckIn) -> bool:
    return checkin.mood == VERY_BAD_MOOD and WORRY_TAG in checkin.tags


def reasons_for_score(score: Score) -> tuple[SafetyReason, ...]:
    """Rule 1: a questionnaire whose answers carry the self-harm flag."""
    return (SafetyReason.SELF_HARM_ANSWER,) if SELF_HARM_FLAG in score.flags else ()


def reasons_for_checkin(current: CheckIn, earlier: Sequence[CheckIn]) -> tuple[SafetyReason, ...]:
    """Rule 2: `current` (draft or finished) against earlier finished check-ins, oldest first."""
    if not is_very_bad_worry(current):
        return ()
    since = current.started_at - timedelta(days=REPEAT_LOOKBACK_DAYS)
    before = [
        c
        for c in earlier
        if c.id != current.id and not c.is_draft and since <= c.started_at < current.started_at
    ]
    recent = before[-REPEAT_LOOKBACK_CHECKINS:]
    if any(is_very_bad_worry(c) for c in recent):
        return (SafetyReason.REPEATED_VERY_BAD_WORRY,)
    return ()
