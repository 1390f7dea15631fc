"""One row<->value mapping: every store's value survives a row and comes back with its own types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from companion.appointments.model import Appointment
from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.safety.crisis import EmergencyContact
from companion.storage.models import (
    AppointmentRow,
    CheckInRow,
    EmergencyContactRow,
    QuestionnaireResultRow,
)
from companion.storage.rows import new_row, value_of

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "row_type", "also"),
    [
        (CheckIn(7, NOW, NOW, "good", frozenset({"sleep", "family"}), "é", False), CheckInRow, {}),
        (
            QuestionnaireResult(3, "phq9", NOW, (2,) * 9, 18, "moderate", frozenset({"q9"}), 2),
            QuestionnaireResultRow,
            {},
        ),
        (
            Appointment(5, "Dr. Lee", "Dr. Lee", NOW, 50, None, "555", "", "FREQ=WEEKLY", "u"),
            AppointmentRow,
            {},
        ),
        (EmergencyContact("Ann", "555-0101", "daughter"), EmergencyContactRow, {"position": 0}),
    ],
)
def test_a_value_comes_back_from_its_row_unchanged(
    value: object, row_type: type, also: dict[str, object]
) -> None:
    row = new_row(row_type, value, **also)  # type: ignore[arg-type]
    if hasattr(value, "id"):
        assert row.id is None  # the database gives the id
        row.id = value.id
    back = value_of(type(value), row)  # type: ignore[type-var]
    assert back == value
    for name in ("tags", "flags"):
        if hasattr(value, name):
            assert isinstance(getattr(row, name), list) and getattr(row, name) == sorted(
                getattr(value, name)
            )
            assert isinstance(getattr(back, name), frozenset)


def test_a_field_with_no_column_is_refused_not_dropped() -> None:
    @dataclass(frozen=True)
    class Longer:
        name: str
        phone: str
        relation: str
        nickname: str

    with pytest.raises(AttributeError, match="nickname"):
        new_row(EmergencyContactRow, Longer("Ann", "555", "daughter", "Annie"), position=0)
