"""``backup`` (make one now), ``backup list`` and ``backup restore FILE``, and the daily backup
every command line makes at start when the last is older than a day.

None of them opens the database through the journal: a damaged file can still be listed
against and restored over, and restoring waits for no schema upgrade.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from wellbeing_app.cli.parser import PROG
from wellbeing_app.core.errors import ConflictError, NotFoundError, StorageError, ValidationError
from wellbeing_app.core.store import backups
from wellbeing_app.core.store.paths import resolve_paths
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.time.local_time import in_zone


def run(args: argparse.Namespace, clock: Clock) -> str | dict[str, Any] | list[dict[str, Any]]:
    paths = resolve_paths(getattr(args, "data_dir", None))
    database = paths.database
    if args.action == "list":
        found = backups.list_backups(database)
        if args.json:
            return [_row(backup) for backup in found]
        if not found:
            return (
                f"No backups yet; they are kept in {paths.backups}. "
                f"Make one now with: {PROG} backup"
            )
        return "\n".join(_line(backup, clock) for backup in found)
    if args.action == "restore":
        return _restore(Path(args.file), database, paths.lock_file, clock)
    if not database.is_file():
        raise NotFoundError(f"There is no database in {paths.data_dir} yet; nothing to back up.")
    if database.stat().st_size == 0:
        from wellbeing_app.core.store.health import zero_length

        raise zero_length(database)
    made = backups.make_backup(database, clock.now())
    if args.json:
        return _row(made)
    return f"Backed up (and checked) to {made.path} ({_size(made.size)})."


def daily_backup(database: Path, now: datetime) -> None:
    """The daily backup, when due; a failure is said in one line and stops nothing (the
    command's own work is done)."""
    try:
        backups.make_backup_if_due(database, now)
    except StorageError as exc:
        print(f"{PROG}: note: the daily backup was not made: {exc}", file=sys.stderr)


def _restore(file: Path, database: Path, lock_file: Path, clock: Clock) -> str:
    from wellbeing_app.core.store.lock import held_elsewhere

    if not file.exists():
        raise ValidationError("FILE", f"{file} does not exist; '{PROG} backup list' shows them")
    if file.resolve() == database.resolve():
        raise ValidationError("FILE", f"{file} is the database itself; give a backup of it")
    if held_elsewhere(lock_file):
        raise ConflictError(
            "Wellbeing is running for this data folder; quit it first (Quit in its menu), "
            "then restore."
        )
    restored = backups.restore_backup(database, file, clock.now())
    kept = (
        f" The file it replaced is kept as {restored.kept_aside}."
        if restored.kept_aside is not None
        else ""
    )
    return f"Restored {file}.{kept}"


def _row(backup: backups.Backup) -> dict[str, Any]:
    return {"path": str(backup.path), "made": backup.made.isoformat(), "bytes": backup.size}


def _line(backup: backups.Backup, clock: Clock) -> str:
    made = in_zone(backup.made, clock.zone())
    return f"{made:%Y-%m-%d %H:%M}  {_size(backup.size):>9}  {backup.path}"


def _size(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size} bytes"
