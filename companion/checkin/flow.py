"""The quick check-in as data plus a pure state machine: mood, then tags, then a note.

The screen shows `flow.step` and calls one method per press; the flow saves a draft on every
change (so a crash or power cut loses nothing), finishes in one store call, and answers each
press with a FlowOutcome saying what to show next. A press is one transaction: a change made
with `save=False` is written by the `next()` that follows it, and a press that changes nothing
writes nothing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import timedelta, tzinfo
from enum import StrEnum

from companion.checkin.models import MOODS, TAGS, CheckIn
from companion.checkin.outcome import FlowOutcome, OutcomeKind
from companion.checkin.safety_rules import SafetyReason, reasons_for_checkin
from companion.checkin.store import CheckInStore
from companion.checkin.wording import question_of
from companion.clock import Clock
from companion.i18n import N_

NOTE_MAX_CHARS = 4000
SAFETY_LOOK_BACK_DAYS = 30
"""The safety rules look at the finished check-ins of this many days before this one."""
"""A note is kept exactly as typed up to this length (a page or two), so storage stays bounded."""


class StepKind(StrEnum):
    """One kind of step; the UI has one widget per kind."""

    MOOD = "mood"
    TAGS = "tags"
    NOTE = "note"


@dataclass(frozen=True)
class Step:
    kind: StepKind
    question: str
    """Declared with N_(); translate with _() when shown."""
    hint: str
    choices: tuple[str, ...] = ()


QUICK_CHECKIN_STEPS: tuple[Step, ...] = (
    Step(StepKind.MOOD, N_("How are you feeling today?"), N_("Choose the face that fits."), MOODS),
    Step(
        StepKind.TAGS,
        N_("What is affecting you?"),
        N_("Choose as many as you like, or none."),
        TAGS,
    ),
    Step(StepKind.NOTE, N_("Would you like to add a note?"), N_("Type anything you want to keep.")),
)


class CheckInFlow:
    """Walks one person through the quick check-in, one step per screen."""

    def __init__(
        self,
        store: CheckInStore,
        clock: Clock,
        draft: CheckIn | None = None,
        zone: tzinfo | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self.steps = QUICK_CHECKIN_STEPS
        self.index = 0
        self.checkin = draft or CheckIn(
            id=None,
            started_at=clock.now(),
            finished_at=None,
            mood=None,
            tags=frozenset(),
            note="",
            is_draft=True,
        )
        self.finished = False
        self._saved: CheckIn | None = draft
        """What the store holds now, so an unchanged draft is never written again."""
        self.help_offer: tuple[SafetyReason, ...] = ()
        """Set when finishing after repeated bad days: the thank-you offers help, kindly."""
        self.earlier: list[CheckIn] = []
        """The finished check-ins of the days before, read once when finishing."""
        self._zone = zone
        if draft is not None:
            self.index = self._where_to_resume(draft)

    @staticmethod
    def _where_to_resume(draft: CheckIn) -> int:
        """The step the person was most likely on when interrupted, so they carry on there."""
        if draft.note:
            return 2
        if draft.tags or draft.mood:
            return 1
        return 0

    @classmethod
    def resume_or_start(cls, store: CheckInStore, clock: Clock) -> CheckInFlow:
        """Continue the interrupted check-in if there is one, else start a new one."""
        return cls(store, clock, store.latest_draft())

    @classmethod
    def start_again(cls, store: CheckInStore, clock: Clock) -> CheckInFlow:
        """Forget an interrupted check-in (the person chose to start over) and begin anew."""
        store.discard_draft()
        return cls(store, clock)

    @property
    def resumed(self) -> bool:
        return self.checkin.id is not None

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def position(self) -> int:
        """1-based number of the current step."""
        return self.index + 1

    def progress_text(self) -> str:
        return question_of(self.position, len(self.steps))

    @property
    def can_go_back(self) -> bool:
        return self.index > 0

    # ---- answers -------------------------------------------------------------------------------

    def choose_mood(self, mood: str, *, save: bool = True) -> FlowOutcome:
        """Keep the mood; `save=False` when `next()` follows in the same press and saves it."""
        if mood not in MOODS:
            raise ValueError(f"Unknown mood {mood!r}; expected one of {', '.join(MOODS)}")
        return self._change(dataclasses.replace(self.checkin, mood=mood), save)

    def toggle_tag(self, tag: str, *, save: bool = True) -> FlowOutcome:
        if tag not in TAGS:
            raise ValueError(f"Unknown tag {tag!r}; expected one of {', '.join(TAGS)}")
        return self._change(dataclasses.replace(self.checkin, tags=self.checkin.tags ^ {tag}), save)

    def set_note(self, text: str, *, save: bool = True) -> FlowOutcome:
        return self._change(dataclasses.replace(self.checkin, note=text[:NOTE_MAX_CHARS]), save)

    def _change(self, changed: CheckIn, save: bool) -> FlowOutcome:
        self._require_open()
        self.checkin = changed
        if save:
            self._save_if_changed()
        return FlowOutcome(OutcomeKind.SHOW_STEP, checkin=self.checkin)

    def _save_if_changed(self) -> None:
        """One write when the draft differs from what the store holds; none otherwise."""
        if self.checkin != self._saved:
            self.checkin = self._saved = self._store.save_draft(self.checkin)

    # ---- moving --------------------------------------------------------------------------------

    def next(self) -> FlowOutcome:
        """Go on with the current answer (or none); on the last step, finish and save."""
        self._require_open()
        if self.index == len(self.steps) - 1:
            return self._finish()
        self.index += 1
        self._save_if_changed()
        return FlowOutcome(OutcomeKind.SHOW_STEP, checkin=self.checkin)

    def skip(self) -> FlowOutcome:
        """Always allowed: move on without having to answer (an earlier answer is kept)."""
        return self.next()

    def back(self) -> FlowOutcome:
        """Return to the previous step, where its answer can be changed."""
        self._require_open()
        if self.index > 0:
            self.index -= 1
        return FlowOutcome(OutcomeKind.SHOW_STEP, checkin=self.checkin)

    def need_help(self) -> FlowOutcome:
        """The person pressed "I need help now": keep what they gave as a draft and go to help.

        The draft is kept (not finished) so they can come back to the same step afterwards, and
        it is offered again next time if they do not.
        """
        if not self.finished:
            self._save_if_changed()
        return FlowOutcome(
            OutcomeKind.HELP_NOW, checkin=self.checkin, reasons=(SafetyReason.HELP_PRESSED,)
        )

    def _finish(self) -> FlowOutcome:
        finished = dataclasses.replace(self.checkin, finished_at=self._clock.now(), is_draft=False)
        start = finished.started_at
        # One transaction keeps it and reads what the safety rules need, once.
        self.checkin, earlier = self._store.finish_and_read_recent(
            finished, start - timedelta(days=SAFETY_LOOK_BACK_DAYS)
        )
        self.finished = True
        self.earlier = earlier
        self.help_offer = reasons_for_checkin(self.checkin, earlier, self._zone)
        return FlowOutcome(OutcomeKind.FINISHED, checkin=self.checkin, reasons=self.help_offer)

    def _require_open(self) -> None:
        if self.finished:
            raise RuntimeError("This check-in is already finished")
