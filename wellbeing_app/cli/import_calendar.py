"""``import calendar FILE --as rota|oncall|days-off``, ``import undo BATCH`` and ``import list``.

The JSON report names each event kept (``uid``, ``recurrence_id``, ``start`` and ``end`` in ISO
8601 with their offsets, ``all_day``, its local ``date`` and ``last_date``, ``hours`` worked out
in UTC) and counts what was kept, skipped and why, and what the batch gained, changed and lost.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from wellbeing_app.core.imports.calendar_batches import BatchInfo, CalendarPlan
from wellbeing_app.core.imports.calendar_file import CalendarEvent
from wellbeing_app.core.imports.calendar_words import (
    BECOMES,
    batch_line,
    changes,
    event_line,
    undone,
)
from wellbeing_app.core.imports.calendars import CalendarImports
from wellbeing_app.core.journal import Journal


def run(args: argparse.Namespace, journal: Journal) -> str | dict[str, Any]:
    imports = CalendarImports(journal.db, journal.clock)
    default_first, default_last = imports.default_range()
    first, last = args.from_date or default_first, args.to_date or default_last
    read = imports.read(Path(args.file), args.file, first, last, args.match)
    file_name = os.path.basename(args.file)
    step = imports.plan if args.dry_run else imports.bring_in
    plan = step(read, args.as_, file_name, first, last, args.match)
    return _json(plan, args.dry_run) if args.json else _text(plan, args.dry_run)


def undo(args: argparse.Namespace, journal: Journal) -> str | dict[str, Any]:
    info = CalendarImports(journal.db, journal.clock).undo(args.batch)
    if args.json:
        return _batch_json(info)
    return undone(info)


def listing(args: argparse.Namespace, journal: Journal) -> str | list[dict[str, Any]]:
    infos = CalendarImports(journal.db, journal.clock).batches()
    if args.json:
        return [_batch_json(info) for info in infos]
    if not infos:
        return "No calendars imported yet ('wellbeing-app import calendar FILE --as rota')."
    return "\n".join(
        f"#{i.id}  {i.file_name}{f' ({i.calendar_name})' if i.calendar_name else ''}: "
        f"{batch_line(i)}, updated {i.updated:%Y-%m-%d %H:%M} UTC"
        for i in infos
    )


def _text(plan: CalendarPlan, dry_run: bool) -> str:
    name = plan.file_name + (f" ({plan.calendar_name})" if plan.calendar_name else "")
    kept = len(plan.kept)
    lines = [
        f"Read {name}, {plan.first} to {plan.last}: {kept} event{_s(kept)} "
        f"{'would become' if dry_run else 'kept as'} {BECOMES[plan.used_as]}"
        + (f", {sum(plan.skipped.values())} skipped:" if plan.skipped else ".")
    ]
    lines += [f"  {count} {why}" for why, count in sorted(plan.skipped.items())]
    made = changes(plan)
    if dry_run:
        batch = f"update batch #{plan.batch_id}" if plan.updating else "make a new batch"
        lines.append(f"Would {batch}: {made}. Nothing was written (dry run).")
        lines += [f"  {event_line(k.event)}" for k in plan.kept]
    elif not kept and not plan.updating:
        lines.append("Nothing was written.")
    else:
        done = "Updated" if plan.updating else "New"
        lines.append(
            f"{done} batch #{plan.batch_id}: {made}. "
            f"'wellbeing-app import undo {plan.batch_id}' removes it."
        )
    return "\n".join(lines)


def _json(plan: CalendarPlan, dry_run: bool) -> dict[str, Any]:
    return {
        "file": plan.file_name,
        "calendar": plan.calendar_name,
        "as": plan.used_as,
        "from": plan.first.isoformat(),
        "to": plan.last.isoformat(),
        "match": plan.match,
        "dry_run": dry_run,
        "batch": plan.batch_id,
        "updated_batch": plan.updating,
        "kept": len(plan.kept),
        "skipped": sum(plan.skipped.values()),
        "skipped_why": dict(sorted(plan.skipped.items())),
        "added": plan.added,
        "changed": plan.changed,
        "removed": plan.removed,
        "events": [_event_json(k.event) for k in plan.kept],
    }


def _event_json(event: CalendarEvent) -> dict[str, Any]:
    return {
        "uid": event.uid,
        "recurrence_id": event.recurrence_id or None,
        "summary": event.summary,
        "start": event.start.isoformat(timespec="seconds"),
        "end": event.end.isoformat(timespec="seconds"),
        "all_day": event.all_day,
        "date": event.first_day.isoformat(),
        "last_date": event.last_day.isoformat(),
        "hours": round(event.duration.total_seconds() / 3600, 2),
    }


def _batch_json(info: BatchInfo) -> dict[str, Any]:
    return {
        "batch": info.id,
        "as": info.used_as,
        "file": info.file_name,
        "calendar": info.calendar_name,
        "from": info.first_day.isoformat(),
        "to": info.last_day.isoformat(),
        "rows": info.rows,
        "imported": info.imported.isoformat(timespec="seconds"),
        "updated": info.updated.isoformat(timespec="seconds"),
    }


def _s(count: int) -> str:
    return "" if count == 1 else "s"
