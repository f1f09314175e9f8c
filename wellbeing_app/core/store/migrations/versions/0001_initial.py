"""Initial schema: shifts, pings, incidents and settings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_utc", sa.DateTime(timezone=True), nullable=True),
        sa.Column("zone", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("origin", sa.String(), nullable=False),
        sa.CheckConstraint(
            "end_utc IS NULL OR end_utc > start_utc", name="ck_shift_end_after_start"
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_shift_start_utc", "shift", ["start_utc"])
    op.create_index("ix_shift_end_utc", "shift", ["end_utc"])
    op.create_index(
        "ux_shift_one_open",
        "shift",
        [sa.text("(end_utc IS NULL)")],
        unique=True,
        sqlite_where=sa.text("end_utc IS NULL"),
    )

    op.create_table(
        "ping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("zone", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("origin", sa.String(), nullable=False),
        sa.CheckConstraint("minutes >= 0", name="ck_ping_minutes"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_ping_at_utc", "ping", ["at_utc"])

    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("zone", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("summary", sa.String(), nullable=False),
        sa.Column("details", sa.String(), nullable=True),
        sa.Column("resolved_at_utc", sa.DateTime(timezone=True), nullable=True),
        sa.Column("origin", sa.String(), nullable=False),
        sa.CheckConstraint("minutes >= 0", name="ck_incident_minutes"),
        sa.CheckConstraint("severity BETWEEN 1 AND 5", name="ck_incident_severity"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_incident_at_utc", "incident", ["at_utc"])

    op.create_table(
        "setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("setting")
    op.drop_table("incident")
    op.drop_table("ping")
    op.drop_table("shift")
