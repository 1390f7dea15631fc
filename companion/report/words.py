"""How the report says things: dates in words, published band names, item 9, credits, paper size.

Every sentence is in English and French. Dates follow one convention per language ("Tuesday
18 November 2026", "mardi 18 novembre 2026"), never ISO, so nobody has to decode 2026-11-18.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from companion.appointments.schedule import babel_locale
from companion.checkin.attribution import attribution
from companion.i18n import N_, _, current_language

LETTER_REGIONS = frozenset({"CA", "US"})
"""Regions whose paper is US Letter; everywhere else prints on A4."""

BAND_NAMES: dict[str, str] = {
    "minimal": N_("Minimal"),
    "mild": N_("Mild"),
    "moderate": N_("Moderate"),
    "moderately severe": N_("Moderately severe"),
    "severe": N_("Severe"),
    "negative": N_("Negative screen"),
    "positive": N_("Positive screen"),
    "adequate": N_("Adequate well-being"),
    "poor": N_("Poor well-being"),
    "likely depression": N_("Likely depression"),
}
SUBJECTS: dict[str, str] = {
    "phq9": N_("depression"),
    "phq2": N_("depression, short screen"),
    "gad7": N_("anxiety"),
    "gad2": N_("anxiety, short screen"),
    "who5": N_("well-being"),
}
ITEM9_TEXT = N_("Thoughts that you would be better off dead or of hurting yourself in some way")
ITEM9_ANSWERS = (
    N_("Not at all"),
    N_("Several days"),
    N_("More than half the days"),
    N_("Nearly every day"),
)
# The published answers of PHQ-9 and GAD-7's closing question (not scored).
DIFFICULTY_ANSWERS = (
    N_("Not difficult at all"),
    N_("Somewhat difficult"),
    N_("Very difficult"),
    N_("Extremely difficult"),
)


def paper_for_region(region: str) -> str:
    """ "letter" in Canada and the United States, "a4" everywhere else."""
    return "letter" if region.upper() in LETTER_REGIONS else "a4"


def _day(day: date) -> str:
    """The day-of-month pattern: French writes the first of the month "1er"."""
    return "'1er'" if day.day == 1 and current_language() == "fr" else "d"


def date_words(day: date) -> str:
    """ "Tuesday 18 November 2026" (English) or "mardi 18 novembre 2026" (French)."""
    return str(format_date(day, f"EEEE {_day(day)} MMMM y", locale=babel_locale()))


def short_date(day: date, with_year: bool = False) -> str:
    """ "18 November" (or "18 November 2026"), kept on one line, for table cells and charts."""
    pattern = f"{_day(day)} MMMM" + (" y" if with_year else "")
    return str(format_date(day, pattern, locale=babel_locale())).replace(" ", "\u00a0")


def period_words(first: date, last: date) -> str:
    return _("{first} to {last}").format(first=date_words(first), last=date_words(last))


def band_name(band: str) -> str:
    """The published band, in words, in the person's language."""
    return _(BAND_NAMES[band]) if band in BAND_NAMES else band


def subject(instrument_id: str) -> str:
    return _(SUBJECTS[instrument_id]) if instrument_id in SUBJECTS else instrument_id


def item9_answer(value: int) -> str:
    return _(ITEM9_ANSWERS[value]) if 0 <= value < len(ITEM9_ANSWERS) else str(value)


def change_words(change: int | None) -> str:
    """ "down 5", "up 12", "no change", or "one score only"."""
    if change is None:
        return _("one score only")
    if change == 0:
        return _("no change")
    if change > 0:
        return _("up {points}").format(points=change)
    return _("down {points}").format(points=-change)


def credits(instrument_ids: set[str]) -> tuple[str, ...]:
    """Credit lines for the instruments that appear in the report (the same words as under
    each questionnaire's first screen and in About)."""
    return tuple(dict.fromkeys(attribution(i) for i in sorted(instrument_ids)))


def difficulty_words(answer: int | None) -> str:
    """The closing question's answer in words; a dash when it was not asked or skipped."""
    if answer is None or not 0 <= answer < len(DIFFICULTY_ANSWERS):
        return "\u2014"
    return _(DIFFICULTY_ANSWERS[answer])


def page_label(page: int, pages: int) -> str:
    """ "Page 1 of 2"."""
    return _("Page {page} of {pages}").format(page=page, pages=pages)
