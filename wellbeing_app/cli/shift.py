"""``shift start|end|status`` on the full path, through the journal (the quick path: ``quick``)."""

from __future__ import annotations

import argparse

from wellbeing_app.cli import replies
from wellbeing_app.core.journal import Journal


def run(args: argparse.Namespace, journal: Journal) -> str:
    at = args.at or journal.now()
    if args.action == "start":
        row = journal.start_shift(at, note=args.note)
        return replies.shift_started(row.start, row.zone)
    if args.action == "end":
        row = journal.end_shift(at)
        return replies.shift_ended(at, row.zone, row.length(at))
    running = journal.running_shift()
    if running is None:
        return replies.shift_status(None, journal.zone(), at)
    return replies.shift_status(running.start, running.zone, at)
