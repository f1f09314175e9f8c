"""``export-all -o FILE``, ``import all FILE`` and ``delete-all``: all of the user's data out to
one file, back into an empty data folder, or gone (with its backups) after typing DELETE."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from wellbeing_app.cli.parser import PROG
from wellbeing_app.cli.replies import local
from wellbeing_app.core.errors import ConflictError, ValidationError, WellbeingError
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _
from wellbeing_app.core.store import full_copy, full_copy_file
from wellbeing_app.core.store.backups import backup_folder
from wellbeing_app.core.store.files import check_output, write_text
from wellbeing_app.core.store.lock import held_elsewhere
from wellbeing_app.core.store.paths import resolve_paths
from wellbeing_app.core.store.record_words import held, plural, rows_in_tables

CONFIRMATION = "DELETE"


def export_all(args: argparse.Namespace, journal: Journal) -> str:
    db = journal.db
    target = check_output(Path(args.output), db.path.parent)
    copy = full_copy.export_everything(db, journal.now())
    write_text(target, full_copy_file.full_copy_text(copy), private=True)
    counts = {name: len(rows) for name, rows in copy["tables"].items()}
    return _(
        "Wrote every record ({rows}) to {file}. "
        "It holds your private notes and reflections: keep it safe."
    ).format(rows=rows_in_tables(counts), file=args.output)


def import_all(args: argparse.Namespace, journal: Journal) -> str | dict[str, Any]:
    db = journal.db
    full_copy.ensure_empty(db)  # before reading what may be a large file for nothing
    try:
        copy = full_copy_file.load_full_copy(Path(args.file))
        counts = full_copy.import_everything(db, copy)
    except ValidationError as exc:  # named as typed: FILE, then the file as given
        raise ValidationError(
            "FILE",
            _("{file} {problem}; nothing was written").format(file=args.file, problem=exc.message),
        ) from None
    if args.json:
        return {"file": args.file, "rows": sum(counts.values()), "tables": counts}
    made = _instant(copy.get("exported_utc"))
    if made is None:
        return _("Brought in every record ({rows}) from {file}.").format(
            rows=rows_in_tables(counts), file=args.file
        )
    return _("Brought in every record ({rows}) from {file}, a full copy made {time}.").format(
        rows=rows_in_tables(counts), file=args.file, time=local(made, journal.zone())
    )


def delete_all(args: argparse.Namespace, journal: Journal) -> str:
    db = journal.db
    if not args.yes and not _has_terminal():
        raise ValidationError(
            "--yes",
            _(
                "there is no terminal to ask on; pass --yes to delete every record and backup "
                "without asking. Nothing was deleted."
            ),
        )
    if held_elsewhere(resolve_paths(getattr(args, "data_dir", None)).lock_file):
        raise ConflictError(
            _(
                "Wellbeing is running for this data folder; quit it first (Quit in its menu), "
                "then delete. Nothing was deleted."
            )
        )
    if not full_copy.record_counts(db) and not full_copy.backup_files(db):
        return _("Nothing to delete: {path} holds no records, and there are no backups.").format(
            path=db.path
        )
    if not args.yes:
        _confirm(journal)
    deleted = full_copy.delete_everything(db)
    backups = deleted.backup_files
    reply = _(
        "Deleted every record ({rows}) and {backups}. {path} is now an empty database: "
        "Wellbeing starts as new next time."
    ).format(
        rows=rows_in_tables(deleted.rows), backups=plural(backups, "backup file"), path=db.path
    )
    if not deleted.log_emptied:
        reply += " " + _(
            "Another program has the database open; the deleted rows leave its write-ahead "
            "log when that program closes it."
        )
    return reply


def _confirm(journal: Journal) -> None:
    """Say what goes, and go on only when DELETE is typed."""
    db = journal.db
    counts = full_copy.record_counts(db)
    kinds = ", ".join(held(count, name) for name, count in counts.items())
    backups = len(full_copy.backup_files(db))
    print(
        _(
            "This deletes every record in {path} ({kinds}) and {backups} in {folder}. It cannot "
            "be undone; '{prog} export-all -o FILE' keeps a copy first."
        ).format(
            path=db.path,
            kinds=kinds or _("none yet"),
            backups=plural(backups, "backup file"),
            folder=backup_folder(db.path),
            prog=PROG,
        ),
        flush=True,
    )
    try:
        answer = input(_("Type {word} to delete everything: ").format(word=CONFIRMATION))
    except (EOFError, KeyboardInterrupt):
        answer = ""
    if answer.strip() != CONFIRMATION:
        raise WellbeingError(
            _("{word} was not typed; nothing was deleted.").format(word=CONFIRMATION)
        )


def _has_terminal() -> bool:
    stdin = sys.stdin
    try:
        return stdin is not None and stdin.isatty()
    except (ValueError, OSError):  # closed
        return False


def _instant(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        made = datetime.fromisoformat(value)
    except ValueError:
        return None
    return made if made.utcoffset() is not None else None
