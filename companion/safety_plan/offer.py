"""When to offer, gently, to make a plan: after the self-harm question route or repeated bad
days, and never more than once a week. A person who already has a plan is not asked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from companion.checkin.models import CheckIn

if TYPE_CHECKING:
    from companion.preferences import Preferences

OFFER_AT_MOST_EVERY = timedelta(days=7)
LAST_OFFER_KEY = "safety_plan.last_offered"
LOW_MOODS = frozenset({"not_good", "very_bad"})
BAD_DAYS_LOOKBACK = timedelta(days=14)
BAD_DAYS_NEEDED = 3
"""This check-in and at least two of the three before it (within two weeks) were low."""


def repeated_bad_days(current: CheckIn, earlier: Sequence[CheckIn]) -> bool:
    """True when `current` is a low day and two of the three finished check-ins before it, in
    the last two weeks, were low too."""
    if current.mood not in LOW_MOODS:
        return False
    since = current.started_at - BAD_DAYS_LOOKBACK
    before = [
        c
        for c in earlier
        if c.id != current.id and not c.is_draft and since <= c.started_at < current.started_at
    ][-(BAD_DAYS_NEEDED):]
    return 1 + sum(c.mood in LOW_MOODS for c in before) >= BAD_DAYS_NEEDED


def offer_is_due(preferences: Preferences, now: datetime, has_plan: bool) -> bool:
    """May the offer be shown now? Not with a plan, and not twice within a week."""
    if has_plan:
        return False
    last = preferences.get(LAST_OFFER_KEY)
    if not isinstance(last, str):
        return True
    try:
        when = datetime.fromisoformat(last)
    except ValueError:
        return True
    return now - when >= OFFER_AT_MOST_EVERY


def record_offer(preferences: Preferences, now: datetime) -> None:
    preferences.set(LAST_OFFER_KEY, now.isoformat())
