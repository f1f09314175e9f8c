"""Backups of the database: copies made with SQLite's online backup API (consistent while other
processes write), each checked with ``PRAGMA integrity_check`` before it counts, readable by the
user alone, kept rotating in ``backups/`` beside the database (the newest of each of the last 7
days and of the last 4 weeks), and restored with the current file kept aside.

Plain ``sqlite3`` only: the quick command-line path can make the daily backup too.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from wellbeing_app.core.errors import StorageError
from wellbeing_app.core.language import _
from wellbeing_app.core.store import health
from wellbeing_app.core.store.paths import BACKUP_FOLDER
from wellbeing_app.core.store.revisions import known_revisions
from wellbeing_app.platforms.files import create_private, sync_folder

KEEP_DAILY = 7
KEEP_WEEKLY = 4
EVERY = timedelta(days=1)  # the app and the command line make one at start when the last is older
STALE_PARTIAL = timedelta(hours=1)  # a half-made copy of a process that was killed
_NAME = re.compile(r"^wellbeing-(\d{8}-\d{6})(?:-(\d+))?\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S"
_BUSY_SECONDS = 30


class Backup(NamedTuple):  # a named tuple: cheaper to define than a dataclass, for the quick path
    """One backup file; ``made`` is when (UTC), from its name."""

    path: Path
    made: datetime
    size: int


class Restored(NamedTuple):
    """A restore: the backup it came from and where the file it replaced was kept (None: there
    was none)."""

    backup: Path
    kept_aside: Path | None


def backup_folder(database: Path) -> Path:
    return database.parent / BACKUP_FOLDER


def list_backups(database: Path) -> list[Backup]:
    """The backups of ``database``, newest first (only files of the backups' own names)."""
    folder = backup_folder(database)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = []
    for entry in entries:
        match = _NAME.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        made = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
        found.append((made, int(match.group(2) or 1), Path(entry.path)))
    backups = []
    for made, _number, path in sorted(found, reverse=True):
        with contextlib.suppress(OSError):  # removed meanwhile by another process's rotation
            backups.append(Backup(path, made, path.stat().st_size))
    return backups


def newest_backup(database: Path) -> Backup | None:
    found = list_backups(database)
    return found[0] if found else None


def backup_due(database: Path, now: datetime) -> bool:
    """True when ``database`` exists and its newest backup is older than a day (or missing)."""
    if not database.is_file():
        return False
    newest = newest_backup(database)
    return newest is None or now - newest.made >= EVERY or newest.made > now


def make_backup(database: Path, now: datetime) -> Backup:
    """Copy ``database`` now, check the copy, keep it (mode 0600) and rotate the older ones.

    Raises StorageError (DamagedDatabase for a damaged file) and leaves no partial copy.
    """
    folder = backup_folder(database)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise health.explain(folder, exc) from None
    target = _free_name(folder, now)
    partial = folder / f".{target.name}.{os.getpid()}.partial"
    try:
        create_private(partial)
        _copy(database, partial)
        problem = _integrity(partial)
        if problem is not None:  # the copy is the file as it is: the file is damaged
            raise health.DamagedDatabase(database, problem)
        _sync(partial)
        os.replace(partial, target)
        sync_folder(folder)
    except sqlite3.Error as exc:
        raise health.explain(database, exc) from None
    except OSError as exc:
        raise health.explain(target, exc) from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    size = target.stat().st_size
    rotate(database, now, target)
    return Backup(target, _made(target), size)


def make_backup_if_due(database: Path, now: datetime) -> Backup | None:
    """The daily backup at start: made when the last is older than a day, else None."""
    return make_backup(database, now) if backup_due(database, now) else None


def rotate(database: Path, now: datetime, made: Path | None = None) -> list[Path]:
    """Keep the newest backup of each of the last 7 days that have one and of the last 4 weeks,
    and ``made`` (the one just made, whatever the clock did); remove the others (and copies
    half-made by a killed process). Returns what was removed."""
    backups = list_backups(database)
    keep: set[Path] = {made} if made is not None else set()
    for key, count in ((_day, KEEP_DAILY), (_week, KEEP_WEEKLY)):
        seen: set[object] = set()
        for backup in backups:  # newest first: the first of each day (week) is its newest
            period = key(backup.made)
            if period not in seen and len(seen) < count:
                seen.add(period)
                keep.add(backup.path)
    removed = [b.path for b in backups if b.path not in keep]
    folder = backup_folder(database)
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            stale = entry.name.endswith(".partial") and (
                now - datetime.fromtimestamp(entry.stat().st_mtime, UTC) > STALE_PARTIAL
            )
            if stale:
                removed.append(Path(entry.path))
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


def verify(path: Path) -> None:
    """Raise StorageError unless ``path`` is a sound Wellbeing database (of this version or
    an older one): PRAGMA integrity_check and the schema revision."""
    if not path.is_file():
        raise StorageError(_("{path} is not a file").format(path=path))
    if path.stat().st_size == 0:
        raise health.zero_length(path)
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StorageError(
            _("{path} cannot be opened ({error})").format(path=path, error=exc)
        ) from None
    try:
        problem = _integrity_of(connection)
        if problem is not None and "not a database" in problem:
            raise StorageError(
                _("{path} is not a readable Wellbeing database ({error})").format(
                    path=path, error=problem
                )
            )
        if problem is not None:
            raise StorageError(
                _("{path} is damaged ({error}); choose another backup").format(
                    path=path, error=problem
                )
            )
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            raise StorageError(_("{path} is not a Wellbeing database").format(path=path))
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            _("{path} is not a readable Wellbeing database ({error})").format(path=path, error=exc)
        ) from None
    finally:
        connection.close()
    if row is None or row[0] not in known_revisions():
        raise StorageError(
            _("{path} was made by another version of Wellbeing (schema {schema})").format(
                path=path, schema=row[0] if row else "?"
            )
        )


