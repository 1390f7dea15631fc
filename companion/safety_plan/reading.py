"""The finished plan in words: part titles, lines to read aloud from start to end, to print."""

from __future__ import annotations

from companion.i18n import N_, _
from companion.safety_plan.flow import PLAN_STEPS
from companion.safety_plan.plan import Part, PlanEntry, SafetyPlan

PLAN_TITLE = N_("My safety plan")
EMPTY_PART = N_("Nothing here yet.")


def part_title(part: Part) -> str:
    return _(next(s.title for s in PLAN_STEPS if s.part == part))


def entry_words(entry: PlanEntry) -> str:
    """ "Anna: 613 555 0100" or just the words."""
    return f"{entry.text}: {entry.phone}" if entry.phone else entry.text


def plan_outline(plan: SafetyPlan) -> list[tuple[str, list[str]]]:
    """Each part's title and its lines, in plan order (an empty part says so)."""
    return [
        (part_title(step.part), [entry_words(e) for e in plan.entries(step.part)])
        for step in PLAN_STEPS
    ]


def plan_sentences(plan: SafetyPlan) -> list[str]:
    """The whole plan as sentences to say aloud, start to end."""
    sentences = [_(PLAN_TITLE) + "."]
    for number, (title, lines) in enumerate(plan_outline(plan), start=1):
        sentences.append(_("Part {number}: {title}.").format(number=number, title=title))
        sentences.extend(line if line.endswith((".", "!", "?")) else line + "." for line in lines)
        if not lines:
            sentences.append(_(EMPTY_PART))
    return sentences
