"""Weekly schedule with history, days off and on-call periods.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "schedule_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("zone", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_schedule_version_effective_from", "schedule_version", ["effective_from"], unique=True
    )
    op.create_table(
        "schedule_window",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("end_minute", sa.Integer(), nullable=False),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_window_weekday"),
        sa.CheckConstraint("start_minute BETWEEN 0 AND 1439", name="ck_window_start"),
        sa.CheckConstraint("end_minute BETWEEN 0 AND 1439", name="ck_window_end"),
        sa.ForeignKeyConstraint(["version_id"], ["schedule_version.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_schedule_window_version_id", "schedule_window", ["version_id"])
    op.create_table(
        "day_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.CheckConstraint("last_day >= first_day", name="ck_day_off_order"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_day_off_first_day", "day_off", ["first_day"])
    op.create_index("ix_day_off_last_day", "day_off", ["last_day"])
    op.create_table(
        "on_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("start_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("zone", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("origin", sa.String(), nullable=False),
        sa.CheckConstraint("end_utc > start_utc", name="ck_on_call_order"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_on_call_start_utc", "on_call", ["start_utc"])
    op.create_index("ix_on_call_end_utc", "on_call", ["end_utc"])


def downgrade() -> None:
    op.drop_table("on_call")
    op.drop_table("day_off")
    op.drop_table("schedule_window")
    op.drop_table("schedule_version")
