"""What is wrong with a database file, found early and said in words: damaged (a bounded
``PRAGMA quick_check``), empty, not a database, a full disk, or a read-only file, folder or disk.

The checks only read. A damaged file is never written to: ``DamagedDatabase`` says so, and
names the newest backup to restore (``core.store.backups``).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from pathlib import Path

from wellbeing_app.core.errors import StorageError
from wellbeing_app.core.language import _
from wellbeing_app.platforms.files import no_room_left, read_only_disk

# A bounded check: a very large file is checked as far as this allows, never stalling a start.
CHECK_SECONDS = 2.0
CLI_CHECK_SECONDS = 0.5
_STEPS = 20_000  # SQLite virtual-machine steps between looks at the clock
_DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


class DamagedDatabase(StorageError):
    """The file is damaged: it is left as it is, and the way back is a backup.

    ``problem`` is the sentence without the command-line hint (the app offers a button instead).
    """

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.problem = _(
            "{path} is damaged ({detail}); nothing was written to it, and it is kept as it is."
        ).format(path=path, detail=_first_line(detail))
        super().__init__(
            _("{problem} {hint}").format(problem=self.problem, hint=restore_hint(path))
        )


def restore_hint(database: Path) -> str:
    """How to get the data back, in one sentence naming the newest backup (if any)."""
    from wellbeing_app.core.store.backups import list_backups

    found = list_backups(database)
    if not found:
        return _(
            "There is no backup to restore: copy the file somewhere safe, then move it away "
            "to start afresh, or use another --data-dir."
        )
    newest = found[0]
    return _(
        "Restore the newest backup (made {made} UTC) with: wellbeing-app backup restore '{path}'"
    ).format(made=f"{newest.made:%Y-%m-%d %H:%M}", path=newest.path)


def quick_check(connection: sqlite3.Connection, seconds: float = CHECK_SECONDS) -> str | None:
    """The first problem ``PRAGMA quick_check`` finds, or None: none found within ``seconds``
    (the check stops there, so what it could not reach in time counts as sound)."""
    deadline = time.monotonic() + seconds
    connection.set_progress_handler(lambda: int(time.monotonic() > deadline), _STEPS)
    try:
        rows = connection.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            return None
        raise
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        connection.set_progress_handler(None, 0)
    first = str(rows[0][0]) if rows else "ok"
    return None if first == "ok" else first


def read_uri(path: Path, immutable: bool = False) -> str:
    """A URI that opens ``path`` for reading only; ``immutable``: without the shared-memory file
    (on a full disk, where it cannot be made), as the file stands."""
    return f"{path.absolute().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"


def check_file(path: Path, seconds: float = CHECK_SECONDS, immutable: bool = False) -> None:
    """Raise DamagedDatabase when a bounded quick_check of ``path`` finds damage (read-only)."""
    try:
        connection = sqlite3.connect(read_uri(path, immutable), uri=True, timeout=30)
    except sqlite3.Error as exc:
        raise explain(path, exc) from None
    try:
        problem = quick_check(connection, seconds)
    except sqlite3.Error as exc:
        raise explain(path, exc) from None
    finally:
        connection.close()
    if problem is not None:
        raise DamagedDatabase(path, problem)


def is_damage(exc: BaseException | None) -> bool:
    """True for SQLite's "malformed" and "not a database" errors."""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc)
    return code in _DAMAGE_CODES or "malformed" in text or "not a database" in text


def zero_length(path: Path) -> StorageError:
    return StorageError(
        _(
            "{path} is empty (0 bytes), so it holds no Wellbeing data; it was not changed. "
            "Restore a backup ('wellbeing-app backup list'), or move the file away to start "
            "afresh."
        ).format(path=path)
    )


def explain(path: Path, exc: BaseException | None) -> StorageError:
    """A storage failure of ``path`` in words: damaged, disk full, read-only (file, folder or
    disk), or, failing those, what SQLite or the system said."""
    text = str(exc)
    if is_damage(exc):
        return DamagedDatabase(path, text)
    folder = path.parent
    if disk_full(folder, exc):
        return full_disk(folder)
    if path.is_file() and not os.access(path, os.R_OK):
        return StorageError(
            _(
                "{path} cannot be read (its permissions); Wellbeing needs to read and write it "
                "(chmod u+rw '{path}')."
            ).format(path=path)
        )
    read_only = read_only_reason(path)
    code = getattr(exc, "sqlite_errorcode", None)
    if read_only and (
        code == sqlite3.SQLITE_READONLY
        or code == sqlite3.SQLITE_CANTOPEN
        or "readonly" in text
        or "read-only" in text
        or "unable to open" in text
        or isinstance(exc, PermissionError)
    ):
        return StorageError(_("{reason}; nothing was saved.").format(reason=read_only))
    return StorageError(
        _(
            "{path} could not be read or written ({error}); nothing was changed. "
            "Check the disk, or use another --data-dir."
        ).format(path=path, error=text)
    )


def full_disk(folder: Path) -> StorageError:
    return StorageError(
        _(
            "The disk holding {folder} is full: nothing was saved. Free some space; "
            "what is already stored is intact and can still be read."
        ).format(folder=folder)
    )


def disk_full(folder: Path, exc: BaseException | None = None) -> bool:
    """True when ``exc`` says the disk is full, or an I/O error came from a disk with no room."""
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(exc):
        return True
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    if exc is not None and "disk I/O error" not in str(exc) and not isinstance(exc, OSError):
        return False
    return no_room_left(folder)


def read_only_reason(path: Path) -> str | None:
    """Which is read-only, in words (the disk, the folder, the file, or both), or None."""
    folder = path.parent
    if read_only_disk(folder):
        return _("{folder} is on a read-only disk; Wellbeing cannot save there").format(
            folder=folder
        )
    file = path.exists() and not os.access(path, os.W_OK)
    shut = folder.exists() and not os.access(folder, os.W_OK | os.X_OK)
    if file and shut:
        return _(
            "both the file {path} and its folder are read-only; Wellbeing needs to write to "
            "them (make them writable: chmod u+w '{folder}' '{path}')"
        ).format(path=path, folder=folder)
    if file:
        return _(
            "{path} is a read-only file; Wellbeing needs to write to it "
            "(make it writable: chmod u+w '{path}')"
        ).format(path=path)
    if shut:
        return _(
            "the folder {folder} is read-only; Wellbeing needs to create files in it beside "
            "the database (make it writable: chmod u+w '{folder}')"
        ).format(folder=folder)
    return None


def _first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("***")]
    line = lines[0] if lines else text.strip()
    return line if len(line) <= 120 else line[:117] + "..."
