"""Days and times in words, in one convention per language, for every screen and sentence.

English (Canada and the US): 12-hour with "a.m." and "p.m." ("2:00 p.m."), days as
"Tuesday 18 November". French: 24-hour "14 h 00", days as "mardi 18 novembre". Nothing a
person reads shows an ISO date or a bare "14:00".
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

from companion.i18n import _, current_language

# Babel locales for the app languages.
_BABEL_LOCALES = {"en": "en", "fr": "fr_CA"}
MINUTES_STEP = 15  # Earlier / Later move the time by this much


def babel_locale() -> str:
    """The Babel locale for the app's current language."""
    return _BABEL_LOCALES.get(current_language(), "en")


_DOUBLE_PERIOD = re.compile(r"\b([ap]\.m\.)\.")


def _language() -> str:
    return current_language() if current_language() in _BABEL_LOCALES else "en"


def clock_words(moment: time | datetime) -> str:
    """ "2:00 p.m." in English, "14 h 00" in French (a time of day, no zone change).

    The spaces do not break, so a button never puts "p.m." or "h 00" alone on a line.
    """
    if _language() == "fr":
        return f"{moment.hour}\u00a0h\u00a0{moment.minute:02d}"
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d}\u00a0" + ("a.m." if moment.hour < 12 else "p.m.")


def one_period(sentence: str) -> str:
    """A sentence that ends on a time ("... at 2:00 p.m.") keeps one full stop, not two."""
    return _DOUBLE_PERIOD.sub(r"\1", sentence)


def time_words(moment: datetime, zone: tzinfo | None = None) -> str:
    """The time of `moment` where the person lives, in words ("2:00 p.m.", "14 h 00")."""
    return clock_words(_local(moment, zone).time())


def date_words(day: date, today: date | None = None) -> str:
    """ "Tuesday 18 November" (with the year when it is not `today`'s year, or no today)."""
    from babel.dates import format_date  # babel's calendars load when a date is first said

    pattern = "EEEE d MMMM" if today is not None and day.year == today.year else "EEEE d MMMM y"
    return str(format_date(day, pattern, locale=babel_locale()))


def day_month_words(day: date) -> str:
    """ "18 November" / "18 novembre": for a chart's axis, where space is short."""
    from babel.dates import format_date

    return str(format_date(day, "d MMMM", locale=babel_locale()))


def short_date_words(day: date) -> str:
    """ "18 November 2026": for lists where the weekday would crowd the line."""
    from babel.dates import format_date

    return str(format_date(day, "d MMMM y", locale=babel_locale()))


def day_words(moment: datetime, now: datetime, zone: tzinfo | None = None) -> str:
    """ "today", "tomorrow", or "Tuesday 14 March" (with the year when it is not this year)."""
    local, today = _local(moment, zone).date(), _local(now, zone).date()
    if local == today:
        return _("today")
    if local == today + timedelta(days=1):
        return _("tomorrow")
    return date_words(local, today)


def month_words(day: date) -> str:
    """ "March 2026" / "mars 2026"."""
    from babel.dates import get_month_names

    name = get_month_names("wide", locale=babel_locale())[day.month]
    return f"{name} {day.year}"


def weekday_names(width: Literal["abbreviated", "wide"] = "abbreviated") -> list[str]:
    """Monday first: ["Mon", "Tue", ...] or ["lun.", "mar.", ...]."""
    from babel.dates import get_day_names

    names = get_day_names(width, locale=babel_locale())
    return [str(names[index]) for index in range(7)]


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    return moment.astimezone(zone) if zone is not None else moment.astimezone()
