"""SqlCheckInStore: check-ins, the single draft and questionnaire results in a person's database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from companion.checkin.models import CheckIn, QuestionnaireResult
from companion.storage.database import PersonDatabase
from companion.storage.models import CheckInRow, QuestionnaireResultRow
from companion.storage.rows import fill_row, value_of


def _checkin(row: CheckInRow) -> CheckIn:
    return value_of(CheckIn, row)


def _result(row: QuestionnaireResultRow) -> QuestionnaireResult:
    return value_of(QuestionnaireResult, row)


def _finished(start: datetime, end: datetime) -> Select[CheckInRow]:
    """Finished check-ins started in [start, end), oldest first."""
    return (
        select(CheckInRow)
        .where(~CheckInRow.is_draft)
        .where(CheckInRow.started_at >= start, CheckInRow.started_at < end)
        .order_by(CheckInRow.started_at, CheckInRow.id)
    )


class SqlCheckInStore:
    """The CheckInStore protocol over SQLCipher; every method is one transaction."""

    def __init__(self, database: PersonDatabase) -> None:
        self._database = database

    @staticmethod
    def _draft_row(session: Session) -> CheckInRow | None:
        return session.scalars(select(CheckInRow).where(CheckInRow.is_draft)).first()

    def save_draft(self, c: CheckIn) -> CheckIn:
        with self._database.unit_of_work() as session:
            row = self._draft_row(session)
            if row is None:
                row = CheckInRow()
                session.add(row)
            fill_row(row, c, is_draft=True)
            session.flush()
            return _checkin(row)

    def latest_draft(self) -> CheckIn | None:
        with self._database.unit_of_work() as session:
            row = self._draft_row(session)
            return None if row is None else _checkin(row)

    def discard_draft(self) -> None:
        with self._database.unit_of_work() as session:
            session.execute(delete(CheckInRow).where(CheckInRow.is_draft))

    def finish(self, c: CheckIn) -> CheckIn:
        with self._database.unit_of_work() as session:
            return self._finish(session, c)

    def finish_and_read_recent(self, c: CheckIn, since: datetime) -> tuple[CheckIn, list[CheckIn]]:
        with self._database.unit_of_work() as session:
            earlier = [_checkin(row) for row in session.scalars(_finished(since, c.started_at))]
            return self._finish(session, c), earlier

    def _finish(self, session: Session, c: CheckIn) -> CheckIn:
        row = session.get(CheckInRow, c.id) if c.id is not None else None
        draft = self._draft_row(session)
        if draft is not None and draft is not row:
            session.delete(draft)
        if row is None:
            row = CheckInRow()
            session.add(row)
        fill_row(row, c, is_draft=False)
        session.flush()
        return _checkin(row)

    def checkins_between(self, start: datetime, end: datetime) -> list[CheckIn]:
        with self._database.unit_of_work() as session:
            return [_checkin(row) for row in session.scalars(_finished(start, end))]

    def save_result(self, r: QuestionnaireResult) -> QuestionnaireResult:
        with self._database.unit_of_work() as session:
            row = session.get(QuestionnaireResultRow, r.id) if r.id is not None else None
            if row is None:
                row = QuestionnaireResultRow()
                session.add(row)
            fill_row(row, r)
            session.flush()
            return _result(row)

    def results_between(self, start: datetime, end: datetime) -> list[QuestionnaireResult]:
        query = (
            select(QuestionnaireResultRow)
            .where(QuestionnaireResultRow.taken_at >= start, QuestionnaireResultRow.taken_at < end)
            .order_by(QuestionnaireResultRow.taken_at, QuestionnaireResultRow.id)
        )
        with self._database.unit_of_work() as session:
            return [_result(row) for row in session.scalars(query)]
