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
    # SQLite adds a NOT NULL column with a constant default in place (ALTER TABLE ADD COLUMN):
    # no copy of the table, which batch mode would make, and every stored incident reads false.
    op.add_column(
        "incident",
        sa.Column("against_advice", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("incident", sa.Column("advised_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incident") as batch:
        batch.drop_column("advised_on")
        batch.drop_column("against_advice")
