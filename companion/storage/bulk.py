"""Everything of one person as plain values, read through the stores and written back in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from companion.appointments.model import Appointment
from companion.appointments.store import AppointmentStore
from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.checkin.store import CheckInStore
from companion.preferences import Preferences
from companion.safety.contacts_store import contact_rows
from companion.safety.crisis import ContactsStore, EmergencyContact
from companion.safety_plan.plan import SafetyPlan, SafetyPlanStore
from companion.safety_plan.sql_store import plan_rows
from companion.storage.database import PersonDatabase
from companion.storage.models import (
    AppointmentRow,
    CheckInRow,
    PersonPreferenceRow,
    QuestionnaireResultRow,
)
from companion.storage.rows import new_row

EVER_START = datetime(1900, 1, 1, tzinfo=UTC)
EVER_END = datetime(9999, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class PersonData:
    """All a person keeps in Companion (what a backup carries)."""

    checkins: tuple[CheckIn, ...]
    draft: CheckIn | None
    results: tuple[QuestionnaireResult, ...]
    appointments: tuple[Appointment, ...]
    contacts: tuple[EmergencyContact, ...]
    preferences: dict[str, Any]
    safety_plan: SafetyPlan = field(default_factory=SafetyPlan)


def collect(
    checkins: CheckInStore,
    appointments: AppointmentStore,
    contacts: ContactsStore,
    preferences: Preferences,
    safety_plan: SafetyPlanStore | None = None,
) -> PersonData:
    """Read everything through the stores (so a guest's memory can be saved too)."""
    return PersonData(
        checkins=tuple(checkins.checkins_between(EVER_START, EVER_END)),
        draft=checkins.latest_draft(),
        results=tuple(checkins.results_between(EVER_START, EVER_END)),
        appointments=tuple(appointments.all()),
        contacts=tuple(contacts.contacts()),
        preferences=preferences.items(),
        safety_plan=safety_plan.plan() if safety_plan is not None else SafetyPlan(),
    )


def write_all(database: PersonDatabase, data: PersonData) -> None:
    """Add everything in `data` to an (empty) database in one transaction: all or nothing."""
    with database.unit_of_work() as session:
        session.add_all(new_row(CheckInRow, c, is_draft=False) for c in data.checkins)
        if data.draft is not None:
            session.add(new_row(CheckInRow, data.draft, is_draft=True))
        session.add_all(new_row(QuestionnaireResultRow, r) for r in data.results)
        session.add_all(new_row(AppointmentRow, a) for a in data.appointments)
        session.add_all(contact_rows(list(data.contacts)))
        session.add_all(
            PersonPreferenceRow(key=key, value=value) for key, value in data.preferences.items()
        )
        session.add_all(plan_rows(data.safety_plan))
