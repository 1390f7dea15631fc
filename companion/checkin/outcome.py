"""What a guided flow tells the screen after each press: show a step, finish, or get help now."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from companion.checkin.instruments import Score
from companion.checkin.models import CheckIn
from companion.checkin.safety_rules import SafetyReason


class OutcomeKind(StrEnum):
    SHOW_STEP = "show_step"
    """Show the flow's current step (it may be a new one)."""
    FINISHED = "finished"
    """Everything is saved; show the thank-you or results screen (with `reasons`, the
    thank-you offers help kindly: repeated bad days)."""
    HELP_NOW = "help_now"
    """Open Get help now at once; everything so far is already saved."""
    INCOMPLETE = "incomplete"
    """A questionnaire reached its end with questions skipped, so it cannot be scored."""


@dataclass(frozen=True)
class FlowOutcome:
    kind: OutcomeKind
    checkin: CheckIn | None = None
    score: Score | None = None
    reasons: tuple[SafetyReason, ...] = ()
    unanswered: tuple[int, ...] = ()
    """1-based numbers of skipped questionnaire items (INCOMPLETE only)."""
