"""End-of-day reflections, the hand-off list and WHO-5 check-ins.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reflection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("zone", sa.String(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=True),
        sa.Column("energy", sa.Integer(), nullable=True),
        sa.Column("stress", sa.Integer(), nullable=True),
        sa.Column("detachment", sa.Integer(), nullable=True),
        sa.Column("went_well", sa.String(), nullable=True),
        sa.Column("leave_at_work", sa.String(), nullable=True),
        sa.Column("tonight", sa.String(), nullable=True),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.Column("saved_utc", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("skipped OR mood BETWEEN 1 AND 5", name="ck_reflection_mood"),
        sa.CheckConstraint("skipped OR energy BETWEEN 1 AND 5", name="ck_reflection_energy"),
        sa.CheckConstraint("skipped OR stress BETWEEN 0 AND 10", name="ck_reflection_stress"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_reflection_day", "reflection", ["day"], unique=True)
    op.create_table(
        "handoff_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("done_utc", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_handoff_item_day", "handoff_item", ["day"])
    op.create_table(
        "checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("zone", sa.String(), nullable=False),
        sa.Column("item1", sa.Integer(), nullable=False),
        sa.Column("item2", sa.Integer(), nullable=False),
        sa.Column("item3", sa.Integer(), nullable=False),
        sa.Column("item4", sa.Integer(), nullable=False),
        sa.Column("item5", sa.Integer(), nullable=False),
        sa.Column("saved_utc", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "item1 BETWEEN 0 AND 5 AND item2 BETWEEN 0 AND 5 AND item3 BETWEEN 0 AND 5 "
            "AND item4 BETWEEN 0 AND 5 AND item5 BETWEEN 0 AND 5",
            name="ck_checkin_items",
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_checkin_day", "checkin", ["day"])


def downgrade() -> None:
    op.drop_table("checkin")
    op.drop_table("handoff_item")
    op.drop_table("reflection")
