"""The person's safety plan: one row per line, by part and place.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "safety_plan_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("part", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.UniqueConstraint("part", "position", name="uq_safety_plan_place"),
    )


def downgrade() -> None:
    op.drop_table("safety_plan_entries")
