"""The safety plan as plain values: seven parts, each a short list of the person's own words.

The parts follow Stanley and Brown's Safety Planning Intervention (2012). A part's entry is a
sentence, or a name with a phone number (people and services to call).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

MAX_ENTRIES_PER_PART = 12
"""Enough for a real plan, few enough to read aloud and print on a page or two."""
MAX_TEXT_CHARS = 200
MAX_PHONE_CHARS = 40


class Part(StrEnum):
    """The seven parts of a plan, in the order they are made and read."""

    WARNING_SIGNS = "warning_signs"
    ON_MY_OWN = "on_my_own"
    TAKE_MY_MIND_OFF = "take_my_mind_off"
    PEOPLE_TO_ASK = "people_to_ask"
    PROFESSIONALS = "professionals"
    SAFER_HOME = "safer_home"
    REASONS = "reasons"


PARTS: tuple[Part, ...] = tuple(Part)


@dataclass(frozen=True)
class PlanEntry:
    """One line of the plan: the person's words, and a phone number where there is one."""

    text: str
    phone: str = ""

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("A plan entry needs some words")
        if len(self.text) > MAX_TEXT_CHARS or len(self.phone) > MAX_PHONE_CHARS:
            raise ValueError("A plan entry is kept short")


@dataclass(frozen=True)
class SafetyPlan:
    """The whole plan; parts with nothing in them are simply empty."""

    parts: Mapping[Part, tuple[PlanEntry, ...]] = field(default_factory=dict)

    def entries(self, part: Part) -> tuple[PlanEntry, ...]:
        return tuple(self.parts.get(part, ()))

    @property
    def is_empty(self) -> bool:
        return not any(self.parts.values())

    def with_entries(self, part: Part, entries: tuple[PlanEntry, ...]) -> SafetyPlan:
        if len(entries) > MAX_ENTRIES_PER_PART:
            raise ValueError(f"A part of the plan keeps at most {MAX_ENTRIES_PER_PART} lines")
        changed = dict(self.parts)
        changed[part] = entries
        return SafetyPlan({p: changed[p] for p in PARTS if changed.get(p)})

    def people_to_call(self) -> tuple[PlanEntry, ...]:
        """Everyone with a number: people to ask first, then professionals and services."""
        return tuple(
            e
            for part in (Part.PEOPLE_TO_ASK, Part.TAKE_MY_MIND_OFF, Part.PROFESSIONALS)
            for e in self.entries(part)
            if e.phone
        )


class SafetyPlanStore(Protocol):
    """Where a person's plan is kept (their encrypted database, or memory for a test)."""

    def plan(self) -> SafetyPlan: ...

    def save(self, plan: SafetyPlan) -> None:
        """Replace the whole plan in one transaction."""
        ...

    def delete(self) -> None: ...

    def known_to_have_plan(self) -> bool | None:
        """Whether there is a plan, as this store last read or wrote it, touching no storage
        (Get help now asks as it is built, on the UI thread); None before the first read."""
        ...


class MemorySafetyPlanStore:
    """A plan that lives only in memory (tests, and a guest, who keeps nothing)."""

    def __init__(self, plan: SafetyPlan | None = None) -> None:
        self._plan = plan or SafetyPlan()

    def plan(self) -> SafetyPlan:
        return self._plan

    def save(self, plan: SafetyPlan) -> None:
        self._plan = plan

    def delete(self) -> None:
        self._plan = SafetyPlan()

    def known_to_have_plan(self) -> bool | None:
        return not self._plan.is_empty
