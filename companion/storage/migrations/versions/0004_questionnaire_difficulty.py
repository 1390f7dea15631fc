"""Keep the unscored closing question of the PHQ-9 and GAD-7 with the result.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("questionnaire_results") as batch:
        batch.add_column(sa.Column("difficulty", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("questionnaire_results") as batch:
        batch.drop_column("difficulty")
