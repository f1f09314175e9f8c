"""Incidents that followed a decision made against the user's advice: ``against_advice`` and
the local date the advice was given, ``advised_on`` (optional).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incident") as batch:
        batch.add_column(
            sa.Column("against_advice", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("advised_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incident") as batch:
        batch.drop_column("advised_on")
        batch.drop_column("against_advice")
