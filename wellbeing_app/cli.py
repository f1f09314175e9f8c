"""The command line: ``wellbeing-app`` alone starts the tray app; subcommands log and list.

This path imports no Qt, and the database layer only once a subcommand needs it, so a
keyboard shortcut bound to ``wellbeing-app log ping --source slack`` returns quickly.
Exit status: 0 done, 1 refused (e.g. no shift running, unusable database), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from wellbeing_app import __version__

if TYPE_CHECKING:
    from wellbeing_app.core.errors import ValidationError
    from wellbeing_app.core.time.clock import Clock

PROG = "wellbeing-app"
EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """Reports bad input as one line on stderr, naming the argument, with exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{PROG}: {message}\n")


def _whole_number(low: int, high: int, what: str) -> Any:
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} must be {low}-{high}, got {value}")
        return value

    return convert


def _valid(check: Callable[[str], object]) -> Callable[[str], str]:
    """Check a value while parsing, so bad input is refused before the database is opened.

    The text itself is passed on; the command parses it again where it is used.
    """

    def convert(text: str) -> str:
        from wellbeing_app.core.errors import ValidationError

        try:
            check(text)
        except ValidationError as exc:
            raise argparse.ArgumentTypeError(exc.message) from None
        return text

    return convert


def _time(text: str) -> object:
    from wellbeing_app.core.time.clock import SystemClock
    from wellbeing_app.core.time.local_time import parse_time

    clock = SystemClock()
    return parse_time(text, clock.now(), clock.zone())


def _date(text: str) -> object:
    from wellbeing_app.core.time.local_time import parse_date

    return parse_date(text)


def _date_range(text: str) -> object:
    first, _, last = text.partition("..")
    return _date(first), (_date(last) if last else None)


def _source(text: str) -> object:
    from wellbeing_app.core.records.pings import check_source

    return check_source(text)


def _category(text: str) -> object:
    from wellbeing_app.core.records.incidents import check_category

    return check_category(text)


def _days(text: str) -> object:
    from wellbeing_app.core.schedule.weekly import parse_days

    return parse_days(text)


def _clock(text: str) -> object:
    from wellbeing_app.core.schedule.weekly import parse_clock

    return parse_clock(text, "time")


def _note(text: str) -> object:
    from wellbeing_app.core.reports.summary import check_note

    return check_note(text)


