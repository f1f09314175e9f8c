"""The command line's grammar: every command, option and help text, each value typed as parsed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from typing import NoReturn

from wellbeing_app import __version__
from wellbeing_app.cli import grammar_advice as advice
from wellbeing_app.cli import values
from wellbeing_app.core.time.clock import Clock

PROG = "wellbeing-app"
EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2
TIME_HELP = "ISO 8601 time (default: now)"
CLEARS = "an empty value ('') clears it"


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
    day = values.day(clock)
    minutes = values.whole_number(0, 24 * 60, "minutes")

    shift = commands.add_parser(
        "shift",
        help="start, end or check the shift clock, or add a shift that is over",
        parents=[common],
    )
    shift.add_argument("action", choices=["start", "end", "status", "add"])
    shift.add_argument(
        "--at", metavar="TIME", type=instant, help="ISO 8601 time (default: now; not with add)"
    )
    shift.add_argument(
        "--start", metavar="TIME", type=instant, help="add only: when the shift started"
    )
    shift.add_argument("--end", metavar="TIME", type=instant, help="add only: when it ended")
    shift.add_argument("--note", metavar="TEXT", help="a note on the shift (start and add)")

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
    advice.add_advice_options(incident, day, editing=False)

    listing = commands.add_parser("list", help="list what was logged", parents=[common])
    listing.add_argument(
        "what", choices=["shifts", "pings", "incidents", "reflections", "checkins"]
    )
    listing.add_argument(
        "--from", dest="from_date", metavar="DATE", type=day, help="first local day"
    )
    listing.add_argument(
        "--to", dest="to_date", metavar="DATE", type=day, help="last day (inclusive)"
    )
    listing.add_argument("--json", action="store_true", help="print one JSON array")

    _add_corrections(commands, common, instant, minutes, day)
    _add_schedule(commands, common, instant, clock)
    _add_wellbeing(commands, common, day)
    _add_reports(commands, common, day)
    _add_capture(commands, common)
    _add_backup(commands, common)
    from wellbeing_app.cli.grammar_autostart import add_autostart  # they build on Parser
    from wellbeing_app.cli.grammar_data import add_data_commands

    add_data_commands(commands, common, day)
    add_autostart(commands, common)
    return parser


def _add_corrections(
    commands: argparse._SubParsersAction[Parser],
    common: Parser,
    instant: Callable[[str], datetime],
    minutes: Callable[[str], int],
    day: Callable[[str], date],
) -> None:
    """``edit`` and ``delete`` for a shift, ping or incident, by the number ``list`` shows."""
    edit = commands.add_parser(
        "edit",
        help="correct a shift, ping or incident (fields not given keep their values)",
        description="Correct a shift, ping or incident by its number in 'list'. Fields not given "
        "keep their values; an empty text ('') clears it. The rules of logging apply.",
        parents=[common],
    )
    kinds = edit.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=Parser)
    shift = kinds.add_parser("shift", help="a shift's times or note", parents=[common])
    _record_id(shift, "shifts")
    shift.add_argument("--start", metavar="TIME", type=instant, help="ISO 8601 time")
    shift.add_argument(
        "--end", metavar="TIME", type=instant, help="ISO 8601 time (a running shift: 'shift end')"
    )
    shift.add_argument("--note", metavar="TEXT", help=CLEARS)
    ping = kinds.add_parser("ping", help="a ping's time, source, minutes or note", parents=[common])
    _record_id(ping, "pings")
    ping.add_argument("--at", metavar="TIME", type=instant, help="ISO 8601 time")
    ping.add_argument("--source", type=values.source, help="as for 'log ping'")
    ping.add_argument("--minutes", type=minutes, help="minutes spent responding")
    ping.add_argument("--note", metavar="TEXT", help=CLEARS)
    incident = kinds.add_parser("incident", help="any field of an incident", parents=[common])
    _record_id(incident, "incidents")
    incident.add_argument("--at", metavar="TIME", type=instant, help="ISO 8601 time")
    incident.add_argument("--category", type=values.category, help="as for 'log incident'")
    incident.add_argument("--severity", type=values.whole_number(1, 5, "severity"))
    incident.add_argument("--platform", help=CLEARS)
    incident.add_argument("--minutes", type=minutes, help="minutes spent on it")
    incident.add_argument("--summary", metavar="TEXT", help=CLEARS)
    incident.add_argument("--details", metavar="TEXT", help="private; " + CLEARS)
    advice.add_advice_options(incident, day, editing=True)
    for editing in (shift, ping, incident):
        editing.add_argument("--json", action="store_true", help="print the row as 'list --json'")

    delete = commands.add_parser(
        "delete",
        help="delete a shift, ping or incident for good",
        description="Delete a shift, ping or incident by its number in 'list', for good.",
        parents=[common],
    )
    kinds = delete.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=Parser)
    for name in ("shift", "ping", "incident"):
        _record_id(kinds.add_parser(name, help=f"a {name}", parents=[common]), f"{name}s")


def _record_id(parser: argparse.ArgumentParser, listed: str) -> None:
    parser.add_argument(
        "id", metavar="ID", type=values.record_id, help=f"its number in 'list {listed}' (#12)"
    )


def _add_schedule(
    commands: argparse._SubParsersAction[Parser],
    common: Parser,
    instant: Callable[[str], datetime],
    clock: Clock,
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
    set_.add_argument(
        "--tz",
        metavar="ZONE",
        type=values.zone,
        help="IANA zone of the whole new version (default: the zone of the schedule in force "
        "on --from, or the system's when there is none)",
    )
    set_.add_argument(
        "--from",
        dest="from_date",
        metavar="DATE",
        type=values.day(clock),
        help="default: today; later versions get these days too unless they set them",
    )
    show = actions.add_parser(
        "show", help="the schedule, the rota, days off and on call", parents=[common]
    )
    show.add_argument("--json", action="store_true", help="print one JSON object")
    off = actions.add_parser("off", help="a day or days off", parents=[common])
    off.add_argument("dates", metavar="DATE[..DATE]", type=values.days_between(clock))
    oncall = actions.add_parser("oncall", help="an on-call period", parents=[common])
    oncall.add_argument("start", metavar="START", type=instant, help="ISO 8601 time")
    oncall.add_argument("end", metavar="END", type=instant, help="ISO 8601 time")
    from wellbeing_app.cli.grammar_data import add_rota

    add_rota(actions, common, clock)

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
    day: Callable[[str], date],
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
    reflect.add_argument("--date", metavar="DATE", type=day, help="default: today")
    checkin = commands.add_parser("checkin", help="the WHO-5 well-being check", parents=[common])
    checkin.add_argument("instrument", choices=["who5"])
    checkin.add_argument(
        "answers",
        nargs=5,
        # One plain metavar: Python 3.11's argparse crashes on a tuple one when answers are missing.
        metavar="ANSWER",
        help="the five answers in order, each 0 (at no time) to 5 (all of the time)",
    )
    checkin.add_argument("--date", metavar="DATE", type=day, help="default: today")
    checkin.add_argument("--json", action="store_true", help="print raw, score, low and low_answer")


def _add_reports(
    commands: argparse._SubParsersAction[Parser],
    common: Parser,
    day: Callable[[str], date],
) -> None:
    summary = commands.add_parser(
        "summary",
        help="a workload summary for your manager: aggregates only, yours to check first",
        parents=[common],
    )
    summary.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        type=day,
        help="first day (default: the Monday 4 full weeks ago)",
    )
    summary.add_argument(
        "--to", dest="end", metavar="DATE", type=day, help="last day (default: today)"
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
    advice.add_advice_opt_in(summary)
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


def _add_capture(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """``capture``: counting work notifications (Linux), done by the tray app while it runs."""
    from wellbeing_app.core.capture.apps import check_app, check_target

    capture = commands.add_parser(
        "capture",
        help="count work notifications from the desktop (Linux): on, off, status, apps, map",
        parents=[common],
    )
    actions = capture.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=Parser
    )
    actions.add_parser("on", help="count work apps' notifications as pings", parents=[common])
    actions.add_parser("off", help="stop counting; log pings by hand", parents=[common])
    for name, what in (("status", "on, off or paused, and today's count"), ("apps", "mappings")):
        shown = actions.add_parser(name, help=what, parents=[common])
        shown.add_argument("--json", action="store_true", help="print one JSON object")
    actions.choices["apps"].description = "The mappings, and the apps seen since Wellbeing started."
    mapping = actions.add_parser(
        "map", help="count an app's notifications as a source, or ignore them", parents=[common]
    )
    mapping.add_argument("app", metavar="APP", type=values.checked(check_app))
    mapping.add_argument(
        "source",
        metavar="SOURCE",
        type=values.checked(check_target),
        help="as for 'log ping' (slack, teams, email, ... or an app name), ignore, or default",
    )


def _add_backup(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """``backup`` makes one now; ``backup list``; ``backup restore FILE``."""
    backup = commands.add_parser(
        "backup",
        help="back up the database now, list the backups, or restore one",
        description="Without ACTION: make a checked backup now (one is made every day anyway, "
        "in the data folder's backups/).",
        parents=[common],
    )
    backup.add_argument("--json", action="store_true", help="print the backup made as JSON")
    actions = backup.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    listing = actions.add_parser("list", help="the backups, newest first", parents=[common])
    listing.add_argument("--json", action="store_true", help="print one JSON array")
    restore = actions.add_parser(
        "restore",
        help="put a backup in place of the database (the current file is kept aside)",
        parents=[common],
    )
    restore.add_argument("file", metavar="FILE", help="a backup, as 'backup list' shows it")
