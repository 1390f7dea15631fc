"""SqlAppointmentStore: a person's appointments in their encrypted database."""

from __future__ import annotations

from sqlalchemy import delete, select

from companion.appointments.model import Appointment
from companion.storage.database import PersonDatabase
from companion.storage.models import AppointmentRow
from companion.storage.rows import fill_row, value_of


def _appointment(row: AppointmentRow) -> Appointment:
    return value_of(Appointment, row)


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
            fill_row(row, a)
            session.flush()
            return _appointment(row)

    def delete(self, appointment_id: int) -> None:
        with self._database.unit_of_work() as session:
            session.execute(delete(AppointmentRow).where(AppointmentRow.id == appointment_id))

    def all(self) -> list[Appointment]:
        query = select(AppointmentRow).order_by(AppointmentRow.start, AppointmentRow.id)
        with self._database.unit_of_work() as session:
            return [_appointment(row) for row in session.scalars(query)]