def _zone(text: str) -> object:
    from wellbeing_app.core.schedule.weekly import check_zone

    return check_zone(text)


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep the database in DIR (default: $WELLBEING_APP_DATA_DIR or the user data folder)",
    )
    parser = _Parser(
        prog=PROG,
        description="Track shifts, after-hours pings and incidents. You are not your brand.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    shift = commands.add_parser(
        "shift", help="start, end or check the shift clock", parents=[common]
    )
    shift.add_argument("action", choices=["start", "end", "status"])
    shift.add_argument(
        "--at", metavar="TIME", type=_valid(_time), help="ISO 8601 time (default: now)"
    )
    shift.add_argument("--note", metavar="TEXT", help="a note on the shift (start only)")

    log = commands.add_parser("log", help="log a ping or an incident", parents=[common])
    kinds = log.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=_Parser)
    minutes = _whole_number(0, 24 * 60, "minutes")
    ping = kinds.add_parser("ping", help="a work contact that reached you", parents=[common])
    ping.add_argument(
        "--source",
        required=True,
        type=_valid(_source),
        help="slack, teams, email, phone, social_dm, "
        "social_mention, other, or an app name such as discord",
    )
    ping.add_argument(
        "--at", metavar="TIME", type=_valid(_time), help="ISO 8601 time (default: now)"
    )
    ping.add_argument("--minutes", type=minutes, default=0, help="minutes spent responding")
    ping.add_argument("--note", metavar="TEXT")
    incident = kinds.add_parser("incident", help="a stressful incident", parents=[common])
    incident.add_argument(
        "--category",
        required=True,
        type=_valid(_category),
        help="harassment, crisis, "
        "customer_escalation, distressing_content, threats, "
        "internal_pressure or other",
    )
    incident.add_argument("--severity", required=True, type=_whole_number(1, 5, "severity"))
    incident.add_argument("--platform", help="where it happened, e.g. instagram")
    incident.add_argument("--minutes", type=minutes, default=0, help="minutes spent on it")
    incident.add_argument(
        "--at", metavar="TIME", type=_valid(_time), help="ISO 8601 time (default: now)"
    )
    incident.add_argument("--summary", metavar="TEXT", help="one short line")
    incident.add_argument("--details", metavar="TEXT", help="private details (never exported)")

    listing = commands.add_parser("list", help="list what was logged", parents=[common])
    listing.add_argument(
        "what", choices=["shifts", "pings", "incidents", "reflections", "checkins"]
    )
    listing.add_argument(
        "--from", dest="from_date", metavar="DATE", type=_valid(_date), help="first local day"
    )
    listing.add_argument(
        "--to", dest="to_date", metavar="DATE", type=_valid(_date), help="last day (inclusive)"
    )
    listing.add_argument("--json", action="store_true", help="print one JSON array")

    schedule = commands.add_parser("schedule", help="your working schedule", parents=[common])
    actions = schedule.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    set_ = actions.add_parser(
        "set", help="work these days from start to end (other days stay)", parents=[common]
    )
    set_.add_argument("--days", required=True, type=_valid(_days), help="e.g. mon-fri, sat,sun")
    set_.add_argument("--start", required=True, metavar="HH:MM", type=_valid(_clock))
    set_.add_argument(
        "--end", required=True, metavar="HH:MM", type=_valid(_clock), help="before start: next day"
    )
    set_.add_argument(
        "--tz", metavar="ZONE", type=_valid(_zone), help="IANA zone (default: system)"
    )
    set_.add_argument(
        "--from", dest="from_date", metavar="DATE", type=_valid(_date), help="default: today"
    )
    show = actions.add_parser("show", help="the schedule, days off and on call", parents=[common])
    show.add_argument("--json", action="store_true", help="print one JSON object")
    off = actions.add_parser("off", help="a day or days off", parents=[common])
    off.add_argument("dates", metavar="DATE[..DATE]", type=_valid(_date_range))
    oncall = actions.add_parser("oncall", help="an on-call period", parents=[common])
    oncall.add_argument("start", metavar="START", type=_valid(_time), help="ISO 8601 time")
    oncall.add_argument("end", metavar="END", type=_valid(_time), help="ISO 8601 time")

    reflect = commands.add_parser("reflect", help="the end-of-day reflection", parents=[common])
    reflect.add_argument("--mood", required=True, type=_whole_number(1, 5, "mood"))
    reflect.add_argument("--energy", required=True, type=_whole_number(1, 5, "energy"))
    reflect.add_argument("--stress", required=True, type=_whole_number(0, 10, "stress"))
    reflect.add_argument(
        "--detach", type=_whole_number(1, 5, "detach"), help="how much the brand weighed on you"
    )
    reflect.add_argument("--went-well", metavar="TEXT")
    reflect.add_argument("--leave", metavar="TEXT", help="hand-off items, one per line")
    reflect.add_argument("--tonight", metavar="TEXT", help="one thing for you tonight")
    reflect.add_argument("--date", metavar="DATE", type=_valid(_date), help="default: today")
    checkin = commands.add_parser("checkin", help="the WHO-5 well-being check", parents=[common])
    checkin.add_argument("instrument", choices=["who5"])
    checkin.add_argument(
        "answers",
        nargs=5,
        # One plain metavar: Python 3.11's argparse crashes on a tuple one when answers are missing.
        metavar="ANSWER",
        help="the five answers in order, each 0 (at no time) to 5 (all of the time)",
    )
    checkin.add_argument("--date", metavar="DATE", type=_valid(_date), help="default: today")
    checkin.add_argument("--json", action="store_true", help="print raw, score and low")

    reminders = commands.add_parser(
        "reminders", help="the reminders planned for the next 24 hours", parents=[common]
    )
    reminders.add_argument(
        "--now", metavar="TIME", type=_valid(_time), help="plan as if it were TIME (ISO 8601)"
    )
    reminders.add_argument("--json", action="store_true", help="print one JSON array")

    summary = commands.add_parser(
        "summary",
        help="a workload summary for your manager: aggregates only, yours to check first",
        parents=[common],
    )
    summary.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        type=_valid(_date),
        help="first day (default: the Monday 4 full weeks ago)",
    )
    summary.add_argument(
        "--to", dest="end", metavar="DATE", type=_valid(_date), help="last day (default: today)"
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
        "--note", metavar="TEXT", type=_valid(_note), help="what you are asking for"
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
        type=_whole_number(1, 20, "years"),
        default=1,
        help="years of history up to now, 1-20 (default: 1)",
    )
    demo.add_argument(
        "--seed",
        metavar="N",
        type=_whole_number(0, 2**31 - 1, "seed"),
        default=7,
        help="the same seed gives the same history (default: 7)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = getattr(args, "data_dir", None)
    if data_dir is not None and not data_dir.strip():
        parser.error("--data-dir: is empty; give a folder, or leave the option out")
    if args.command is None:
        from wellbeing_app.app import run_app

        return run_app(data_dir)

    from wellbeing_app.core.errors import StorageError, ValidationError, WellbeingError
    from wellbeing_app.core.store.database import open_database
    from wellbeing_app.core.store.paths import resolve_paths
    from wellbeing_app.core.time.clock import SystemClock

    if args.command == "team-summary":  # reads members' files only: no database is opened
        from wellbeing_app.cli_commands import team_summary

        try:
            output = team_summary(args)
        except ValidationError as exc:  # names the file or option as typed
            return _fail(str(exc), EXIT_BAD_INPUT)
        except WellbeingError as exc:
            return _fail(str(exc), EXIT_REFUSED)
        try:
            if output is not None:
                print(output, flush=True)
        except BrokenPipeError:  # e.g. `| head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    try:
        _check_together(args)
    except ValidationError as exc:
        return _fail(_named(exc), EXIT_BAD_INPUT)
    try:
        db = open_database(resolve_paths(data_dir).database)
    except StorageError as exc:
        return _fail(str(exc), EXIT_REFUSED)
    try:
        from wellbeing_app import cli_commands as commands

        handler = {
            "shift": commands.shift,
            "log": commands.log,
            "list": commands.listing,
            "schedule": commands.schedule,
            "reminders": commands.reminders,
            "reflect": commands.reflect,
            "checkin": commands.checkin,
            "demo": commands.demo,
            "summary": commands.summary,
        }[args.command]
        clock: Clock = SystemClock()
        output = handler(args, db, clock)
    except ValidationError as exc:
        return _fail(_named(exc), EXIT_BAD_INPUT)
    except WellbeingError as exc:
        return _fail(str(exc), EXIT_REFUSED)
    finally:
        db.close()
    if output is not None:
        try:
            print(output if isinstance(output, str) else json.dumps(output, indent=2), flush=True)
        except BrokenPipeError:  # e.g. `| head -1`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _check_together(args: argparse.Namespace) -> None:
    """Checks that need two arguments at once, made before the database is opened too, so
    that bad input writes nothing (not even a new database file)."""
    if args.command == "checkin":
        args.answers = [_who5_answer(text, n) for n, text in enumerate(args.answers, start=1)]
        return
    if args.command == "summary":
        from wellbeing_app.core.errors import ValidationError

        if args.format == "pdf" and not args.output:
            raise ValidationError("-o", "a PDF needs a file to go to; give -o FILE")
        from wellbeing_app.core.time.local_time import parse_date

        if args.start and args.end and parse_date(args.end) < parse_date(args.start):
            raise ValidationError(
                "to", f"the period ends ({args.end}) before it starts ({args.start})"
            )
        return
    if args.command == "reflect":
        from datetime import date

        from wellbeing_app.core.reflection.reflections import ReflectionDraft, checked_reflection

        checked_reflection(
            ReflectionDraft(
                date.min,
                args.mood,
                args.energy,
                args.stress,
                args.detach,
                args.went_well,
                args.leave,
                args.tonight,
            )
        )
        return
    if args.command != "schedule":
        return
    from wellbeing_app.core.schedule import weekly as schedule
    from wellbeing_app.core.time.clock import SystemClock
    from wellbeing_app.core.time.local_time import parse_date, parse_time

    if args.action == "set":
        schedule.check_window(
            schedule.parse_clock(args.start, "start"), schedule.parse_clock(args.end, "end")
        )
    elif args.action == "off":
        first, _, last = args.dates.partition("..")
        if last:
            schedule.check_days_off(parse_date(first, "DATE"), parse_date(last, "DATE"))
    elif args.action == "oncall":
        clock = SystemClock()
        now, zone = clock.now(), clock.zone()
        schedule.check_on_call(
            parse_time(args.start, now, zone, "START"), parse_time(args.end, now, zone, "END")
        )


def _who5_answer(text: str, number: int) -> int:
    """One WHO-5 answer, named as in the usage with its position (ANSWER 3)."""
    from wellbeing_app.core.errors import ValidationError

    try:
        value: int | None = int(text)
    except ValueError:
        value = None
    if value is None or not 0 <= value <= 5:
        raise ValidationError(
            f"ANSWER {number}",
            f"must be a whole number from 0 (at no time) to 5 (all of the time), got {text!r}",
        )
    return value


def _named(exc: ValidationError) -> str:
    """Options are named as typed (--at); positional arguments as in the usage (DATE)."""
    named_as_typed = exc.field.isupper() or exc.field.startswith("-")
    name = exc.field if named_as_typed else f"--{exc.field.replace('_', '-')}"
    return f"{name}: {exc.message}"


def _fail(message: str, status: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return status
