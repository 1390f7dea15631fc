"""The report as blocks (headings, paragraphs, tables, charts) that a page composer lays out.

What goes on the first page is decided here: who and when, that it is the person's own record
and not a diagnosis, any PHQ-9 item 9 answer above 0 set apart, then the scores. The blocks hold
finished, translated text, so the Qt side only measures and paints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from companion.checkin.trends import MOOD_VALUES
from companion.checkin.wording import mood_word, tag_word
from companion.i18n import _
from companion.report.data import ClinicianReport, InstrumentSeries, score_text
from companion.report.words import (
    ITEM9_TEXT,
    band_name,
    change_words,
    credits,
    date_words,
    difficulty_words,
    item9_answer,
    period_words,
    short_date,
    subject,
)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """Text that wraps; `style` is "body", "lead" (bold), "small", or "alert" (set apart)."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Table:
    """Rows never split across pages; the header row repeats on a continuation page."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Chart:
    """A line over the days of the period, on its own vertical scale."""

    caption: str
    first_day: date
    last_day: date
    y_low: float
    y_high: float
    y_ticks: tuple[tuple[float, str], ...]
    x_ticks: tuple[tuple[date, str], ...]
    points: tuple[tuple[date, float], ...]
    words_axis: bool = False
    """True when the vertical labels are words (the mood chart), which need a wider margin."""


@dataclass(frozen=True)
class ScoreSection:
    """One instrument: a heading, its small table of dated scores beside its line, the change."""

    heading: str
    table: Table
    chart: Chart
    change: str


@dataclass(frozen=True)
class Alert:
    """Set apart in a box: something a clinician must not miss."""

    heading: str
    lines: tuple[str, ...]


Block = Heading | Paragraph | Table | Chart | ScoreSection | Alert


@dataclass(frozen=True)
class ReportDocument:
    """The blocks in reading order, and the words repeated at the top and bottom of every page."""

    title: str
    running_head: str
    running_foot: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def plain_text(self) -> str:
        """Every word of the body, in reading order (for screen readers and tests)."""
        parts: list[str] = [self.running_head]
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph):
                parts.append(block.text)
            elif isinstance(block, Table):
                parts.append(" | ".join(block.headers))
                parts.extend(" | ".join(row) for row in block.rows)
            elif isinstance(block, Chart):
                parts.append(block.caption)
            elif isinstance(block, ScoreSection):
                parts.append(block.heading)
                parts.extend(" | ".join(row) for row in block.table.rows)
                parts.append(block.change)
            else:
                parts.append(block.heading)
                parts.extend(block.lines)
        return "\n".join(parts)


def _x_ticks(first: date, last: date, with_year: bool) -> tuple[tuple[date, str], ...]:
    """A label at the first day and then each week; the composer drops ones that would touch."""
    days = [first + timedelta(days=d) for d in range(0, (last - first).days + 1, 7)]
    if days[-1] != last:
        days.append(last)
    return tuple((d, short_date(d, with_year)) for d in days)


def summary_table(report: ClinicianReport) -> Table:
    """One row per instrument: how often, first and latest score, change, band now."""
    with_year = report.first_day.year != report.last_day.year
    rows = []
    for series in report.series():
        first, latest = series.first, series.latest
        rows.append(
            (
                series.name,
                str(len(series.scores)),
                _("{score} on {day}").format(
                    score=score_text(first), day=short_date(first.taken_at.date(), with_year)
                ),
                _("{score} on {day}").format(
                    score=score_text(latest), day=short_date(latest.taken_at.date(), with_year)
                ),
                change_words(series.change),
                band_name(latest.band),
            )
        )
    return Table(
        headers=(
            _("Questionnaire"),
            _("Times"),
            _("First score"),
            _("Latest score"),
            _("Change"),
            _("Band now"),
        ),
        rows=tuple(rows),
    )


def _scale_words(series: InstrumentSeries) -> str:
    if series.higher_is_better:
        return _("0 to {high}, higher is better").format(high=series.scale_high)
    return _("0 to {high}, higher means more symptoms").format(high=series.scale_high)


def score_section(report: ClinicianReport, series: InstrumentSeries) -> ScoreSection:
    with_year = report.first_day.year != report.last_day.year
    rows: tuple[tuple[str, ...], ...] = tuple(
        (short_date(s.taken_at.date(), with_year), score_text(s), band_name(s.band))
        for s in series.scores
    )
    headers: tuple[str, ...] = (_("Date"), _("Score"), _("Band"))
    if any(s.difficulty is not None for s in series.scores):  # PHQ-9, GAD-7: asked, unscored
        headers = (*headers, _("Difficulty in daily life"))
        rows = tuple(
            (*row, difficulty_words(s.difficulty))
            for row, s in zip(rows, series.scores, strict=True)
        )
    table = Table(headers=headers, rows=rows)
    ticks = sorted({0, *series.cut_offs, series.scale_high})
    chart = Chart(
        caption=_("{name} scores over time").format(name=series.name),
        first_day=report.first_day,
        last_day=report.last_day,
        y_low=0,
        y_high=series.scale_high,
        y_ticks=tuple((float(t), str(t)) for t in ticks),
        x_ticks=_x_ticks(report.first_day, report.last_day, with_year),
        points=tuple((s.taken_at.date(), float(s.value)) for s in series.scores),
    )
    if series.change is None:
        change = _("One score in this period.")
    else:
        change = _("Change since the first score: {change} (from {first} on {first_day}).").format(
            change=change_words(series.change),
            first=series.first.value,
            first_day=date_words(series.first.taken_at.date()),
        )
    heading = _("{name}: {subject} ({scale})").format(
        name=series.name, subject=subject(series.instrument_id), scale=_scale_words(series)
    )
    return ScoreSection(heading=heading, table=table, chart=chart, change=change)


def item9_alert(report: ClinicianReport) -> Alert | None:
    answers = report.self_harm_answers()
    if not answers:
        return None
    lines = [
        _("{day}: answered \u201c{answer}\u201d ({value} of 3).")
        .format(
            day=date_words(s.taken_at.date()),
            answer=item9_answer(s.self_harm_answer or 0),
            value=s.self_harm_answer,
        )
        .replace(f"({s.self_harm_answer} ", f"({s.self_harm_answer}\u00a0")  # "(1 of 3)" whole
        for s in answers
    ]
    lines.append(_("Question: \u201c{item}\u201d").format(item=_(ITEM9_TEXT)))
    return Alert(heading=_("PHQ-9 item 9 answered above 0"), lines=tuple(lines))


def mood_chart(report: ClinicianReport) -> Chart:
    with_year = report.first_day.year != report.last_day.year
    return Chart(
        caption=_("Mood each day, from very bad to very good"),
        first_day=report.first_day,
        last_day=report.last_day,
        y_low=1,
        y_high=5,
        y_ticks=tuple((float(v), mood_word(m)) for m, v in MOOD_VALUES.items()),
        x_ticks=_x_ticks(report.first_day, report.last_day, with_year),
        points=tuple((p.day, float(p.value)) for p in report.mood_points),
        words_axis=True,
    )


def _own_record(report: ClinicianReport) -> str:
    if report.person_name:
        return _(
            "This is {name}'s own record, kept in the Companion app. It is not a diagnosis."
        ).format(name=report.person_name)
    return _("This is the person's own record, kept in the Companion app. It is not a diagnosis.")


def report_document(report: ClinicianReport) -> ReportDocument:
    """The report's blocks, first page first."""
    period = period_words(report.first_day, report.last_day)
    blocks: list[Block] = [Heading(_("Check-in report"), level=1)]
    if report.person_name:
        blocks.append(Paragraph(report.person_name, "lead"))
    blocks.append(Paragraph(period))
    blocks.append(Paragraph(_own_record(report)))
    alert = item9_alert(report)
    if alert is not None:
        blocks.append(alert)
    blocks.append(Heading(_("Questionnaires")))
    series = report.series()
    if series:
        blocks.append(summary_table(report))
        blocks.extend(score_section(report, s) for s in series)
    else:
        blocks.append(Paragraph(_("No questionnaires in this time.")))
    blocks.append(Heading(_("Mood each day")))
    blocks.append(
        Paragraph(
            _("Days with a check-in: {days} of {total}.").format(
                days=report.days_checked_in, total=report.days_in_period
            )
        )
    )
    blocks.append(mood_chart(report))
    blocks.append(Heading(_("What was affecting me")))
    if report.tag_counts:
        blocks.append(
            Table(
                headers=(_("What"), _("Times chosen")),
                rows=tuple((tag_word(tag), str(count)) for tag, count in report.tag_counts),
            )
        )
    else:
        blocks.append(Paragraph(_("Nothing chosen in this time.")))
    if report.include_notes:
        blocks.append(Heading(_("My notes")))
        if not report.notes:
            blocks.append(Paragraph(_("No notes in this time.")))
        for note in report.notes:
            blocks.append(Paragraph(date_words(note.written_at.date()), "lead"))
            blocks.append(Paragraph(note.text))
    blocks.append(Heading(_("About this report"), level=3))
    blocks.append(Paragraph(_own_record(report), "small"))
    blocks.extend(Paragraph(line, "small") for line in credits({s.instrument_id for s in series}))
    head = " \u00b7 ".join(x for x in (report.person_name, period) if x)
    foot = _("Made with Companion on {day}").format(day=date_words(report.made_at.date()))
    return ReportDocument(
        title=report.title(), running_head=head, running_foot=foot, blocks=tuple(blocks)
    )
