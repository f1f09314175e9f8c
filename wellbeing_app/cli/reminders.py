"""``reminders``: what is planned for the next 24 hours (or as if it were --now), with each
reminder's title as the text; ``--json`` keeps the kind ids (``wrap_up``)."""

from __future__ import annotations

import argparse
from typing import Any

from wellbeing_app.cli.replies import iso, local
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _


def run(args: argparse.Namespace, journal: Journal) -> str | list[dict[str, Any]]:
    zone = journal.zone()
    planned = journal.upcoming_reminders(args.now or journal.now())
    if args.json:
        return [
            {"kind": r.kind.value, "at": iso(r.at, zone), "title": r.title, "text": r.text}
            for r in planned
        ]
    if not planned:
        return _("No reminders in the next 24 hours.")
    return "\n".join(f"{local(r.at, zone)}  {r.title}" for r in planned)
