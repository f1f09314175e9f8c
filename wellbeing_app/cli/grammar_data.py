"""The grammar of bringing data in and taking it out: ``schedule rota``, ``import calendar|pings|
shifts|all|undo|list``, ``export-all`` and ``delete-all``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from wellbeing_app.cli import values
from wellbeing_app.cli.parser import Parser
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.time.clock import Clock

DRY_RUN = N_("show what would be written, and write nothing")
CALENDAR_AS = {
    "rota": N_("each event is a working window on its day, in place of the weekly pattern"),
    "oncall": N_("each event is an on-call period"),
    "days-off": N_("each event's days are days off"),
}


def add_rota(actions: argparse._SubParsersAction[Parser], common: Parser, clock: Clock) -> None:
    """``schedule rota add DATE HH:MM HH:MM`` and ``schedule rota clear DATE[..DATE]``."""
    rota = actions.add_parser(
        "rota",
        help=_("working hours for given dates, in place of the weekly pattern"),
        description=_(
            "Dated working windows: on a date with any, they replace the weekly "
            "pattern. A window that ends at or before its start runs past midnight."
        ),
        parents=[common],
    )
    steps = rota.add_subparsers(dest="rota", metavar="STEP", required=True, parser_class=Parser)
    add = steps.add_parser("add", help=_("work DATE from START to END"), parents=[common])
    add.add_argument("date", metavar="DATE", type=values.day(clock))
    add.add_argument("start", metavar="START", type=values.minute_of_day, help=_("HH:MM"))
    add.add_argument(
        "end", metavar="END", type=values.minute_of_day, help=_("HH:MM (before START: next day)")
    )
    clear = steps.add_parser(
        "clear", help=_("remove the dated windows of a day or days"), parents=[common]
    )
    clear.add_argument("dates", metavar="DATE[..DATE]", type=values.days_between(clock))


def add_data_commands(
    commands: argparse._SubParsersAction[Parser], common: Parser, day: Callable[[str], date]
) -> None:
    imports = commands.add_parser(
        "import",
        help=_("bring in a calendar, pings or shifts from CSV, or a full copy"),
        parents=[common],
    )
    kinds = imports.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=Parser)

    calendar = kinds.add_parser(
        "calendar",
        help=_("a rota, on-call periods or days off from an .ics calendar file"),
        description=_(
            "Read events from an iCalendar (.ics) file exported by Outlook, Google "
            "Calendar, Thunderbird and others. One import is one batch: importing the same "
            "calendar again updates its batch, and 'import undo BATCH' removes it."
        ),
        parents=[common],
    )
    calendar.add_argument("file", metavar="FILE", help=_("an .ics file"))
    calendar.add_argument(
        "--as",
        dest="as_",
        required=True,
        choices=list(CALENDAR_AS),
        help="; ".join(f"{name}: {_(meaning)}" for name, meaning in CALENDAR_AS.items()),
    )
    calendar.add_argument(
        "--match", metavar="TEXT", help=_("keep events whose summary or categories contain TEXT")
    )
    calendar.add_argument(
        "--from",
        dest="from_date",
        metavar="DATE",
        type=day,
        help=_("first day (default: a year before today)"),
    )
    calendar.add_argument(
        "--to",
        dest="to_date",
        metavar="DATE",
        type=day,
        help=_("last day, inclusive (default: a year after today)"),
    )
    _report_options(calendar)

    for name, what in (("pings", _("pings")), ("shifts", _("shifts"))):
        csv = kinds.add_parser(
            name,
            help=_("{what} from a CSV file (columns as in 'list {name} --json')").format(
                what=what, name=name
            ),
            parents=[common],
        )
        csv.add_argument("file", metavar="FILE", help=_("a CSV file, UTF-8, with a header row"))
        _report_options(csv)

    everything = kinds.add_parser(
        "all",
        help=_("a full copy from 'export-all', into an empty data folder"),
        parents=[common],
    )
    everything.add_argument("file", metavar="FILE", help=_("a file written by 'export-all'"))
    everything.add_argument("--json", action="store_true", help=_("print the counts as JSON"))

    undo = kinds.add_parser("undo", help=_("remove an imported batch as a whole"), parents=[common])
    undo.add_argument(
        "batch", metavar="BATCH", type=values.record_id, help=_("its number in 'import list'")
    )
    undo.add_argument("--json", action="store_true", help=_("print what was removed as JSON"))
    listing = kinds.add_parser("list", help=_("the calendar imports kept"), parents=[common])
    listing.add_argument("--json", action="store_true", help=_("print one JSON array"))

    export = commands.add_parser(
        "export-all",
        help=_("write every record, private ones included, to one JSON file (your full copy)"),
        parents=[common],
    )
    export.add_argument("-o", dest="output", metavar="FILE", required=True, help=_("the file"))
    delete = commands.add_parser(
        "delete-all",
        help=_("remove every record and every backup, leaving a fresh, empty database"),
        description=_("Asks you to type DELETE first; --yes skips the question (for scripts)."),
        parents=[common],
    )
    delete.add_argument("--yes", action="store_true", help=_("do not ask"))


def _report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help=_(DRY_RUN))
    parser.add_argument("--json", action="store_true", help=_("print the report as JSON"))
