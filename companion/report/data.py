"""The data of a report for a date range: check-ins, questionnaire scores by instrument, tags.

The person chooses the dates and whether their notes go in; nothing is sent anywhere. Notes are
only read when `include_notes` is True, so they cannot slip into a report by accident.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from companion.checkin.instruments import RULES
from companion.checkin.models import TAGS
from companion.checkin.store import CheckInStore
from companion.checkin.trends import MoodPoint, mood_points
from companion.checkin.wording import INSTRUMENT_NAMES
from companion.i18n import _
from companion.report.words import period_words

SERIES_ORDER = ("phq9", "gad7", "who5", "phq2", "gad2")
"""The order instruments appear in a report: the longer questionnaires a clinician reads first."""


@dataclass(frozen=True)
class ReportScore:
    """One questionnaire result as the clinician sees it."""

    taken_at: datetime
    instrument_id: str
    instrument_name: str
    total: int
    highest_total: int
    percent: int | None
    band: str
    flags: frozenset[str]
    self_harm_answer: int | None = None
    # PHQ-9 / GAD-7's unscored closing question: how hard the problems made daily life (0-3).
    difficulty: int | None = None
    """The answer to PHQ-9 item 9 (0 to 3) for instruments that have that item, else None."""

    @property
    def value(self) -> int:
        """The number read on the instrument's scale (WHO-5: the percentage)."""
        return self.percent if self.percent is not None else self.total


@dataclass(frozen=True)
class InstrumentSeries:
    """All of one instrument's scores in the period, oldest first, with its own scale."""

    instrument_id: str
    name: str
    scale_high: int
    higher_is_better: bool
    cut_offs: tuple[int, ...]
    """Where the published bands begin (on the same scale as `ReportScore.value`), above 0."""
    scores: tuple[ReportScore, ...]

    @property
    def first(self) -> ReportScore:
        return self.scores[0]

    @property
    def latest(self) -> ReportScore:
        return self.scores[-1]

    @property
    def change(self) -> int | None:
        """Latest minus first score; None when there is only one score."""
        if len(self.scores) < 2:
            return None
        return self.latest.value - self.first.value


@dataclass(frozen=True)
class ReportNote:
    written_at: datetime
    text: str


@dataclass(frozen=True)
class ClinicianReport:
    """Everything one report shows, in plain values (times are aware, in the person's zone)."""

    person_name: str
    first_day: date
    last_day: date
    made_at: datetime
    checkin_count: int
    mood_points: tuple[MoodPoint, ...]
    scores: tuple[ReportScore, ...]
    tag_counts: tuple[tuple[str, int], ...]
    include_notes: bool
    notes: tuple[ReportNote, ...]

    @property
    def days_in_period(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def days_checked_in(self) -> int:
        """Days with at least one finished check-in that has a mood."""
        return len(self.mood_points)

    def series(self) -> tuple[InstrumentSeries, ...]:
        """One series per instrument answered in the period, in `SERIES_ORDER`."""
        found = []
        for instrument_id in SERIES_ORDER:
            scores = tuple(s for s in self.scores if s.instrument_id == instrument_id)
            if not scores:
                continue
            rules = RULES[instrument_id]
            factor = rules.percent_factor
            found.append(
                InstrumentSeries(
                    instrument_id=instrument_id,
                    name=INSTRUMENT_NAMES[instrument_id],
                    scale_high=100 if factor else rules.highest_total,
                    higher_is_better=factor is not None,
                    cut_offs=tuple(band.low for band in rules.bands if band.low > 0),
                    scores=scores,
                )
            )
        return tuple(found)

    def self_harm_answers(self) -> tuple[ReportScore, ...]:
        """Every result whose PHQ-9 item 9 answer was above 0, oldest first."""
        return tuple(s for s in self.scores if s.self_harm_answer)

    def title(self) -> str:
        return _("Check-in report, {period}").format(
            period=period_words(self.first_day, self.last_day)
        )


def build_report(
    store: CheckInStore,
    first_day: date,
    last_day: date,
    zone: tzinfo,
    *,
    now: datetime,
    include_notes: bool = False,
    person_name: str = "",
) -> ClinicianReport:
    """Gather the check-ins and questionnaire results from `first_day` to `last_day` inclusive."""
    if last_day < first_day:
        raise ValueError("The last day must be on or after the first day")
    start = datetime.combine(first_day, datetime.min.time(), zone)
    end = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), zone)
    checkins = [c for c in store.checkins_between(start, end) if not c.is_draft]
    tag_counter = Counter(tag for c in checkins for tag in c.tags)
    tag_counts = tuple(
        (tag, tag_counter[tag])
        for tag in sorted(
            tag_counter, key=lambda t: (-tag_counter[t], TAGS.index(t) if t in TAGS else 99)
        )
    )
    scores = []
    for result in store.results_between(start, end):
        rules = RULES.get(result.instrument_id)
        factor = rules.percent_factor if rules else None
        item = rules.self_harm_item if rules else None
        scores.append(
            ReportScore(
                taken_at=result.taken_at.astimezone(zone),
                instrument_id=result.instrument_id,
                instrument_name=INSTRUMENT_NAMES.get(result.instrument_id, result.instrument_id),
                total=result.total,
                highest_total=rules.highest_total if rules else result.total,
                percent=result.total * factor if factor else None,
                band=result.band,
                flags=result.flags,
                self_harm_answer=(
                    result.answers[item - 1] if item and len(result.answers) >= item else None
                ),
                difficulty=result.difficulty,
            )
        )
    scores.sort(key=lambda s: s.taken_at)
    notes: tuple[ReportNote, ...] = ()
    if include_notes:
        notes = tuple(
            ReportNote(c.started_at.astimezone(zone), c.note) for c in checkins if c.note.strip()
        )
    return ClinicianReport(
        person_name=person_name,
        first_day=first_day,
        last_day=last_day,
        made_at=now.astimezone(zone),
        checkin_count=len(checkins),
        mood_points=mood_points(checkins, zone),
        scores=tuple(scores),
        tag_counts=tag_counts,
        include_notes=include_notes,
        notes=notes,
    )


def score_text(score: ReportScore) -> str:
    if score.percent is not None:
        return f"{score.percent}/100"
    return f"{score.total}/{score.highest_total}"
