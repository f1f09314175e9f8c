"""``summary`` (your workload for your manager) and ``team-summary`` (members' summaries merged
into team totals, with no database at all). Qt is loaded only to write a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.store.files import write_text

if TYPE_CHECKING:  # team-summary opens no database: the journal is not even imported for it
    from wellbeing_app.core.journal import Journal


def summary(args: argparse.Namespace, journal: Journal) -> str | None:
    """A workload summary of aggregates, printed (text formats) or written to ``-o FILE``."""
    from wellbeing_app.core.reports.formats import render_text
    from wellbeing_app.core.reports.summary import SummaryOptions, build_summary
    from wellbeing_app.core.time import periods

    today = journal.today()
    if args.start is None and args.end is None:
        period = periods.last_full_weeks(today)
    else:
        period = periods.custom(args.start, args.end, today)
    current, previous = journal.workload(period)
    options = SummaryOptions(
        include_wellbeing=args.include_wellbeing,
        note=args.note,
        include_advice=args.include_advice,
    )
    document = build_summary(current, previous, options, journal.now())
    if args.format == "pdf":
        from wellbeing_app.services.summary_pdf import write_summary_pdf

        write_summary_pdf(Path(args.output), document, current)
        return None
    text = render_text(document, args.format)
    if args.output:  # checked before the database was opened (``checks``)
        write_text(Path(args.output), text, private="wellbeing" in document)
        return None
    return text.removesuffix("\n")


def team_summary(args: argparse.Namespace) -> str | None:
    """Members' summaries merged into one team summary, printed (text formats) or written to
    ``-o FILE``. Bad input is named as typed (a file's path, ``-o``, ``--min-group``)."""
    from wellbeing_app.core.reports import team
    from wellbeing_app.core.reports.team_formats import render_text, team_html

    team.check_min_group(args.min_group)
    if args.format == "pdf" and not args.output:
        raise ValidationError("-o", _("a PDF needs a file to go to; give -o FILE"))
    output = Path(args.output) if args.output else None
    if output is not None and any(Path(f).resolve() == output.resolve() for f in args.files):
        raise ValidationError(
            "-o",
            _("{file} is one of the summaries read; choose another").format(file=args.output),
        )
    document = team.team_summary(args.files, args.min_group)
    if args.format == "pdf":
        from wellbeing_app.services.summary_pdf import write_pdf

        write_pdf(Path(args.output), team_html(document), private=False)  # no personal figures
        return None
    text = render_text(document, args.format)
    if output is not None:
        write_text(output, text, private=False)
        return None
    return text.removesuffix("\n")
