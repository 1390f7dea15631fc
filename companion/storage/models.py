"""The tables of one person's database, as typed SQLAlchemy 2 ORM models."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in and out, stored as UTC so every row sorts and compares the same way."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("Times must carry a time zone before they are stored")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """The declarative base of every table in a person's database."""


class CheckInRow(Base):
    """A mood check-in; at most one row is a draft (an interrupted check-in kept for later)."""

    __tablename__ = "checkins"
    __table_args__ = (
        Index(
            "one_draft_only",
            "is_draft",
            unique=True,
            sqlite_where=text("is_draft = 1"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    mood: Mapped[str | None] = mapped_column(String(32))
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    is_draft: Mapped[bool] = mapped_column(default=False)


class QuestionnaireResultRow(Base):
    """One completed questionnaire (PHQ-9, GAD-7, ...) with its score."""

    __tablename__ = "questionnaire_results"
    # Migration 0002: trends read one instrument over time.
    __table_args__ = (Index("ix_results_instrument_taken", "instrument_id", "taken_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instrument_id: Mapped[str] = mapped_column(String(16))
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime)
    answers: Mapped[list[int]] = mapped_column(JSON)
    total: Mapped[int] = mapped_column(Integer)
    band: Mapped[str] = mapped_column(String(32))
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Migration 0004: the unscored PHQ-9 / GAD-7 closing question (0-3), None if not asked.
    difficulty: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)


class AppointmentRow(Base):
    """A session with a therapist, possibly recurring (RFC 5545 RRULE)."""

    __tablename__ = "appointments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    with_whom: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    link: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str] = mapped_column(Text, default="")
    recurrence: Mapped[str | None] = mapped_column(Text)
    uid: Mapped[str | None] = mapped_column(String(255))


class EmergencyContactRow(Base):
    """One of up to three people to call; `position` keeps the order the person chose."""

    __tablename__ = "emergency_contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(String(64))
    relation: Mapped[str] = mapped_column(Text, default="")


class PersonPreferenceRow(Base):
    """A per-person value (JSON) under a key: reading progress, favourites, small choices."""

    __tablename__ = "person_preferences"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class SafetyPlanEntryRow(Base):
    """One line of the person's safety plan (migration 0003): its part, its place, its words."""

    __tablename__ = "safety_plan_entries"
    __table_args__ = (UniqueConstraint("part", "position", name="uq_safety_plan_place"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    part: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(String(64), default="")
