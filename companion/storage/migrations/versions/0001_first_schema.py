"""First schema: check-ins, questionnaire results, appointments, contacts, preferences.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("mood", sa.String(32), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("is_draft", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_checkins_finished_at", "checkins", ["finished_at"])
    op.create_index(
        "one_draft_only",
        "checkins",
        ["is_draft"],
        unique=True,
        sqlite_where=sa.text("is_draft = 1"),
    )
    op.create_table(
        "questionnaire_results",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("instrument_id", sa.String(16), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(32), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
    )
    op.create_index("ix_questionnaire_results_taken_at", "questionnaire_results", ["taken_at"])
    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("with_whom", sa.Text(), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("phone", sa.String(64), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recurrence", sa.Text(), nullable=True),
        sa.Column("uid", sa.String(255), nullable=True),
    )
    op.create_index("ix_appointments_start", "appointments", ["start"])
    op.create_table(
        "emergency_contacts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False, unique=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.Column("relation", sa.Text(), nullable=False),
    )
    op.create_table(
        "person_preferences",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("value", sa.JSON(), nullable=True),
    )


def downgrade() -> None:
    for table in (
        "person_preferences",
        "emergency_contacts",
        "appointments",
        "questionnaire_results",
        "checkins",
    ):
        op.drop_table(table)
