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
    left_out,
    undone,
)
from wellbeing_app.core.imports.calendars import CalendarImports
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _, ngettext


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
        return _("No calendars imported yet ('wellbeing-app import calendar FILE --as rota').")
    return "\n".join(
        f"#{i.id}  {i.file_name}{f' ({i.calendar_name})' if i.calendar_name else ''}: "
        + _("{batch}, updated {time} UTC").format(
            batch=batch_line(i), time=f"{i.updated:%Y-%m-%d %H:%M}"
        )
        for i in infos
    )


def _text(plan: CalendarPlan, dry_run: bool) -> str:
    name = plan.file_name + (f" ({plan.calendar_name})" if plan.calendar_name else "")
    lines = [_read(plan, name, dry_run)]
    lines += [f"  {left_out(count, _(why))}" for why, count in sorted(plan.skipped.items())]
    made = changes(plan)
    if dry_run and plan.updating:
        lines.append(
            _("Would update batch #{batch}: {changes}. Nothing was written (dry run).").format(
                batch=plan.batch_id, changes=made
            )
        )
    elif dry_run:
        lines.append(
            _("Would make a new batch: {changes}. Nothing was written (dry run).").format(
                changes=made
            )
        )
    elif not plan.kept and not plan.updating:
        lines.append(_("Nothing was written."))
    else:
        done = (
            _("Updated batch #{batch}: {changes}.")
            if plan.updating
            else _("New batch #{batch}: {changes}.")
        )
        undo = _("'wellbeing-app import undo {batch}' removes it.")
        lines.append(
            done.format(batch=plan.batch_id, changes=made) + " " + undo.format(batch=plan.batch_id)
        )
    if dry_run:
        lines += [f"  {event_line(k.event)}" for k in plan.kept]
    return "\n".join(lines)


def _read(plan: CalendarPlan, name: str, dry_run: bool) -> str:
    """The first line: the file, the days read, and how many events were kept (or would be)."""
    kept, skipped = len(plan.kept), sum(plan.skipped.values())
    if dry_run and skipped:
        said = ngettext(
            "Read {file}, {first} to {last}: {count} event would become {kinds}, "
            "{skipped} skipped:",
            "Read {file}, {first} to {last}: {count} events would become {kinds}, "
            "{skipped} skipped:",
            kept,
        )
    elif dry_run:
        said = ngettext(
            "Read {file}, {first} to {last}: {count} event would become {kinds}.",
            "Read {file}, {first} to {last}: {count} events would become {kinds}.",
            kept,
        )
    elif skipped:
        said = ngettext(
            "Read {file}, {first} to {last}: {count} event kept as {kinds}, {skipped} skipped:",
            "Read {file}, {first} to {last}: {count} events kept as {kinds}, {skipped} skipped:",
            kept,
        )
    else:
        said = ngettext(
            "Read {file}, {first} to {last}: {count} event kept as {kinds}.",
            "Read {file}, {first} to {last}: {count} events kept as {kinds}.",
            kept,
        )
    return said.format(
        file=name,
        first=plan.first,
        last=plan.last,
        count=kept,
        kinds=_(BECOMES[plan.used_as]),
        skipped=skipped,
    )


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
