"""The grammar of reports and trying the app out: ``summary`` (your workload for your manager),
``team-summary`` (members' summaries merged) and ``demo`` (made-up history)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from wellbeing_app.cli import grammar_advice as advice
from wellbeing_app.cli import values
from wellbeing_app.cli.parser import Parser
from wellbeing_app.core.language import _


def add_reports(
    commands: argparse._SubParsersAction[Parser],
    common: Parser,
    day: Callable[[str], date],
) -> None:
    """``summary``, ``team-summary`` and ``demo``."""
    summary = commands.add_parser(
        "summary",
        help=_("a workload summary for your manager: aggregates only, yours to check first"),
        parents=[common],
    )
    summary.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        type=day,
        help=_("first day (default: the Monday 4 full weeks ago)"),
    )
    summary.add_argument(
        "--to", dest="end", metavar="DATE", type=day, help=_("last day (default: today)")
    )
    summary.add_argument("--format", required=True, choices=["pdf", "csv", "json", "md"])
    summary.add_argument(
        "-o", dest="output", metavar="FILE", help=_("write FILE (text formats print otherwise)")
    )
    summary.add_argument(
        "--include-wellbeing",
        action="store_true",
        help=_("add your WHO-5, mood and stress figures (left out unless you ask)"),
    )
    advice.add_advice_opt_in(summary)
    summary.add_argument(
        "--note", metavar="TEXT", type=values.summary_note, help=_("what you are asking for")
    )

    team = commands.add_parser(
        "team-summary",
        help=_("merge members' JSON summaries of one period into team totals (no database used)"),
    )
    team.add_argument(
        "files", nargs="+", metavar="FILE", help=_("a member's 'summary --format json' file")
    )
    team.add_argument(
        "--min-group",
        metavar="N",
        type=int,
        default=5,
        help=_("show breakdowns only for at least N members (5 or more; default: 5)"),
    )
    team.add_argument("--format", required=True, choices=["pdf", "json", "md"])
    team.add_argument(
        "-o", dest="output", metavar="FILE", help=_("write FILE (text formats print otherwise)")
    )

    demo = commands.add_parser(
        "demo",
        help=_("fill a new, empty database with made-up history to try the app"),
        parents=[common],
    )
    demo.add_argument(
        "--years",
        metavar="N",
        type=values.whole_number(1, 20, "years"),
        default=1,
        help=_("years of history up to now, 1-20 (default: 1)"),
    )
    demo.add_argument(
        "--seed",
        metavar="N",
        type=values.whole_number(0, 2**31 - 1, "seed"),
        default=7,
        help=_("the same seed gives the same history (default: 7)"),
    )
