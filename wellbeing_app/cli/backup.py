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
from wellbeing_app.core.language import _, formats, ngettext
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
            return _(
                "No backups yet; they are kept in {folder}. Make one now with: {prog} backup"
            ).format(folder=paths.backups, prog=PROG)
        return "\n".join(_line(backup, clock) for backup in found)
    if args.action == "restore":
        return _restore(Path(args.file), database, paths.lock_file, clock)
    if not database.is_file():
        raise NotFoundError(
            _("There is no database in {folder} yet; nothing to back up.").format(
                folder=paths.data_dir
            )
        )
    if database.stat().st_size == 0:
        from wellbeing_app.core.store.health import zero_length

        raise zero_length(database)
    made = backups.make_backup(database, clock.now())
    if args.json:
        return _row(made)
    return _("Backed up (and checked) to {path} ({size}).").format(
        path=made.path, size=_size(made.size)
    )


def daily_backup(database: Path, now: datetime) -> None:
    """The daily backup, when due; a failure is said in one line and stops nothing (the
    command's own work is done)."""
    try:
        backups.make_backup_if_due(database, now)
    except StorageError as exc:
        print(
            _("{prog}: note: the daily backup was not made: {error}").format(prog=PROG, error=exc),
            file=sys.stderr,
        )


def _restore(file: Path, database: Path, lock_file: Path, clock: Clock) -> str:
    from wellbeing_app.core.store.lock import held_elsewhere

    if not file.exists():
        raise ValidationError(
            "FILE",
            _("{file} does not exist; '{prog} backup list' shows them").format(
                file=file, prog=PROG
            ),
        )
    if file.resolve() == database.resolve():
        raise ValidationError(
            "FILE", _("{file} is the database itself; give a backup of it").format(file=file)
        )
    if held_elsewhere(lock_file):
        raise ConflictError(
            _(
                "Wellbeing is running for this data folder; quit it first (Quit in its menu), "
                "then restore."
            )
        )
    restored = backups.restore_backup(database, file, clock.now())
    if restored.kept_aside is None:
        return _("Restored {file}.").format(file=file)
    return _("Restored {file}. The file it replaced is kept as {kept}.").format(
        file=file, kept=restored.kept_aside
    )


def _row(backup: backups.Backup) -> dict[str, Any]:
    return {"path": str(backup.path), "made": backup.made.isoformat(), "bytes": backup.size}


def _line(backup: backups.Backup, clock: Clock) -> str:
    made = in_zone(backup.made, clock.zone())
    return f"{made:%Y-%m-%d %H:%M}  {_size(backup.size):>9}  {backup.path}"


def _size(size: int) -> str:
    if size >= 1024:
        return _("{size} KB").format(size=formats.number(size / 1024))
    return ngettext("{count} byte", "{count} bytes", size).format(count=size)
