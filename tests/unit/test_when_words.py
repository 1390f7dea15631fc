"""One wording for days and times per language: "2:00 p.m." and "14 h 00", days in words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

import pytest

from companion.i18n import set_language
from companion.when_words import clock_words, date_words, month_words, weekday_names

NBSP = "\u00a0"


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("en")


def test_english_is_twelve_hour_with_a_m_and_p_m() -> None:
    assert clock_words(time(14, 0)) == f"2:00{NBSP}p.m."
    assert clock_words(time(0, 15)) == f"12:15{NBSP}a.m."
    assert clock_words(time(12, 0)) == f"12:00{NBSP}p.m."
    assert clock_words(time(9, 45)) == f"9:45{NBSP}a.m."


def test_french_is_twenty_four_hour_with_h(french: None) -> None:
    assert clock_words(time(14, 0)) == f"14{NBSP}h{NBSP}00"
    assert clock_words(time(9, 5)) == f"9{NBSP}h{NBSP}05"


def test_days_are_words_not_iso_dates() -> None:
    assert date_words(date(2026, 11, 18), date(2026, 1, 1)) == "Wednesday 18 November"
    assert date_words(date(2027, 1, 5), date(2026, 12, 1)) == "Tuesday 5 January 2027"
    assert month_words(date(2026, 3, 1)) == "March 2026"
    assert weekday_names()[0] == "Mon"


def test_days_in_french(french: None) -> None:
    assert date_words(date(2026, 11, 18), date(2026, 1, 1)) == "mercredi 18 novembre"
    assert month_words(date(2026, 3, 1)) == "mars 2026"
    assert weekday_names()[0].startswith("lun")
