"""Opening the SQLite database safely: pragmas, private file mode, schema upgrades, and sessions.

Several processes (tray app, CLI) write at once, so every write transaction starts with
``BEGIN IMMEDIATE``: it waits on the busy timeout for the write lock up front instead of failing
with "database is locked" when a read transaction later tries to become a write. ``write()``
takes that lock as the block starts, so what the block reads (and the "now" it reads) is after it.

Nothing is written to a file that is damaged, empty or of another program: it is checked first
(``health``), and an upgrade is preceded by a backup (``backups``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from wellbeing_app.core.errors import StorageError
from wellbeing_app.core.language import _
from wellbeing_app.core.store import health
from wellbeing_app.core.store.revisions import known_revisions
from wellbeing_app.platforms.files import keep_private

BUSY_TIMEOUT_MS = 30_000
_IMMEDIATE = "wellbeing_begin_immediate"


class Database:
    """An open database: ``read()`` for queries, ``write()`` for one atomic change."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        created: bool = False,
        refused: StorageError | None = None,
    ) -> None:
        self.path = path
        self.engine = engine
        self.created = created  # a new, empty file made by this open
        # Why writes are refused (a full disk; damage found mid-use): said before any is tried.
        self.refused = refused
        # Every write goes through one connection of its own. Its PRAGMA data_version then
        # moves only when some other connection (another process, the CLI) commits, which
        # tells "changed elsewhere" from "changed by us" without any bookkeeping.
        self._writer = create_engine(engine.url, poolclass=StaticPool, connect_args=_CONNECT_ARGS)
        _configure(self._writer)
        self._write_engine = self._writer.execution_options(**{_IMMEDIATE: True})
        self._seen_version: int | None = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._plain_errors(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose changes are committed together at the end, or not at all; the
        write lock is held from the start of the block (refused on a damaged file)."""
        if self.refused is not None:
            raise self.refused
        with (
            self._plain_errors(),
            Session(self._write_engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            session.connection()  # BEGIN IMMEDIATE now, not at the first statement
            yield session

    def changed_elsewhere(self) -> bool:
        """True when another connection committed since the last call (first call: False)."""
        with self._plain_errors():
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
    def _plain_errors(self) -> Iterator[None]:
        """A database that fails mid-use (a damaged page, a full disk, lost permissions) is
        reported in words, and once found damaged is not written to again; rule violations
        (IntegrityError) stay what they are."""
        try:
            yield
        except IntegrityError:
            raise
        except DBAPIError as exc:
            error = health.explain(self.path, exc.orig)
            if isinstance(error, health.DamagedDatabase):
                self.refused = error
            raise error from exc


def open_database(
    path: Path, *, now: datetime | None = None, check_seconds: float = health.CHECK_SECONDS
) -> Database:
    """Open (creating or upgrading as needed) the database at ``path``; ``now`` names the backup
    made before an upgrade.

    Raises StorageError, leaving the file untouched, when it is empty, not a SQLite database,
    holds tables of some other program, was written by a newer version of this app, or is
    damaged (DamagedDatabase: a quick_check of at most ``check_seconds``).
    """
    try:
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        created = not path.exists() and _create_new(path)
    except OSError as exc:
        raise StorageError(
            _("cannot use {folder} for Wellbeing's data: {error}").format(
                folder=path.parent, error=exc.strerror or exc
            )
        ) from None
    refused = _reading_only(path)
    full = refused is not None
    revision = _stored_revision(path, full)
    known = known_revisions()
    if revision is not None and revision not in known:
        raise StorageError(
            _(
                "{path} was written by a newer version of Wellbeing (schema {schema}; this "
                "version knows up to {known}). Update the app, or use another --data-dir. "
                "The file was not changed."
            ).format(path=path, schema=revision, known=known[-1])
        )
    health.check_file(path, check_seconds, immutable=full)
    if refused is not None:
        if revision != known[-1]:
            raise refused
        return Database(path, _make_engine(path, immutable=True), refused=refused)
    keep_private(path)  # readable by its owner only; SQLite gives -wal and -shm its mode
    engine = _make_engine(path)
    if revision != known[-1]:
        from wellbeing_app.core.store.backups import make_backup
        from wellbeing_app.core.store.migrate import upgrade_to_head

        if revision is not None:  # data to keep: a verified copy first, or no upgrade
            try:
                make_backup(path, now or datetime.now(UTC))
            except StorageError as exc:
                engine.dispose()
                raise StorageError(
                    _("Not upgraded, as no backup could be made first: {error}").format(error=exc)
                ) from None
        # Take the write lock before alembic reads the version: another process upgrading the
        # same file then waits on the busy timeout and finds nothing left to do, instead of
        # failing with "database is locked".
        try:
            upgrade_to_head(engine.execution_options(**{_IMMEDIATE: True}))
        except DBAPIError as exc:
            engine.dispose()
            raise health.explain(path, exc.orig) from exc
    return Database(path, engine, created)


def _stored_revision(path: Path, immutable: bool = False) -> str | None:
    """The schema revision recorded in the file, None for a database with no tables yet."""
    if path.stat().st_size == 0 and not _has_log(path):
        raise health.zero_length(path)
    try:
        conn = sqlite3.connect(
            health.read_uri(path, immutable), uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as exc:
        raise health.explain(path, exc) from None
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return str(row[0]) if row else None
        if tables:
            raise StorageError(
                _(
                    "{path} holds tables of another program ({tables}); it was not changed. "
                    "Use another --data-dir."
                ).format(path=path, tables=", ".join(sorted(tables)))
            )
        return None
    except sqlite3.DatabaseError as exc:
        if "file is not a database" in str(exc):
            raise StorageError(
                _(
                    "{path} is not a readable Wellbeing database ({error}); it was not changed. "
                    "Restore a backup or use another --data-dir."
                ).format(path=path, error=exc)
            ) from None
        raise health.explain(path, exc) from None
    finally:
        conn.close()


def _reading_only(path: Path) -> StorageError | None:
    """Why the file can only be read, as it stands, or None. On a full disk, or in a read-only
    folder, SQLite cannot make the shared-memory file every reader needs; a file whose
    write-ahead log is empty (nobody has it open) is then read without one, and writes refused."""
    if path.stat().st_size == 0 or _has_log(path):
        return None
    if health.disk_full(path.parent):
        return health.full_disk(path.parent)
    reason = health.read_only_reason(path)
    if reason is not None and not path.parent.joinpath(path.name + "-shm").exists():
        return StorageError(
            _("{reason}; nothing can be saved, and what is stored can be read.").format(
                reason=reason
            )
        )
    return None


def _has_log(path: Path) -> bool:
    """A write-ahead log with content: an empty main file may still hold a database."""
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _create_new(path: Path) -> bool:
    """Make a new database at ``path`` whole: built and migrated under a temporary name, then
    linked into place, so no process ever sees an empty or half-made file. False when another
    process made it first (its file is used)."""
    from wellbeing_app.core.store.migrate import upgrade_to_head

    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        fd = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_RDWR, 0o600)
        os.close(fd)
        engine = _make_engine(temporary)
        try:
            upgrade_to_head(engine)
        finally:
            engine.dispose()  # the last connection folds the write-ahead log into the file
        try:
            os.link(temporary, path)  # never replaces a file another process made meanwhile
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links (a FAT stick)
            if path.exists():
                return False
            os.replace(temporary, path)
        return True
    except DBAPIError as exc:
        raise health.explain(path, exc.orig) from exc
    finally:
        for leftover in (
            temporary,
            *(temporary.with_name(temporary.name + s) for s in ("-wal", "-shm")),
        ):
            with contextlib.suppress(OSError):
                leftover.unlink()


_CONNECT_ARGS = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}


def _make_engine(path: Path, immutable: bool = False) -> Engine:
    url = f"sqlite:///file:{path}?immutable=1&uri=true" if immutable else f"sqlite:///{path}"
    engine = create_engine(url, connect_args=_CONNECT_ARGS)
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
