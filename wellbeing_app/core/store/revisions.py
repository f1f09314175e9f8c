"""The schema revisions this version of the app ships, read from the migration files' names
(cheap: no Alembic import), so opening a database knows whether an upgrade is due."""

from __future__ import annotations

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def known_revisions() -> list[str]:
    """Schema revisions this version ships, oldest first (file names start with the revision)."""
    names = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return [name.split("_", 1)[0] for name in names]


def head_revision() -> str:
    return known_revisions()[-1]
