"""Alembic environment: migrations always run on a connection the app hands over."""

from alembic import context
from sqlmodel import SQLModel

from wellbeing_app.core.store import models  # noqa: F401  (registers the tables)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
