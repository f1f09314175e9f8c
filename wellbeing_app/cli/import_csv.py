"""``import pings|shifts FILE [--dry-run] [--json]``: pings or shifts from a CSV file whose columns
are those of ``list pings|shifts --json`` (``core.imports.csv_rows`` says which).

Every row is checked before anything is written; then the new rows are added in one
transaction, with origin ``import``. A problem is one line naming the file as given, and for a
row its number as a spreadsheet shows it (the header is row 1) and the column.

The JSON report: ``kind`` (pings or shifts), ``dry_run``, ``added`` and ``skipped`` (counts),
``default_zone`` (the zone a time without an offset was read in when its row named none),
``rows`` (each row added, or that a dry run would add: ``row``, its number in the file, then
the fields of ``list --json``, ``id`` null in a dry run) and ``skipped_rows`` (``row`` and
``reason``: ``already present``, ``same as row N``, or ``still running (no end)``).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from wellbeing_app.cli.listing import ping_json, shift_json
from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.imports.csv_store import CsvImport, import_csv
from wellbeing_app.core.imports.csv_words import counted, default_zone
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _
from wellbeing_app.core.records.pings import PingRow


def run(args: argparse.Namespace, journal: Journal) -> str | dict[str, Any]:
    name = os.fsdecode(args.file)
    if not name:  # Path("") would be the current folder
        raise ValidationError("FILE", _("is empty; give the name of a CSV file"))
    now, zone = journal.now(), journal.zone()
    try:
        report = import_csv(
            journal.db, Path(args.file), name, args.kind, now=now, zone=zone, dry_run=args.dry_run
        )
    except ValidationError as exc:
        if exc.field == name:  # the file as a whole: named after the argument, as typed
            raise ValidationError(
                "FILE", _("{file} {problem}").format(file=name, problem=exc.message)
            ) from None
        raise
    return _json(report, journal) if args.json else _text(report, zone)


def _json(report: CsvImport, journal: Journal) -> dict[str, Any]:
    now, zone = journal.now(), journal.zone()
    rows = []
    for added in report.added:
        record = added.record
        listed = (
            ping_json(record, zone)
            if isinstance(record, PingRow)
            else shift_json(record, now, zone)
        )
        rows.append({"row": added.row, **listed, "id": record.id or None})
    return {
        "kind": report.kind,
        "dry_run": report.dry_run,
        "added": len(report.added),
        "skipped": len(report.skipped),
        "default_zone": zone,
        "rows": rows,
        "skipped_rows": [{"row": s.row, "reason": s.reason} for s in report.skipped],
    }


def _text(report: CsvImport, zone: str) -> str:
    lines = [counted(report)]
    if report.used_default_zone:
        lines.append(default_zone(zone))
    if report.dry_run:
        lines.append(_("Nothing was written (dry run)."))
    return " ".join(lines)
