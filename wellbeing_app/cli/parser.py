"""The command line's grammar: every command, option and help text, each value typed as parsed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from typing import NoReturn

from wellbeing_app import __version__
from wellbeing_app.cli import values
from wellbeing_app.core.time.clock import Clock

PROG = "wellbeing-app"
EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2
TIME_HELP = "ISO 8601 time (default: now)"


class Parser(argparse.ArgumentParser):
    """Reports bad input as one line on stderr, naming the argument, with exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{PROG}: {message}\n")


def build_parser(clock: Clock) -> argparse.ArgumentParser:
    """The whole command line; times are read against ``clock`` (its now and its zone)."""
    common = Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep the database in DIR (default: $WELLBEING_APP_DATA_DIR or the user data folder)",
    )
    parser = Parser(
        prog=PROG,
        description="Track shifts, after-hours pings and incidents. You are not your brand.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    instant = values.instant(clock)
    minutes = values.whole_number(0, 24 * 60, "minutes")

    shift = commands.add_parser(
        "shift", help="start, end or check the shift clock", parents=[common]
    )
    shift.add_argument("action", choices=["start", "end", "status"])
    shift.add_argument("--at", metavar="TIME", type=instant, help=TIME_HELP)
    shift.add_argument("--note", metavar="TEXT", help="a note on the shift (start only)")

    log = commands.add_parser("log", help="log a ping or an incident", parents=[common])
    kinds = log.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=Parser)
    ping = kinds.add_parser("ping", help="a work contact that reached you", parents=[common])
    ping.add_argument(
        "--source",
        required=True,
        type=values.source,
        help="slack, teams, email, phone, social_dm, "
        "social_mention, other, or an app name such as discord",
    )
    ping.add_argument("--at", metavar="TIME", type=instant, help=TIME_HELP)
    ping.add_argument("--minutes", type=minutes, default=0, help="minutes spent responding")
    ping.add_argument("--note", metavar="TEXT")
    incident = kinds.add_parser("incident", help="a stressful incident", parents=[common])
    incident.add_argument(
        "--category",
        required=True,
        type=values.category,
        help="harassment, crisis, "
        "customer_escalation, distressing_content, threats, "
        "internal_pressure or other",
    )
    incident.add_argument("--severity", required=True, type=values.whole_number(1, 5, "severity"))
    incident.add_argument("--platform", help="where it happened, e.g. instagram")
    incident.add_argument("--minutes", type=minutes, default=0, help="minutes spent on it")
    incident.add_argument("--at", metavar="TIME", type=instant, help=TIME_HELP)
    incident.add_argument("--summary", metavar="TEXT", help="one short line")
    incident.add_argument("--details", metavar="TEXT", help="private details (never exported)")

    listing = commands.add_parser("list", help="list what was logged", parents=[common])
    listing.add_argument(
        "what", choices=["shifts", "pings", "incidents", "reflections", "checkins"]
    )
    listing.add_argument(
        "--from", dest="from_date", metavar="DATE", type=values.day, help="first local day"
    )
    listing.add_argument(
        "--to", dest="to_date", metavar="DATE", type=values.day, help="last day (inclusive)"
    )
    listing.add_argument("--json", action="store_true", help="print one JSON array")

    _add_schedule(commands, common, instant)
    _add_wellbeing(commands, common, instant)
    _add_reports(commands, common)
    return parser


def _add_schedule(
    commands: argparse._SubParsersAction[Parser],
    common: Parser,
    instant: Callable[[str], datetime],
) -> None:
    schedule = commands.add_parser("schedule", help="your working schedule", parents=[common])
    actions = schedule.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=Parser
    )
    set_ = actions.add_parser(
        "set", help="work these days from start to end (other days stay)", parents=[common]
    )
    set_.add_argument("--days", required=True, type=values.weekdays, help="e.g. mon-fri, sat,sun")
    set_.add_argument("--start", required=True, metavar="HH:MM", type=values.minute_of_day)
    set_.add_argument(
        "--end",
        required=True,
        metavar="HH:MM",
        type=values.minute_of_day,
        help="before start: next day",
    )
    set_.add_argument("--tz", metavar="ZONE", type=values.zone, help="IANA zone (default: system)")
    set_.add_argument(
        "--from", dest="from_date", metavar="DATE", type=values.day, help="default: today"
    )
    show = actions.add_parser("show", help="the schedule, days off and on call", parents=[common])
    show.add_argument("--json", action="store_true", help="print one JSON object")
    off = actions.add_parser("off", help="a day or days off", parents=[common])
    off.add_argument("dates", metavar="DATE[..DATE]", type=values.days_between)
    oncall = actions.add_parser("oncall", help="an on-call period", parents=[common])
    oncall.add_argument("start", metavar="START", type=instant, help="ISO 8601 time")
    oncall.add_argument("end", metavar="END", type=instant, help="ISO 8601 time")

    reminders = commands.add_parser(
        "reminders", help="the reminders planned for the next 24 hours", parents=[common]
    )
    reminders.add_argument(
        "--now", metavar="TIME", type=instant, help="plan as if it were TIME (ISO 8601)"
    )
    reminders.add_argument("--json", action="store_true", help="print one JSON array")


