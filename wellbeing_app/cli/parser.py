"""The command line's grammar: every command, option and help text, each value typed as parsed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from typing import NoReturn

from wellbeing_app import __version__
from wellbeing_app.cli import grammar_advice as advice
from wellbeing_app.cli import values
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.time.clock import Clock

PROG = "wellbeing-app"
EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2
TIME_HELP = N_("ISO 8601 time (default: now)")
CLEARS = N_("an empty value ('') clears it")
# TRANSLATORS: the help of 'delete shift', 'delete ping' and 'delete incident'
DELETED = {"shift": N_("a shift"), "ping": N_("a ping"), "incident": N_("a incident")}


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
        help=_(
            "keep the database in DIR (default: $WELLBEING_APP_DATA_DIR or the user data folder)"
        ),
    )
    parser = Parser(
        prog=PROG,
        description=_("Track shifts, after-hours pings and incidents. You are not your brand."),
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    instant = values.instant(clock)
    day = values.day(clock)
    minutes = values.whole_number(0, 24 * 60, "minutes")

    shift = commands.add_parser(
        "shift",
        help=_("start, end or check the shift clock, or add a shift that is over"),
        parents=[common],
    )
    shift.add_argument("action", choices=["start", "end", "status", "add"])
    shift.add_argument(
        "--at", metavar="TIME", type=instant, help=_("ISO 8601 time (default: now; not with add)")
    )
    shift.add_argument(
        "--start", metavar="TIME", type=instant, help=_("add only: when the shift started")
    )
    shift.add_argument("--end", metavar="TIME", type=instant, help=_("add only: when it ended"))
    shift.add_argument("--note", metavar="TEXT", help=_("a note on the shift (start and add)"))

    log = commands.add_parser("log", help=_("log a ping or an incident"), parents=[common])
    kinds = log.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=Parser)
    ping = kinds.add_parser("ping", help=_("a work contact that reached you"), parents=[common])
    ping.add_argument(
        "--source",
        required=True,
        type=values.source,
        # TRANSLATORS: the values are typed as they are: translate only the other words
        help=_(
            "slack, teams, email, phone, social_dm, "
            "social_mention, other, or an app name such as discord"
        ),
    )
    ping.add_argument("--at", metavar="TIME", type=instant, help=_(TIME_HELP))
    ping.add_argument("--minutes", type=minutes, default=0, help=_("minutes spent responding"))
    ping.add_argument("--note", metavar="TEXT")
    incident = kinds.add_parser("incident", help=_("a stressful incident"), parents=[common])
    incident.add_argument(
        "--category",
        required=True,
        type=values.category,
        # TRANSLATORS: the values are typed as they are: translate only the other words
        help=_(
            "harassment, crisis, "
            "customer_escalation, distressing_content, threats, "
            "internal_pressure or other"
        ),
    )
    incident.add_argument("--severity", required=True, type=values.whole_number(1, 5, "severity"))
    incident.add_argument("--platform", help=_("where it happened, e.g. instagram"))
    incident.add_argument("--minutes", type=minutes, default=0, help=_("minutes spent on it"))
    incident.add_argument("--at", metavar="TIME", type=instant, help=_(TIME_HELP))
    incident.add_argument("--summary", metavar="TEXT", help=_("one short line"))
    incident.add_argument("--details", metavar="TEXT", help=_("private details (never exported)"))
    advice.add_advice_options(incident, day, editing=False)

    listing = commands.add_parser("list", help=_("list what was logged"), parents=[common])
    listing.add_argument(
        "what", choices=["shifts", "pings", "incidents", "reflections", "checkins"]
    )
    listing.add_argument(
        "--from", dest="from_date", metavar="DATE", type=day, help=_("first local day")
    )
    listing.add_argument(
        "--to", dest="to_date", metavar="DATE", type=day, help=_("last day (inclusive)")
    )
    listing.add_argument("--json", action="store_true", help=_("print one JSON array"))

    _add_corrections(commands, common, instant, minutes, day)
    _add_schedule(commands, common, instant, clock)
    _add_wellbeing(commands, common, day)
    from wellbeing_app.cli.grammar_reports import add_reports  # they build on Parser

    add_reports(commands, common, day)
    _add_capture(commands, common)
    _add_backup(commands, common)
    from wellbeing_app.cli.grammar_autostart import add_autostart
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
        help=_("correct a shift, ping or incident (fields not given keep their values)"),
        description=_(
            "Correct a shift, ping or incident by its number in 'list'. Fields not given "
            "keep their values; an empty text ('') clears it. The rules of logging apply."
        ),
        parents=[common],
    )
    kinds = edit.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=Parser)
    shift = kinds.add_parser("shift", help=_("a shift's times or note"), parents=[common])
    _record_id(shift, "shifts")
    shift.add_argument("--start", metavar="TIME", type=instant, help=_("ISO 8601 time"))
    shift.add_argument(
        "--end",
        metavar="TIME",
        type=instant,
        help=_("ISO 8601 time (a running shift: 'shift end')"),
    )
    shift.add_argument("--note", metavar="TEXT", help=_(CLEARS))
    ping = kinds.add_parser(
        "ping", help=_("a ping's time, source, minutes or note"), parents=[common]
    )
    _record_id(ping, "pings")
    ping.add_argument("--at", metavar="TIME", type=instant, help=_("ISO 8601 time"))
    ping.add_argument("--source", type=values.source, help=_("as for 'log ping'"))
    ping.add_argument("--minutes", type=minutes, help=_("minutes spent responding"))
    ping.add_argument("--note", metavar="TEXT", help=_(CLEARS))
    incident = kinds.add_parser("incident", help=_("any field of an incident"), parents=[common])
    _record_id(incident, "incidents")
    incident.add_argument("--at", metavar="TIME", type=instant, help=_("ISO 8601 time"))
    incident.add_argument("--category", type=values.category, help=_("as for 'log incident'"))
    incident.add_argument("--severity", type=values.whole_number(1, 5, "severity"))
    incident.add_argument("--platform", help=_(CLEARS))
    incident.add_argument("--minutes", type=minutes, help=_("minutes spent on it"))
    incident.add_argument("--summary", metavar="TEXT", help=_(CLEARS))
    incident.add_argument(
        "--details", metavar="TEXT", help=_("private; an empty value ('') clears it")
    )
    advice.add_advice_options(incident, day, editing=True)
    for editing in (shift, ping, incident):
        editing.add_argument(
            "--json", action="store_true", help=_("print the row as 'list --json'")
        )

    delete = commands.add_parser(
        "delete",
        help=_("delete a shift, ping or incident for good"),
        description=_("Delete a shift, ping or incident by its number in 'list', for good."),
        parents=[common],
    )
    kinds = delete.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=Parser)
    for name in ("shift", "ping", "incident"):
        _record_id(kinds.add_parser(name, help=_(DELETED[name]), parents=[common]), f"{name}s")


def _record_id(parser: argparse.ArgumentParser, listed: str) -> None:
    parser.add_argument(
        "id",
        metavar="ID",
        type=values.record_id,
        # TRANSLATORS: {listed} is the command word: shifts, pings or incidents
        help=_("its number in 'list {listed}' (#12)").format(listed=listed),
    )


def _add_schedule(
    commands: argparse._SubParsersAction[Parser],
    common: Parser,
    instant: Callable[[str], datetime],
    clock: Clock,
) -> None:
    schedule = commands.add_parser("schedule", help=_("your working schedule"), parents=[common])
    actions = schedule.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=Parser
    )
    set_ = actions.add_parser(
        "set", help=_("work these days from start to end (other days stay)"), parents=[common]
    )
    set_.add_argument(
        "--days", required=True, type=values.weekdays, help=_("e.g. mon-fri, sat,sun")
    )
    set_.add_argument("--start", required=True, metavar="HH:MM", type=values.minute_of_day)
    set_.add_argument(
        "--end",
        required=True,
        metavar="HH:MM",
        type=values.minute_of_day,
        help=_("before start: next day"),
    )
    set_.add_argument(
        "--tz",
        metavar="ZONE",
        type=values.zone,
        help=_(
            "IANA zone of the whole new version (default: the zone of the schedule in force "
            "on --from, or the system's when there is none)"
        ),
    )
    set_.add_argument(
        "--from",
        dest="from_date",
        metavar="DATE",
        type=values.day(clock),
        help=_("default: today; later versions get these days too unless they set them"),
    )
    show = actions.add_parser(
        "show", help=_("the schedule, the rota, days off and on call"), parents=[common]
    )
    show.add_argument("--json", action="store_true", help=_("print one JSON object"))
    off = actions.add_parser("off", help=_("a day or days off"), parents=[common])
    off.add_argument("dates", metavar="DATE[..DATE]", type=values.days_between(clock))
    oncall = actions.add_parser("oncall", help=_("an on-call period"), parents=[common])
    oncall.add_argument("start", metavar="START", type=instant, help=_("ISO 8601 time"))
    oncall.add_argument("end", metavar="END", type=instant, help=_("ISO 8601 time"))
    from wellbeing_app.cli.grammar_data import add_rota

    add_rota(actions, common, clock)

    reminders = commands.add_parser(
        "reminders", help=_("the reminders planned for the next 24 hours"), parents=[common]
    )
    reminders.add_argument(
        "--now", metavar="TIME", type=instant, help=_("plan as if it were TIME (ISO 8601)")
    )
    reminders.add_argument("--json", action="store_true", help=_("print one JSON array"))


def _add_wellbeing(
    commands: argparse._SubParsersAction[Parser],
    common: Parser,
    day: Callable[[str], date],
) -> None:
    reflect = commands.add_parser("reflect", help=_("the end-of-day reflection"), parents=[common])
    reflect.add_argument("--mood", required=True, type=values.whole_number(1, 5, "mood"))
    reflect.add_argument("--energy", required=True, type=values.whole_number(1, 5, "energy"))
    reflect.add_argument("--stress", required=True, type=values.whole_number(0, 10, "stress"))
    reflect.add_argument(
        "--detach",
        type=values.whole_number(1, 5, "detach"),
        help=_("how much the brand weighed on you"),
    )
    reflect.add_argument("--went-well", metavar="TEXT")
    reflect.add_argument("--leave", metavar="TEXT", help=_("hand-off items, one per line"))
    reflect.add_argument("--tonight", metavar="TEXT", help=_("one thing for you tonight"))
    reflect.add_argument("--date", metavar="DATE", type=day, help=_("default: today"))
    checkin = commands.add_parser("checkin", help=_("the WHO-5 well-being check"), parents=[common])
    checkin.add_argument("instrument", choices=["who5"])
    checkin.add_argument(
        "answers",
        nargs=5,
        # One plain metavar: Python 3.11's argparse crashes on a tuple one when answers are missing.
        metavar="ANSWER",
        help=_("the five answers in order, each 0 (at no time) to 5 (all of the time)"),
    )
    checkin.add_argument("--date", metavar="DATE", type=day, help=_("default: today"))
    checkin.add_argument(
        "--json", action="store_true", help=_("print raw, score, low and low_answer")
    )


def _add_capture(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """``capture``: counting work notifications (Linux), done by the tray app while it runs."""
    from wellbeing_app.core.capture.apps import check_app, check_target

    capture = commands.add_parser(
        "capture",
        help=_("count work notifications from the desktop (Linux): on, off, status, apps, map"),
        parents=[common],
    )
    actions = capture.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=Parser
    )
    actions.add_parser("on", help=_("count work apps' notifications as pings"), parents=[common])
    actions.add_parser("off", help=_("stop counting; log pings by hand"), parents=[common])
    for name, what in (
        ("status", _("on, off or paused, and today's count")),
        ("apps", _("mappings")),
    ):
        shown = actions.add_parser(name, help=what, parents=[common])
        shown.add_argument("--json", action="store_true", help=_("print one JSON object"))
    actions.choices["apps"].description = _(
        "The mappings, and the apps seen since Wellbeing started."
    )
    mapping = actions.add_parser(
        "map", help=_("count an app's notifications as a source, or ignore them"), parents=[common]
    )
    mapping.add_argument("app", metavar="APP", type=values.checked(check_app))
    mapping.add_argument(
        "source",
        metavar="SOURCE",
        type=values.checked(check_target),
        help=_("as for 'log ping' (slack, teams, email, ... or an app name), ignore, or default"),
    )


def _add_backup(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """``backup`` makes one now; ``backup list``; ``backup restore FILE``."""
    backup = commands.add_parser(
        "backup",
        help=_("back up the database now, list the backups, or restore one"),
        description=_(
            "Without ACTION: make a checked backup now (one is made every day anyway, "
            "in the data folder's backups/)."
        ),
        parents=[common],
    )
    backup.add_argument("--json", action="store_true", help=_("print the backup made as JSON"))
    actions = backup.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    listing = actions.add_parser("list", help=_("the backups, newest first"), parents=[common])
    listing.add_argument("--json", action="store_true", help=_("print one JSON array"))
    restore = actions.add_parser(
        "restore",
        help=_("put a backup in place of the database (the current file is kept aside)"),
        parents=[common],
    )
    restore.add_argument("file", metavar="FILE", help=_("a backup, as 'backup list' shows it"))
