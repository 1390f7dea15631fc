"""Making the plan as data plus a pure state machine: seven steps, one question per screen.

Every step can be skipped and come back to; each change is saved at once (one transaction), so
stopping at any moment loses nothing. The screen shows `flow.step` and `flow.choices()`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from companion.i18n import N_, _
from companion.safety_plan.plan import (
    MAX_ENTRIES_PER_PART,
    Part,
    PlanEntry,
    SafetyPlan,
    SafetyPlanStore,
)


class StepKind(StrEnum):
    """One kind of step; the UI has one widget per kind."""

    WORDS = "words"  # short sentences
    PEOPLE = "people"  # names (or places) with a phone number where there is one


@dataclass(frozen=True)
class PlanStep:
    part: Part
    kind: StepKind
    title: str
    """The part's name in the finished plan. Declared with N_(); translate when shown."""
    question: str
    hint: str
    examples: tuple[str, ...] = ()


PLAN_STEPS: tuple[PlanStep, ...] = (
    PlanStep(
        Part.WARNING_SIGNS,
        StepKind.WORDS,
        N_("Signs that a hard time may be starting"),
        N_("What tells you a hard time may be starting?"),
        N_("A thought, a feeling, or something you do."),
        (
            N_("I avoid people"),
            N_("I cannot sleep"),
            N_("I feel like a burden"),
            N_("I stay in bed"),
        ),
    ),
    PlanStep(
        Part.ON_MY_OWN,
        StepKind.WORDS,
        N_("Things I can do on my own to feel a little better"),
        N_("What can you do on your own to feel a little better?"),
        N_("Small things count."),
        (N_("Go for a short walk"), N_("Listen to music I like"), N_("Have a warm drink")),
    ),
    PlanStep(
        Part.TAKE_MY_MIND_OFF,
        StepKind.PEOPLE,
        N_("People and places that take my mind off things"),
        N_("Which people and places help take your mind off things?"),
        N_("A friend, a park, a café."),
        (N_("A walk in the park"), N_("The library"), N_("My seniors' centre")),
    ),
    PlanStep(
        Part.PEOPLE_TO_ASK,
        StepKind.PEOPLE,
        N_("People I can ask for help"),
        N_("Who can you ask for help?"),
        N_("People you trust. Add their phone numbers."),
    ),
    PlanStep(
        Part.PROFESSIONALS,
        StepKind.PEOPLE,
        N_("Professionals and services I can call"),
        N_("Which professionals and services can you call?"),
        N_("Your doctor, and the crisis line of your region."),
    ),
    PlanStep(
        Part.SAFER_HOME,
        StepKind.WORDS,
        N_("Making my home safer"),
        N_("What could make your home safer in a hard moment?"),
        N_("Many people ask someone to keep their medicines for a while."),
        (
            N_("Someone keeps my medicines"),
            N_("Only a few days of pills at home"),
            N_("Someone keeps things that could hurt me"),
            N_("I stay with someone for a while"),
        ),
    ),
    PlanStep(
        Part.REASONS,
        StepKind.WORDS,
        N_("What matters most to me"),
        N_("What matters most to you?"),
        N_("People, pets, hopes: what makes life worth living."),
        (N_("My family"), N_("My friends"), N_("My pet"), N_("My faith")),
    ),
)


def step_for(part: Part) -> PlanStep:
    return next(s for s in PLAN_STEPS if s.part == part)


def _same(a: PlanEntry, b: PlanEntry) -> bool:
    return a.text.strip().casefold() == b.text.strip().casefold()