def _add_wellbeing(
    commands: argparse._SubParsersAction[Parser],
    common: Parser,
    instant: Callable[[str], datetime],
) -> None:
    reflect = commands.add_parser("reflect", help="the end-of-day reflection", parents=[common])
    reflect.add_argument("--mood", required=True, type=values.whole_number(1, 5, "mood"))
    reflect.add_argument("--energy", required=True, type=values.whole_number(1, 5, "energy"))
    reflect.add_argument("--stress", required=True, type=values.whole_number(0, 10, "stress"))
    reflect.add_argument(
        "--detach",
        type=values.whole_number(1, 5, "detach"),
        help="how much the brand weighed on you",
    )
    reflect.add_argument("--went-well", metavar="TEXT")
    reflect.add_argument("--leave", metavar="TEXT", help="hand-off items, one per line")
    reflect.add_argument("--tonight", metavar="TEXT", help="one thing for you tonight")
    reflect.add_argument("--date", metavar="DATE", type=values.day, help="default: today")
    checkin = commands.add_parser("checkin", help="the WHO-5 well-being check", parents=[common])
    checkin.add_argument("instrument", choices=["who5"])
    checkin.add_argument(
        "answers",
        nargs=5,
        # One plain metavar: Python 3.11's argparse crashes on a tuple one when answers are missing.
        metavar="ANSWER",
        help="the five answers in order, each 0 (at no time) to 5 (all of the time)",
    )
    checkin.add_argument("--date", metavar="DATE", type=values.day, help="default: today")
    checkin.add_argument("--json", action="store_true", help="print raw, score and low")


def _add_reports(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    summary = commands.add_parser(
        "summary",
        help="a workload summary for your manager: aggregates only, yours to check first",
        parents=[common],
    )
    summary.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        type=values.day,
        help="first day (default: the Monday 4 full weeks ago)",
    )
    summary.add_argument(
        "--to", dest="end", metavar="DATE", type=values.day, help="last day (default: today)"
    )
    summary.add_argument("--format", required=True, choices=["pdf", "csv", "json", "md"])
    summary.add_argument(
        "-o", dest="output", metavar="FILE", help="write FILE (text formats print otherwise)"
    )
    summary.add_argument(
        "--include-wellbeing",
        action="store_true",
        help="add your WHO-5, mood and stress figures (left out unless you ask)",
    )
    summary.add_argument(
        "--note", metavar="TEXT", type=values.summary_note, help="what you are asking for"
    )

    team = commands.add_parser(
        "team-summary",
        help="merge members' JSON summaries of one period into team totals (no database used)",
    )
    team.add_argument(
        "files", nargs="+", metavar="FILE", help="a member's 'summary --format json' file"
    )
    team.add_argument(
        "--min-group",
        metavar="N",
        type=int,
        default=5,
        help="show breakdowns only for at least N members (5 or more; default: 5)",
    )
    team.add_argument("--format", required=True, choices=["pdf", "json", "md"])
    team.add_argument(
        "-o", dest="output", metavar="FILE", help="write FILE (text formats print otherwise)"
    )

    demo = commands.add_parser(
        "demo",
        help="fill a new, empty database with made-up history to try the app",
        parents=[common],
    )
    demo.add_argument(
        "--years",
        metavar="N",
        type=values.whole_number(1, 20, "years"),
        default=1,
        help="years of history up to now, 1-20 (default: 1)",
    )
    demo.add_argument(
        "--seed",
        metavar="N",
        type=values.whole_number(0, 2**31 - 1, "seed"),
        default=7,
        help="the same seed gives the same history (default: 7)",
    )
