"""How each questionnaire's score changed over time, in words, for the history screen.

One sentence per questionnaire answered in the last year: its last few scores with their dates,
then which way it went since the first of them (for the PHQ and GAD scales a lower score means
fewer signs; for the WHO-5 a higher one means better well-being). Never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, tzinfo

from babel.dates import format_date

from companion.appointments.schedule import babel_locale
from companion.checkin.instruments import INSTRUMENT_IDS
from companion.checkin.models import QuestionnaireResult
from companion.checkin.store import CheckInStore
from companion.i18n import N_, _

SCORE_HISTORY_DAYS = 365
"""Questionnaires are answered every few weeks: a year shows how they changed."""
MAX_SCORES_SAID = 4
"""At most this many scores per questionnaire in its sentence (the latest ones)."""
HIGHER_IS_BETTER: frozenset[str] = frozenset({"who5"})

SCORE_LABELS: dict[str, str] = {
    "phq9": N_("Questions about low mood (PHQ-9)"),
    "phq2": N_("Short questions about low mood (PHQ-2)"),
    "gad7": N_("Questions about worry (GAD-7)"),
    "gad2": N_("Short questions about worry (GAD-2)"),
    "who5": N_("Questions about well-being (WHO-5)"),
}


def _value(result: QuestionnaireResult) -> int:
    """The number the person was shown: WHO-5 as a percentage, the others as a total."""
    return result.total * 4 if result.instrument_id == "who5" else result.total


def _value_words(result: QuestionnaireResult, zone: tzinfo | None) -> str:
    day = result.taken_at.astimezone(zone).date() if zone else result.taken_at.date()
    when = format_date(day, "d MMMM y", locale=babel_locale())
    if result.instrument_id == "who5":
        return _("{value} out of 100 on {day}").format(value=_value(result), day=when)
    return _("{value} on {day}").format(value=_value(result), day=when)


def _direction(instrument_id: str, first: int, last: int) -> str:
    if first == last:
        return _("About the same as at the start.")
    went_up = last > first
    if instrument_id in HIGHER_IS_BETTER:
        return (
            _("Better well-being than at the start.")
            if went_up
            else _("Lower well-being than at the start.")
        )
    return _("More signs than at the start.") if went_up else _("Fewer signs than at the start.")


def score_sentences(results: Sequence[QuestionnaireResult], zone: tzinfo | None) -> list[str]:
    """One sentence per questionnaire (in the usual order), from results oldest first."""
    sentences = []
    for instrument_id in INSTRUMENT_IDS:
        mine = [r for r in results if r.instrument_id == instrument_id][-MAX_SCORES_SAID:]
        if not mine:
            continue
        label = _(SCORE_LABELS[instrument_id])
        values = ", ".join(_value_words(r, zone) for r in mine)
        sentence = _("{label}: {values}.").format(label=label, values=values)
        if len(mine) > 1:
            sentence += " " + _direction(instrument_id, _value(mine[0]), _value(mine[-1]))
        sentences.append(sentence)
    return sentences


def score_history(store: CheckInStore, now: datetime, zone: tzinfo | None) -> list[str]:
    """The sentences for the last year of results up to `now`."""
    results = store.results_between(now - timedelta(days=SCORE_HISTORY_DAYS), now)
    return score_sentences(results, zone)
