"""Twelve weeks of check-ins and ten questionnaires (PHQ-9, GAD-7, WHO-5), for report tests.

Shared by the core tests (no Qt) and the page tests; deterministic (a seeded random, a fixed
clock), and with PHQ-9 item 9 answered above 0 twice unless `item9` is False.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from companion.checkin.instruments import score
from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.checkin.store import CheckInStore, MemoryCheckInStore

NOW = datetime(2026, 11, 18, 18, 0, tzinfo=UTC)
FIRST_DAY = date(2026, 8, 27)
NOTE = "Slept badly, worried about my sister in hospital."
MOODS = ("very_bad", "not_good", "okay", "good", "very_good")
TAGS = ("sleep", "pain", "loneliness", "family", "money", "health", "worry")
# (days before NOW, instrument, answers)
QUESTIONNAIRES = (
    (80, "phq9", (2, 2, 2, 2, 1, 2, 1, 2, 1)),
    (80, "gad7", (2, 2, 2, 1, 1, 2, 1)),
    (66, "phq9", (2, 2, 1, 2, 1, 1, 1, 1, 0)),
    (52, "who5", (2, 2, 1, 2, 2)),
    (38, "phq9", (1, 2, 1, 1, 1, 1, 1, 1, 0)),
    (38, "gad7", (1, 1, 2, 1, 1, 1, 0)),
    (24, "who5", (3, 3, 2, 3, 2)),
    (10, "phq9", (1, 1, 1, 1, 0, 1, 1, 0, 2)),
    (10, "gad7", (1, 1, 1, 0, 1, 0, 0)),
    (3, "who5", (3, 3, 3, 3, 3)),
)


def fill_twelve_weeks(store: CheckInStore, now: datetime = NOW, *, item9: bool = True) -> None:
    chance = random.Random(4)
    for day in range(84):
        if chance.random() < 0.25:
            continue
        at = now - timedelta(days=83 - day, hours=chance.randint(0, 8))
        mood = MOODS[min(4, max(0, int(1 + day / 30 + chance.random() * 1.5)))]
        tags = frozenset(chance.sample(TAGS, chance.randint(0, 2)))
        note = NOTE if day % 9 == 0 else ""
        store.finish(CheckIn(None, at, at, mood, tags, note, False))
    for days_ago, instrument, answers in QUESTIONNAIRES:
        if not item9 and instrument == "phq9":
            answers = (*answers[:8], 0)
        result = score(instrument, answers)
        store.save_result(
            QuestionnaireResult(
                None,
                instrument,
                now - timedelta(days=days_ago),
                answers,
                result.total,
                result.band,
                result.flags,
                # The unscored closing question of PHQ-9 and GAD-7: harder early on.
                difficulty=(2 if days_ago > 40 else 1) if instrument in ("phq9", "gad7") else None,
            )
        )


def twelve_weeks(*, item9: bool = True) -> MemoryCheckInStore:
    store = MemoryCheckInStore()
    fill_twelve_weeks(store, item9=item9)
    return store


__all__ = ["FIRST_DAY", "NOTE", "NOW", "UTC", "fill_twelve_weeks", "twelve_weeks"]
