"""When a check-in or questionnaire should lead to help, decided in one place.

The rules (a clinician can read and question them here):

1. PHQ-9 item 9 ("thoughts that you would be better off dead...") answered above 0 opens
   Get help now at once.
2. Repeated bad days, whatever the tags: this finished check-in and the one before it are both
   "Very bad", or three of the last five check-ins (this one included) are "Not good" or worse.
   The check-in that meets the rule must itself be a hard day, check-ins without a mood are left
   out, and only check-ins of the last 14 days count. Help is then offered kindly on the
   thank-you screen (never opened by itself), at most once a day: not when an earlier check-in
   the same day already met the rule.
3. The person pressed "I need help now" (always honoured, at any step).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta, tzinfo
from enum import StrEnum

from companion.checkin.instruments import SELF_HARM_FLAG, Score
from companion.checkin.models import CheckIn

VERY_BAD_MOOD = "very_bad"
BAD_MOODS: frozenset[str] = frozenset({"not_good", "very_bad"})
"""'Not good' or worse."""
VERY_BAD_IN_A_ROW = 2
BAD_OUT_OF = (3, 5)
"""Three 'Not good' or worse among the last five check-ins."""
REPEAT_LOOKBACK_DAYS = 14
"""Earlier check-ins older than this do not count towards a repeat."""


class SafetyReason(StrEnum):
    """Why help was opened or offered (kept for the screen's wording, never logged)."""

    SELF_HARM_ANSWER = "self_harm_answer"
    REPEATED_BAD_DAYS = "repeated_bad_days"
    HELP_PRESSED = "help_pressed"


def reasons_for_score(score: Score) -> tuple[SafetyReason, ...]:
    """Rule 1: a questionnaire whose answers carry the self-harm flag."""
    return (SafetyReason.SELF_HARM_ANSWER,) if SELF_HARM_FLAG in score.flags else ()


def _recent_moods(current: CheckIn, earlier: Sequence[CheckIn]) -> list[str]:
    """Moods of the finished check-ins of the lookback before `current`, oldest first, then its."""
    since = current.started_at - timedelta(days=REPEAT_LOOKBACK_DAYS)
    before = sorted(
        (
            c
            for c in earlier
            if c.id != current.id
            and not c.is_draft
            and c.mood is not None
            and since <= c.started_at < current.started_at
        ),
        key=lambda c: c.started_at,
    )
    return [c.mood for c in before if c.mood is not None] + [current.mood or ""]


def repeated_bad_days(current: CheckIn, earlier: Sequence[CheckIn]) -> bool:
    """Rule 2 without the once-a-day limit: `current` against earlier finished check-ins."""
    if current.mood not in BAD_MOODS:
        return False
    moods = _recent_moods(current, earlier)
    if moods[-VERY_BAD_IN_A_ROW:] == [VERY_BAD_MOOD] * VERY_BAD_IN_A_ROW:
        return True
    needed, window = BAD_OUT_OF
    return sum(mood in BAD_MOODS for mood in moods[-window:]) >= needed


def _day(checkin: CheckIn, zone: tzinfo | None) -> date:
    moment = checkin.started_at.astimezone(zone) if zone else checkin.started_at.astimezone()
    return moment.date()


def reasons_for_checkin(
    current: CheckIn, earlier: Sequence[CheckIn], zone: tzinfo | None = None
) -> tuple[SafetyReason, ...]:
    """Rule 2 with its once-a-day limit; `zone` decides what "a day" is (default: the PC's)."""
    if not repeated_bad_days(current, earlier):
        return ()
    today = _day(current, zone)
    history = sorted(
        (c for c in earlier if c.id != current.id and not c.is_draft), key=lambda c: c.started_at
    )
    for index, before in enumerate(history):
        same_day = before.started_at < current.started_at and _day(before, zone) == today
        if same_day and repeated_bad_days(before, history[:index]):
            return ()  # already offered today
    return (SafetyReason.REPEATED_BAD_DAYS,)
