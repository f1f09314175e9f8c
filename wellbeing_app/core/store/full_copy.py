"""The user's full copy of their data: every row of every table out to one document, back
into an empty database with its ids, or deleted for good (the backups too, and no trace left in
the file's free pages or its write-ahead log).

The document and the checks a file passes first are ``full_copy_file``'s; a copy is brought in
in one transaction, or not at all.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from wellbeing_app.core.errors import ConflictError, StorageError, ValidationError
from wellbeing_app.core.language import _, formats, ngettext
from wellbeing_app.core.store import health
from wellbeing_app.core.store.backups import backup_folder
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.full_copy_file import checked_rows, data_tables, document, located
from wellbeing_app.core.store.models import Setting
from wellbeing_app.core.store.revisions import head_revision

# Preferences, not records: the app's first start writes a few, and a copy's replace them.
SETTINGS = Setting.__tablename__


# --- out ------------------------------------------------------------------------------------


def export_everything(db: Database, now: datetime) -> dict[str, Any]:
    """Every row of every table, private ones included, read in one transaction, as a full
    copy made at ``now`` (see ``full_copy_file``)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    with db.read() as session:
        for table in data_tables():
            query = select(table).order_by(*table.primary_key.columns)
            try:
                tables[table.name] = [dict(row) for row in session.execute(query).mappings()]
            except (ValueError, TypeError) as exc:  # a value stored that its column cannot read
                raise StorageError(
                    _(
                        "The table {table} of {path} holds a value that cannot be read "
                        "({error}); nothing was written."
                    ).format(table=table.name, path=db.path, error=exc)
                ) from None
    return document(head_revision(), now, tables)


# --- in -------------------------------------------------------------------------------------


def held_records(session: Session) -> dict[str, int]:
    """How many rows each table holding records has (settings are not records)."""
    counts = {t.name: _count(session, t) for t in data_tables() if t.name != SETTINGS}
    return {name: count for name, count in counts.items() if count}


def ensure_empty(db: Database) -> None:
    """ConflictError unless ``db`` holds no records (its settings may be replaced)."""
    with db.read() as session:
        _refuse_if_held(session, db)


def import_everything(db: Database, copy: Any, name: str = "FILE") -> dict[str, int]:
    """Bring a full copy (as ``full_copy_file.load_full_copy`` reads it) into ``db``, which
    must hold no records: every row with its id, the copy's settings in place of those present.
    Returns the rows written per table.

    Raises ValidationError naming ``name`` for a document that is not a full copy this version
    reads, or a value that does not fit (by table, row and column); ConflictError when the
    database holds records. Either way nothing is written.
    """
    ensure_empty(db)
    rows = checked_rows(copy, name)
    with db.write() as session:
        _refuse_if_held(session, db)  # again under the write lock: nothing was logged meanwhile
        session.execute(delete(Setting))
        for table, table_rows in rows:
            if not table_rows:
                continue
            try:
                session.execute(insert(table), table_rows)
            except IntegrityError as exc:
                # The rows before the one refused went in (the table was empty): it is the next.
                number = _count(session, table) + 1
                rule = str(exc.orig).splitlines()[0]
                raise ValidationError(
                    name,
                    _("has a row that breaks a rule of the database {where} ({rule})").format(
                        where=located(table, number), rule=rule
                    ),
                ) from None
    return {table.name: len(table_rows) for table, table_rows in rows}


def _refuse_if_held(session: Session, db: Database) -> None:
    held = held_records(session)
    if held:
        rows = sum(held.values())
        raise ConflictError(
            ngettext(
                "{folder} already holds records ({count} row in {tables}); a full copy is "
                "brought only into an empty data folder. Nothing was written. Use a new "
                "--data-dir, or 'wellbeing-app delete-all' first.",
                "{folder} already holds records ({count} rows in {tables}); a full copy is "
                "brought only into an empty data folder. Nothing was written. Use a new "
                "--data-dir, or 'wellbeing-app delete-all' first.",
                rows,
            ).format(folder=db.path.parent, count=formats.number(rows), tables=", ".join(held))
        )


def _count(session: Session, table: Table) -> int:
    return int(session.execute(select(func.count()).select_from(table)).scalar_one())


# --- gone -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Deleted:
    """What ``delete_everything`` removed: rows per table (settings included), the files in
    the backups folder, and whether the write-ahead log was emptied (False: another program
    was reading the database; SQLite empties it when the last one closes)."""

    rows: dict[str, int]
    backup_files: int
    log_emptied: bool


def record_counts(db: Database) -> dict[str, int]:
    """Rows per table, settings included (tables with none left out)."""
    with db.read() as session:
        counts = {t.name: _count(session, t) for t in data_tables()}
    return {name: count for name, count in counts.items() if count}


def backup_files(db: Database) -> list[Path]:
    """The files in the backups folder: copies of the data (and of replaced databases)."""
    try:
        entries = list(os.scandir(backup_folder(db.path)))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise health.explain(backup_folder(db.path), exc) from None
    return sorted(Path(e.path) for e in entries if not e.is_dir(follow_symlinks=False))


def delete_everything(db: Database) -> Deleted:
    """Remove every row of every table in one transaction (the schema stays: a fresh, empty
    database, so the app's first-run set-up shows again), rebuild the file so no deleted text
    stays in its free pages or its write-ahead log, then remove the backups, which are copies
    of the data."""
    with db.write() as session:
        counts = {t.name: _count(session, t) for t in data_tables()}
        for table in reversed(data_tables()):  # the rows that refer to others first
            session.execute(delete(table))
    emptied = _rebuild(db)
    removed = 0
    for path in backup_files(db):
        try:
            path.unlink()
        except FileNotFoundError:  # rotated away meanwhile
            continue
        except OSError as exc:
            raise StorageError(
                _(
                    "Every record was deleted, but the backup {path} could not be removed "
                    "({error}); remove it by hand."
                ).format(path=path, error=exc.strerror or exc)
            ) from None
        removed += 1
    with contextlib.suppress(OSError):
        backup_folder(db.path).rmdir()  # left where something else was put in it
    return Deleted({k: v for k, v in counts.items() if v}, removed, emptied)


def _rebuild(db: Database) -> bool:
    """VACUUM (outside any transaction: it takes the write lock itself, waiting on the busy
    timeout like every writer), then fold the write-ahead log into the file and truncate it.
    True when the log was emptied."""
    raw = db.engine.raw_connection()
    try:
        connection: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        connection.execute("VACUUM")
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.Error as exc:
        raise health.explain(db.path, exc) from None
    finally:
        raw.close()
    return int(busy) == 0
