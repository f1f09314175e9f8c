"""``shift start|end|status`` on the full path, through the journal (the quick path: ``quick``),
and ``shift add`` for a shift that is over (full path only)."""

from __future__ import annotations

import argparse

from wellbeing_app.cli import replies
from wellbeing_app.core.journal import Journal


def run(args: argparse.Namespace, journal: Journal) -> str:
    if args.action == "add":
        from wellbeing_app.cli.records import overlap_named
        from wellbeing_app.core.errors import ValidationError

        try:
            added = journal.add_shift(args.start, args.end, args.note)
        except ValidationError as exc:
            raise overlap_named(exc, journal, args.start, args.end) from None
        return replies.shift_added(added.id, added.start, added.end or args.end, journal.zone())
    if args.action == "start":  # without --at, "now" is read once the write lock is held
        row = journal.start_shift(args.at, note=args.note)
        return replies.shift_started(row.start, row.zone)
    if args.action == "end":
        row = journal.end_shift(args.at)
        assert row.end is not None
        return replies.shift_ended(row.end, row.zone, row.length(row.end))
    at = args.at or journal.now()
    running = journal.running_shift()
    if running is None:
        return replies.shift_status(None, journal.zone(), at)
    return replies.shift_status(running.start, running.zone, at)