def newest_good_backup(database: Path) -> Backup | None:
    """The newest backup that passes ``verify`` (older ones are tried in turn)."""
    for backup in list_backups(database):
        try:
            verify(backup.path)
        except StorageError:
            continue
        return backup
    return None


def restore_backup(database: Path, backup: Path, now: datetime) -> Restored:
    """Put ``backup`` in place of ``database`` after checking it; the current file (and its
    write-ahead log) is kept aside in the backups folder, never deleted.

    The caller makes sure no Wellbeing has the database open (the app's instance lock).
    """
    verify(backup)
    folder = database.parent
    incoming = folder / f".{database.name}.{os.getpid()}.restoring"
    try:
        create_private(incoming)
        _copy(backup, incoming)
        _sync(incoming)
        kept = _keep_aside(database, now)
        os.replace(incoming, database)
        sync_folder(folder)
    except sqlite3.Error as exc:
        raise health.explain(database, exc) from None
    except OSError as exc:
        raise health.explain(database, exc) from None
    finally:
        with contextlib.suppress(OSError):
            incoming.unlink()
    return Restored(backup, kept)


def _keep_aside(database: Path, now: datetime) -> Path | None:
    if not database.exists():
        return None
    aside_folder = backup_folder(database)
    aside_folder.mkdir(mode=0o700, exist_ok=True)
    aside = aside_folder / f"replaced-{now.astimezone(UTC):{_STAMP}}.sqlite3"
    n = 1
    while aside.exists():
        n += 1
        aside = aside.with_name(f"replaced-{now.astimezone(UTC):{_STAMP}}-{n}.sqlite3")
    os.replace(database, aside)
    for suffix in ("-wal", "-journal"):  # the rest of the kept file's data goes with it
        sidecar = database.with_name(database.name + suffix)
        if sidecar.exists() and sidecar.stat().st_size > 0:
            os.replace(sidecar, aside.with_name(aside.name + suffix))
        else:
            with contextlib.suppress(OSError):
                sidecar.unlink()
    with contextlib.suppress(OSError):
        database.with_name(database.name + "-shm").unlink()
    return aside


def _copy(source: Path, target: Path) -> None:
    """A consistent copy by SQLite's online backup API, as one file (no write-ahead log)."""
    src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True, timeout=_BUSY_SECONDS)
    try:
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _integrity(path: Path) -> str | None:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return _integrity_of(connection)
    finally:
        connection.close()


def _integrity_of(connection: sqlite3.Connection) -> str | None:
    try:
        rows = connection.execute("PRAGMA integrity_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    first = str(rows[0][0]) if rows else "ok"
    return None if first == "ok" else first


def _free_name(folder: Path, now: datetime) -> Path:
    """A new name for a backup made at ``now``; a second one in the same second (a migration's,
    then the daily one) is numbered after any already made, so names keep their order."""
    stamp = f"{now.astimezone(UTC):{_STAMP}}"
    taken = [
        int(match.group(2) or 1)
        for entry in folder.glob(f"wellbeing-{stamp}*.sqlite3")
        if (match := _NAME.match(entry.name)) and match.group(1) == stamp
    ]
    if not taken:
        return folder / f"wellbeing-{stamp}.sqlite3"
    return folder / f"wellbeing-{stamp}-{max(taken) + 1}.sqlite3"


def _made(path: Path) -> datetime:
    match = _NAME.match(path.name)
    assert match is not None
    return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)


def _day(made: datetime) -> object:
    return made.date()


def _week(made: datetime) -> object:
    return made.isocalendar()[:2]


def _sync(path: Path) -> None:
    with _opened(path) as fd:
        os.fsync(fd)


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[int]:
    fd = os.open(path, os.O_RDONLY)
    try:
        yield fd
    finally:
        os.close(fd)
