"""SqlAppointmentStore: a person's appointments in their encrypted database."""

from __future__ import annotations

from sqlalchemy import delete, select

from companion.appointments.model import Appointment
from companion.storage.database import PersonDatabase
from companion.storage.models import AppointmentRow


def _appointment(row: AppointmentRow) -> Appointment:
    return Appointment(
        id=row.id,
        title=row.title,
        with_whom=row.with_whom,
        start=row.start,
        duration_minutes=row.duration_minutes,
        link=row.link,
        phone=row.phone,
        notes=row.notes,
        recurrence=row.recurrence,
        uid=row.uid,
    )


class SqlAppointmentStore:
    """The AppointmentStore protocol over SQLCipher; each call is one transaction."""

    def __init__(self, database: PersonDatabase) -> None:
        self._database = database

    def save(self, a: Appointment) -> Appointment:
        with self._database.unit_of_work() as session:
            row = session.get(AppointmentRow, a.id) if a.id is not None else None
            if row is None:
                row = AppointmentRow(id=a.id)
                session.add(row)
            row.title = a.title
            row.with_whom = a.with_whom
            row.start = a.start
            row.duration_minutes = a.duration_minutes
            row.link = a.link
            row.phone = a.phone
            row.notes = a.notes
            row.recurrence = a.recurrence
            row.uid = a.uid
            session.flush()
            return _appointment(row)

    def delete(self, appointment_id: int) -> None:
        with self._database.unit_of_work() as session:
            session.execute(delete(AppointmentRow).where(AppointmentRow.id == appointment_id))

    def all(self) -> list[Appointment]:
        query = select(AppointmentRow).order_by(AppointmentRow.start, AppointmentRow.id)
        with self._database.unit_of_work() as session:
            return [_appointment(row) for row in session.scalars(query)]
