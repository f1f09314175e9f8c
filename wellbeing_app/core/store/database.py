"""Opening the SQLite database safely: pragmas, private file mode, schema upgrades, and sessions.

Several processes (tray app, CLI) write at once, so every write transaction starts with
``BEGIN IMMEDIATE``: it waits on the busy timeout for the write lock up front instead of failing
with "database is locked" when a read transaction later tries to become a write.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from wellbeing_app.core.errors import StorageError
from wellbeing_app.core.store.revisions import known_revisions

BUSY_TIMEOUT_MS = 30_000
_IMMEDIATE = "wellbeing_begin_immediate"


class Database:
    """An open database: ``read()`` for queries, ``write()`` for one atomic change."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        # Every write goes through one connection of its own. Its PRAGMA data_version then
        # moves only when some other connection (another process, the CLI) commits, which
        # tells "changed elsewhere" from "changed by us" without any bookkeeping.
        self._writer = create_engine(engine.url, poolclass=StaticPool, connect_args=_CONNECT_ARGS)
        _configure(self._writer)
        self._write_engine = self._writer.execution_options(**{_IMMEDIATE: True})
        self._seen_version: int | None = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        with _plain_errors(self.path), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose changes are committed together at the end, or not at all."""
        with (
            _plain_errors(self.path),
            Session(self._write_engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    def changed_elsewhere(self) -> bool:
        """True when another connection committed since the last call (first call: False)."""
        with _plain_errors(self.path):
            raw = self._writer.raw_connection()
            try:
                version = int(raw.cursor().execute("PRAGMA data_version").fetchone()[0])
            finally:
                raw.close()
        changed = self._seen_version is not None and version != self._seen_version
        self._seen_version = version
        return changed

    def close(self) -> None:
        self._writer.dispose()
        self.engine.dispose()


@contextmanager
def _plain_errors(path: Path) -> Iterator[None]:
    """A database that fails mid-use (a damaged page, a full disk, lost permissions) is
    reported in words; rule violations (IntegrityError) stay what they are."""
    try:
        yield
    except IntegrityError:
        raise
    except DBAPIError as exc:
        raise StorageError(_explain(path, exc.orig)) from exc


def _explain(path: Path, exc: BaseException | None) -> str:
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return (
            f"{path} is read-only; Wellbeing needs to write to it and to its folder. "
            "Check their permissions."
        )
    if "disk is full" in text or "disk I/O" in text:
        return f"{path} could not be written ({text}); nothing was saved. Free some space."
    return (
        f"{path} could not be read or written ({text}); nothing was changed. "
        "Restore a backup or use another --data-dir."
    )


def open_database(path: Path) -> Database:
    """Open (creating or upgrading as needed) the database at ``path``.

    Raises StorageError, leaving the file untouched, when it is not a SQLite database, holds
    tables of some other program, or was written by a newer version of this app.
    """
    revision = _stored_revision(path)
    known = known_revisions()
    if revision is not None and revision not in known:
        raise StorageError(
            f"{path} was written by a newer version of Wellbeing (schema {revision}; this version "
            f"knows up to {known[-1]}). Update the app, or use another --data-dir. "
            "The file was not changed."
        )
    try:
        _create_private(path)
    except OSError as exc:
        raise StorageError(
            f"cannot use {path.parent} for Wellbeing's data: {exc.strerror or exc}"
        ) from None
    engine = _make_engine(path)
    if revision != known[-1]:
        from wellbeing_app.core.store.migrate import upgrade_to_head

        # Take the write lock before alembic reads the version: a second process creating the
        # same new file (tray app and CLI on first start) then waits on the busy timeout and
        # finds nothing left to do, instead of failing with "database is locked".
        with _plain_errors(path):
            upgrade_to_head(engine.execution_options(**{_IMMEDIATE: True}))
    return Database(path, engine)


def _stored_revision(path: Path) -> str | None:
    """The schema revision recorded in the file, None for a new or empty database."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise StorageError(f"{path} cannot be opened: {exc}") from None
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return str(row[0]) if row else None
        if tables:
            raise StorageError(
                f"{path} holds tables of another program ({', '.join(sorted(tables))}); "
                "it was not changed. Use another --data-dir."
            )
        return None
    except sqlite3.DatabaseError as exc:
        if "readonly" in str(exc) or not os.access(path, os.R_OK):
            raise StorageError(_explain(path, exc)) from None
        raise StorageError(
            f"{path} is not a readable Wellbeing database ({exc}); it was not changed. "
            "Restore a backup or use another --data-dir."
        ) from None
    finally:
        conn.close()


def _create_private(path: Path) -> None:
    """Create the file readable by its owner only (SQLite gives -wal and -shm the same mode)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


_CONNECT_ARGS = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}


def _make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args=_CONNECT_ARGS)
    _configure(engine)
    return engine


def _configure(engine: Engine) -> None:

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (see do_begin below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(_IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
