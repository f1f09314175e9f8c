"""Dated working hours (a rota) and calendar imports: ``import_batch``, ``rota_window``, and the
batch and event of an imported day off or on-call period.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_IMPORTED = ("day_off", "on_call")


def upgrade() -> None:
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("used_as", sa.String(), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("calendar_name", sa.String(), nullable=True),
        sa.Column("match", sa.String(), nullable=True),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("imported_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_utc", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "rota_window",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("zone", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("uid", sa.String(), nullable=True),
        sa.Column("recurrence_id", sa.String(), nullable=True),
        sa.CheckConstraint("end_utc > start_utc", name="ck_rota_order"),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_rota_window_day", "rota_window", ["day"])
    op.create_index("ix_rota_window_start_utc", "rota_window", ["start_utc"])
    op.create_index("ix_rota_window_batch_id", "rota_window", ["batch_id"])
    for table in _IMPORTED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("batch_id", sa.Integer(), nullable=True))
            batch.add_column(sa.Column("uid", sa.String(), nullable=True))
            batch.add_column(sa.Column("recurrence_id", sa.String(), nullable=True))
            batch.create_foreign_key(
                f"fk_{table}_batch", "import_batch", ["batch_id"], ["id"], ondelete="CASCADE"
            )
            batch.create_index(f"ix_{table}_batch_id", ["batch_id"])


def downgrade() -> None:
    for table in _IMPORTED:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_batch_id")
            batch.drop_constraint(f"fk_{table}_batch", type_="foreignkey")
            batch.drop_column("recurrence_id")
            batch.drop_column("uid")
            batch.drop_column("batch_id")
    op.drop_table("rota_window")
    op.drop_table("import_batch")
