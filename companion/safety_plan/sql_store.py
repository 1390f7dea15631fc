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
        # What the last read or write found, so "is there a plan?" needs no storage; `_writes`
        # keeps a read that began before a write from putting back what the write replaced.
        self._known: bool | None = None
        self._writes = 0

    def known_to_have_plan(self) -> bool | None:
        return self._known

    def plan(self) -> SafetyPlan:
        writes_before = self._writes
        query = select(SafetyPlanEntryRow).order_by(
            SafetyPlanEntryRow.part, SafetyPlanEntryRow.position
        )
        found: dict[Part, list[PlanEntry]] = {}
        known = {p.value for p in PARTS}
        with self._database.unit_of_work() as session:
            for row in session.scalars(query):
                if row.part in known:  # a part from a newer Companion is left alone
                    found.setdefault(Part(row.part), []).append(PlanEntry(row.text, row.phone))
        plan = SafetyPlan({p: tuple(found[p]) for p in PARTS if p in found})
        if self._writes == writes_before:
            self._known = not plan.is_empty
        return plan

    def save(self, plan: SafetyPlan) -> None:
        with self._database.unit_of_work() as session:
            session.execute(delete(SafetyPlanEntryRow))
            session.flush()
            session.add_all(plan_rows(plan))
        self._wrote(not plan.is_empty)

    def delete(self) -> None:
        with self._database.unit_of_work() as session:
            session.execute(delete(SafetyPlanEntryRow))
        self._wrote(False)

    def _wrote(self, has_plan: bool) -> None:
        self._writes += 1
        self._known = has_plan


def plan_rows(plan: SafetyPlan) -> list[SafetyPlanEntryRow]:
    """The rows that hold `plan` (also used when a backup is restored)."""
    return [
        SafetyPlanEntryRow(part=part.value, position=i, text=e.text, phone=e.phone)
        for part in PARTS
        for i, e in enumerate(plan.entries(part))
    ]
