"""SqlSafetyPlanStore: the person's safety plan in their encrypted database."""

from __future__ import annotations

from sqlalchemy import delete, select

from companion.safety_plan.plan import PARTS, Part, PlanEntry, SafetyPlan
from companion.storage.database import PersonDatabase
from companion.storage.models import SafetyPlanEntryRow


class SqlSafetyPlanStore:
    """The SafetyPlanStore protocol over SQLCipher; saving replaces the plan in one transaction."""

    def __init__(self, database: PersonDatabase) -> None:
        self._database = database

    def plan(self) -> SafetyPlan:
        query = select(SafetyPlanEntryRow).order_by(
            SafetyPlanEntryRow.part, SafetyPlanEntryRow.position
        )
        found: dict[Part, list[PlanEntry]] = {}
        known = {p.value for p in PARTS}
        with self._database.unit_of_work() as session:
            for row in session.scalars(query):
                if row.part in known:  # a part from a newer Companion is left alone
                    found.setdefault(Part(row.part), []).append(PlanEntry(row.text, row.phone))
        return SafetyPlan({p: tuple(found[p]) for p in PARTS if p in found})

    def save(self, plan: SafetyPlan) -> None:
        with self._database.unit_of_work() as session:
            session.execute(delete(SafetyPlanEntryRow))
            session.flush()
            session.add_all(plan_rows(plan))

    def delete(self) -> None:
        with self._database.unit_of_work() as session:
            session.execute(delete(SafetyPlanEntryRow))


def plan_rows(plan: SafetyPlan) -> list[SafetyPlanEntryRow]:
    """The rows that hold `plan` (also used when a backup is restored)."""
    return [
        SafetyPlanEntryRow(part=part.value, position=i, text=e.text, phone=e.phone)
        for part in PARTS
        for i, e in enumerate(plan.entries(part))
    ]