class SafetyPlanFlow:
    """Walks the person through the seven steps; any step may be skipped or returned to.

    `suggestions` adds choices the app already knows, per part: the library's exercises, the
    person's people to call, the crisis line of their region.
    """

    def __init__(
        self,
        store: SafetyPlanStore,
        suggestions: Mapping[Part, tuple[PlanEntry, ...]] | None = None,
        start: Part = Part.WARNING_SIGNS,
        *,
        read: bool = True,
    ) -> None:
        self._store = store
        self._suggestions = dict(suggestions or {})
        self.steps = PLAN_STEPS
        # read=False: the screen reads the plan off the UI thread and gives it to `fill`; until
        # then nothing can change (a save from an empty plan would wipe the person's plan).
        self.ready = read
        self.plan: SafetyPlan = store.plan() if read else SafetyPlan()
        self.index = [s.part for s in self.steps].index(start)
        self.finished = False

    @property
    def step(self) -> PlanStep:
        return self.steps[self.index]

    @property
    def position(self) -> int:
        """1-based number of the current step."""
        return self.index + 1

    @property
    def is_last(self) -> bool:
        return self.index == len(self.steps) - 1

    def entries(self) -> tuple[PlanEntry, ...]:
        """What the plan holds for this step now."""
        return self.plan.entries(self.step.part)

    def choices(self) -> tuple[PlanEntry, ...]:
        """The person's own lines first, then suggestions not yet chosen (translated now)."""
        own = self.entries()
        offered = [PlanEntry(_(e)) for e in self.step.examples]
        offered += self._suggestions.get(self.step.part, ())
        extra = [e for e in offered if not any(_same(e, o) for o in own)]
        unique: list[PlanEntry] = []
        for entry in extra:
            if not any(_same(entry, u) for u in unique):
                unique.append(entry)
        return (*own, *unique)

    def is_chosen(self, entry: PlanEntry) -> bool:
        return any(_same(entry, e) for e in self.entries())

    # ---- changes (each saved at once) ------------------------------------------------------------

    def fill(
        self, plan: SafetyPlan, suggestions: Mapping[Part, tuple[PlanEntry, ...]] | None = None
    ) -> None:
        """The plan as read off the UI thread, and more to suggest (the person's contacts)."""
        self.plan = plan
        self._suggestions.update(suggestions or {})
        self.ready = True

    def toggled(self, entry: PlanEntry) -> SafetyPlan:
        """The plan with a suggested line added, or a chosen one taken out (not saved yet)."""
        own = self.entries()
        if self.is_chosen(entry):
            return self._with(tuple(e for e in own if not _same(e, entry)))
        return self._with((*own, entry))

    def added(self, text: str, phone: str = "") -> SafetyPlan | None:
        """The plan with the person's own words added (not saved yet); None when empty,
        repeated or full."""
        text, phone = " ".join(text.split()), phone.strip()
        if not text or len(self.entries()) >= MAX_ENTRIES_PER_PART:
            return None
        entry = PlanEntry(text[:200], phone[:40])
        if self.is_chosen(entry):
            return None
        return self._with((*self.entries(), entry))

    def save(self, plan: SafetyPlan) -> None:
        """Write `plan` (one transaction; the UI calls this on its runner, then `kept`)."""
        self._store.save(plan)

    def kept(self, plan: SafetyPlan) -> None:
        """`plan` is saved: the flow goes on from it."""
        self.plan = plan

    def toggle(self, entry: PlanEntry) -> None:
        """Add a suggested line, or take a chosen one out again, and save it at once."""
        self._save_now(self.toggled(entry))

    def add(self, text: str, phone: str = "") -> bool:
        """Add the person's own words; False (nothing changed) when empty, repeated or full."""
        changed = self.added(text, phone)
        if changed is None:
            return False
        self._save_now(changed)
        return True

    def is_full(self) -> bool:
        return len(self.entries()) >= MAX_ENTRIES_PER_PART

    def _with(self, entries: tuple[PlanEntry, ...]) -> SafetyPlan:
        if self.finished:
            raise RuntimeError("This plan is already finished")
        if not self.ready:
            raise RuntimeError("The plan has not been read yet")
        return self.plan.with_entries(self.step.part, entries)

    def _save_now(self, changed: SafetyPlan) -> None:
        self.save(changed)
        self.kept(changed)

    # ---- moving ---------------------------------------------------------------------------------

    def next(self) -> bool:
        """On to the next step; True when that was the last one (the plan is done)."""
        if self.is_last:
            self.finished = True
            return True
        self.index += 1
        return False

    def skip(self) -> bool:
        """Always allowed: go on without adding anything (what is there is kept)."""
        return self.next()

    def back(self) -> None:
        if self.index > 0 and not self.finished:
            self.index -= 1

    def go_to(self, part: Part) -> None:
        self.index = [s.part for s in self.steps].index(part)
        self.finished = False
