"""Where check-ins and questionnaire results are kept: the protocol and an in-memory store."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Protocol

from companion.checkin.models import CheckIn, QuestionnaireResult


class CheckInStore(Protocol):
    """What the check-in flow needs from storage (the SQL store implements the same methods)."""

    def save_draft(self, c: CheckIn) -> CheckIn:
        """Insert or replace the single open draft; returns it with its id."""
        ...

    def latest_draft(self) -> CheckIn | None:
        """The open draft, if a check-in was interrupted."""
        ...

    def discard_draft(self) -> None:
        """Forget the open draft (the person chose to start again)."""
        ...

    def finish(self, c: CheckIn) -> CheckIn:
        """Store `c` as finished and remove the draft, in one transaction."""
        ...

    def finish_and_read_recent(self, c: CheckIn, since: datetime) -> tuple[CheckIn, list[CheckIn]]:
        """`finish(c)`, and the other finished check-ins started in [since, c.started_at),
        oldest first, in one transaction (what the safety rules read when a check-in ends)."""
        ...

    def checkins_between(self, start: datetime, end: datetime) -> list[CheckIn]:
        """Finished check-ins started in [start, end), oldest first."""
        ...

    def save_result(self, r: QuestionnaireResult) -> QuestionnaireResult:
        """Keep a questionnaire result; returns it with its id."""
        ...

    def results_between(self, start: datetime, end: datetime) -> list[QuestionnaireResult]:
        """Questionnaire results taken in [start, end), oldest first."""
        ...


class MemoryCheckInStore:
    """A store that lives only in memory: guest sessions write nothing to disk, and tests use it."""

    def __init__(self) -> None:
        self._draft: CheckIn | None = None
        self._finished: list[CheckIn] = []
        self._results: list[QuestionnaireResult] = []
        self._next_id = 1

    def _new_id(self) -> int:
        new_id = self._next_id
        self._next_id += 1
        return new_id

    def save_draft(self, c: CheckIn) -> CheckIn:
        draft_id = self._draft.id if self._draft is not None else self._new_id()
        self._draft = dataclasses.replace(c, id=draft_id, is_draft=True)
        return self._draft

    def latest_draft(self) -> CheckIn | None:
        return self._draft

    def discard_draft(self) -> None:
        self._draft = None

    def finish(self, c: CheckIn) -> CheckIn:
        finished_id = c.id if c.id is not None else self._new_id()
        finished = dataclasses.replace(c, id=finished_id, is_draft=False)
        self._finished = [f for f in self._finished if f.id != finished_id]
        self._finished.append(finished)
        self._draft = None
        return finished

    def finish_and_read_recent(self, c: CheckIn, since: datetime) -> tuple[CheckIn, list[CheckIn]]:
        earlier = self.checkins_between(since, c.started_at)
        return self.finish(c), earlier

    def checkins_between(self, start: datetime, end: datetime) -> list[CheckIn]:
        found = [c for c in self._finished if start <= c.started_at < end]
        return sorted(found, key=lambda c: c.started_at)

    def save_result(self, r: QuestionnaireResult) -> QuestionnaireResult:
        saved = dataclasses.replace(r, id=r.id if r.id is not None else self._new_id())
        self._results = [x for x in self._results if x.id != saved.id]
        self._results.append(saved)
        return saved

    def results_between(self, start: datetime, end: datetime) -> list[QuestionnaireResult]:
        found = [r for r in self._results if start <= r.taken_at < end]
        return sorted(found, key=lambda r: r.taken_at)
