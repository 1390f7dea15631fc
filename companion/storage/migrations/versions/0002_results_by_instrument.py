"""Index questionnaire results by instrument and time, for per-instrument trends.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("questionnaire_results") as batch:
        batch.drop_index("ix_questionnaire_results_taken_at")
        batch.create_index("ix_results_instrument_taken", ["instrument_id", "taken_at"])


def downgrade() -> None:
    with op.batch_alter_table("questionnaire_results") as batch:
        batch.drop_index("ix_results_instrument_taken")
        batch.create_index("ix_questionnaire_results_taken_at", ["taken_at"])
