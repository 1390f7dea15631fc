"""Scoring of PHQ-9, PHQ-2, GAD-7, GAD-2 and WHO-5 by their published scoring tables.

The scoring rules live here in code, not in the content files, because they are a public contract
(see DESIGN.md "Contracts"): the wording may be reworded or translated, the arithmetic may not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SELF_HARM_FLAG = "self_harm"


@dataclass(frozen=True)
class Band:
    """One row of a published scoring table: totals from `low` to `high` (inclusive) mean `name`."""

    low: int
    high: int
    name: str


@dataclass(frozen=True)
class InstrumentRules:
    """How one instrument is scored: how many items, what each answer may be, and its bands."""

    instrument_id: str
    item_count: int
    lowest_answer: int
    highest_answer: int
    bands: tuple[Band, ...]
    percent_factor: int | None = None
    """WHO-5 reports its raw total times 4; bands are then read on that percentage."""
    self_harm_item: int | None = None
    """1-based item number whose answer above 0 adds the self-harm flag (PHQ-9 item 9)."""

    @property
    def highest_total(self) -> int:
        return self.item_count * self.highest_answer


@dataclass(frozen=True)
class Score:
    """The result of scoring one set of answers: what the person and their clinician are shown."""

    instrument_id: str
    total: int
    band: str
    flags: frozenset[str]
    percent: int | None = None


_SCREEN_BANDS = (Band(0, 2, "negative"), Band(3, 6, "positive"))

RULES: dict[str, InstrumentRules] = {
    "phq9": InstrumentRules(
        "phq9",
        item_count=9,
        lowest_answer=0,
        highest_answer=3,
        bands=(
            Band(0, 4, "minimal"),
            Band(5, 9, "mild"),
            Band(10, 14, "moderate"),
            Band(15, 19, "moderately severe"),
            Band(20, 27, "severe"),
        ),
        self_harm_item=9,
    ),
    "phq2": InstrumentRules("phq2", 2, 0, 3, _SCREEN_BANDS),
    "gad7": InstrumentRules(
        "gad7",
        item_count=7,
        lowest_answer=0,
        highest_answer=3,
        bands=(
            Band(0, 4, "minimal"),
            Band(5, 9, "mild"),
            Band(10, 14, "moderate"),
            Band(15, 21, "severe"),
        ),
    ),
    "gad2": InstrumentRules("gad2", 2, 0, 3, _SCREEN_BANDS),
    "who5": InstrumentRules(
        "who5",
        item_count=5,
        lowest_answer=0,
        highest_answer=5,
        bands=(
            Band(0, 28, "likely depression"),
            Band(29, 50, "poor"),
            Band(51, 100, "adequate"),
        ),
        percent_factor=4,
    ),
}
INSTRUMENT_IDS: tuple[str, ...] = tuple(RULES)


def rules_for(instrument_id: str) -> InstrumentRules:
    """The scoring rules of `instrument_id`; ValueError naming the known ids if it is unknown."""
    if not isinstance(instrument_id, str) or instrument_id not in RULES:
        raise ValueError(
            f"Unknown instrument {instrument_id!r}; expected one of {', '.join(INSTRUMENT_IDS)}"
        )
    return RULES[instrument_id]


def validate_answers(instrument_id: str, answers: Sequence[int]) -> tuple[int, ...]:
    """The answers as a tuple if they fit the instrument; ValueError saying which one is wrong."""
    rules = rules_for(instrument_id)
    if isinstance(answers, str | bytes) or not isinstance(answers, Sequence):
        raise ValueError(
            f"{instrument_id}: answers must be a list of {rules.item_count} whole numbers, "
            f"not {type(answers).__name__}"
        )
    if len(answers) != rules.item_count:
        raise ValueError(
            f"{instrument_id}: expected {rules.item_count} answers, got {len(answers)}"
        )
    for number, answer in enumerate(answers, start=1):
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise ValueError(
                f"{instrument_id}: answer to item {number} must be a whole number, not {answer!r}"
            )
        if not rules.lowest_answer <= answer <= rules.highest_answer:
            raise ValueError(
                f"{instrument_id}: answer to item {number} is {answer}, outside "
                f"{rules.lowest_answer} to {rules.highest_answer}"
            )
    return tuple(answers)


def band_for(rules: InstrumentRules, value: int) -> str:
    """The band of a total (or, for WHO-5, of its percentage)."""
    for band in rules.bands:
        if band.low <= value <= band.high:
            return band.name
    raise ValueError(f"{rules.instrument_id}: {value} is outside every band")


def score(instrument_id: str, answers: Sequence[int]) -> Score:
    """Score `answers` (one whole number per item, in order) by the instrument's published table."""
    checked = validate_answers(instrument_id, answers)
    rules = RULES[instrument_id]
    total = sum(checked)
    percent = total * rules.percent_factor if rules.percent_factor is not None else None
    band = band_for(rules, percent if percent is not None else total)
    flags: set[str] = set()
    if rules.self_harm_item is not None and checked[rules.self_harm_item - 1] > 0:
        flags.add(SELF_HARM_FLAG)
    return Score(
        instrument_id=instrument_id,
        total=total,
        band=band,
        flags=frozenset(flags),
        percent=percent,
    )
