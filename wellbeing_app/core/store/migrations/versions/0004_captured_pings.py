"""Captured pings: how many desktop notifications a captured ping stands for, and the latest's
time.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "captured_ping",
        sa.Column("ping_id", sa.Integer(), nullable=False),
        sa.Column("notifications", sa.Integer(), nullable=False),
        sa.Column("last_utc", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("notifications >= 1", name="ck_captured_notifications"),
        sa.ForeignKeyConstraint(["ping_id"], ["ping.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("ping_id"),
    )
    op.create_index("ix_captured_ping_last_utc", "captured_ping", ["last_utc"])


def downgrade() -> None:
    op.drop_table("captured_ping")
