"""The command line: ``wellbeing-app`` alone starts the tray app; its commands log, list, plan and
report.

Each argument is parsed once into a typed value (``parser``, ``values``) and arguments that go
together are checked together (``checks``), all before any database is opened: bad input writes
nothing, not even a new file. The quick commands people bind to keyboard shortcuts
(``log ping``, ``shift start|end|status``) take a lean path on SQLite alone (``quick``); the
other commands, and whatever the lean path hands back, go through the journal, one module per
command group. No Qt is loaded, except to write a PDF.

Exit status: 0 done, 1 refused (e.g. no shift running, unusable database), 2 bad input, with one
line on stderr saying what and why (``wellbeing-app: --at: ...``). Text that is not valid UTF-8
is refused (file names may be any bytes); a ``TZ`` that names no zone is said, with the zone used.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from wellbeing_app.cli.checks import check_together
from wellbeing_app.cli.parser import EXIT_BAD_INPUT, EXIT_REFUSED, PROG, build_parser
from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.language import _
from wellbeing_app.core.time.clock import Clock, SystemClock

if TYPE_CHECKING:
    from wellbeing_app.core.journal import Journal

Output = str | list[dict[str, Any]] | dict[str, Any] | None
Handler = Callable[[argparse.Namespace, "Journal"], Output]

# command -> (module of this package, its function), imported only for the command run
_HANDLERS = {
    "shift": ("shift", "run"),
    "log": ("log", "run"),
    "list": ("listing", "run"),
    "edit": ("records", "edit"),
    "delete": ("records", "delete"),
    "schedule": ("schedule", "run"),
    "reminders": ("reminders", "run"),
    "reflect": ("reflect", "reflect"),
    "checkin": ("reflect", "checkin"),
    "summary": ("summary", "summary"),
    "demo": ("demo", "run"),
    "capture": ("capture", "run"),
    "import": ("imports", "run"),
    "export-all": ("everything", "export_all"),
    "delete-all": ("everything", "delete_all"),
    "autostart": ("autostart", "run"),
}
# Commands whose handler takes the arguments alone: they open no database.
_WITHOUT_DATABASE = {"autostart"}


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    """Run one command line (default: ``sys.argv[1:]``) at ``clock``'s now and zone (default:
    the system's); returns the exit status."""
    given_clock, clock = clock, clock or SystemClock()
    try:
        args = build_parser(clock).parse_args(argv)
    except SystemExit as exc:  # --help, --version, or bad input argparse has reported
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_BAD_INPUT)
    try:
        _check_text(args)
        check_together(args, clock)
    except ValidationError as exc:
        return _fail(_named(exc, args), EXIT_BAD_INPUT)
    if args.command is None:  # the tray app; without a display Qt would abort, so say it first
        from wellbeing_app.services.loader import cannot_start, display_problem

        if (problem := display_problem()) is not None:
            return cannot_start(problem, show=False)
        from wellbeing_app.app import run_app

        return run_app(getattr(args, "data_dir", None))
    if given_clock is None:
        _say_zone(clock)
    output: Output
    try:
        if args.command == "backup":  # works beside a damaged database: it is not opened
            from wellbeing_app.cli.backup import run as backup

            output = backup(args, clock)
        elif args.command == "team-summary":  # reads members' files only: no database is opened
            from wellbeing_app.cli.summary import team_summary

            try:
                output = team_summary(args)
            except ValidationError as exc:  # names the file or option as typed
                return _fail(str(exc), EXIT_BAD_INPUT)
        elif args.command in _WITHOUT_DATABASE:
            module, function = _HANDLERS[args.command]
            output = getattr(importlib.import_module(f"wellbeing_app.cli.{module}"), function)(args)
        else:
            output = _run(args, clock)
    except ValidationError as exc:
        return _fail(_named(exc, args), EXIT_BAD_INPUT)
    except WellbeingError as exc:
        return _fail(str(exc), EXIT_REFUSED)
    return _print(output)


def _run(args: argparse.Namespace, clock: Clock) -> Output:
    """The quick path when it can take the command, else the full path through the journal."""
    from wellbeing_app.cli import quick
    from wellbeing_app.core.store.paths import resolve_paths

    database = resolve_paths(getattr(args, "data_dir", None)).database
    if quick.is_quick(args):
        reply = quick.run(args, database, clock)
        if reply is not None:
            return reply
    from wellbeing_app.core.journal import Journal
    from wellbeing_app.core.store.database import open_database
    from wellbeing_app.core.store.models import Origin

    module, function = _HANDLERS[args.command]
    handler: Handler = getattr(importlib.import_module(f"wellbeing_app.cli.{module}"), function)
    db = open_database(database, now=clock.now())
    try:
        output = handler(args, Journal(db, clock, Origin.CLI))
    finally:
        db.close()
    # a new database holds nothing to back up yet; an emptied one must not be copied back
    if not db.created and args.command != "delete-all":
        from wellbeing_app.cli.backup import daily_backup

        daily_backup(database, clock.now())
    return output


# Values that are file names, which may be any bytes; every other text is stored or shown.
_FILE_NAMES = {"data_dir", "output", "files", "file", "answers"}


def _check_text(args: argparse.Namespace) -> None:
    """Refuse text that is not valid UTF-8 (the shell passes it on as lone surrogates)."""
    for name, value in vars(args).items():
        if name in _FILE_NAMES:
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    raise ValidationError(
                        name.upper() if name in ("app", "instrument") else name,
                        _(
                            "is not valid UTF-8 text (check the terminal's encoding); "
                            "nothing was written"
                        ),
                    ) from None


def _say_zone(clock: Clock) -> None:
    """A ``TZ`` that names no zone this machine knows: say which one is used instead."""
    from wellbeing_app.core.time.clock import is_zone

    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and not is_zone(tz):
        print(
            _("{prog}: note: TZ={tz} is not a time zone this machine knows; using {zone}").format(
                prog=PROG, tz=repr(tz), zone=clock.zone()
            ),
            file=sys.stderr,
        )


def _print(output: Output) -> int:
    if output is None:
        return 0
    text = output if isinstance(output, str) else json.dumps(output, indent=2, allow_nan=False)
    try:
        try:
            print(text, flush=True)
        except UnicodeEncodeError:  # a file name in bytes the terminal cannot show
            encoding = sys.stdout.encoding or "utf-8"
            print(text.encode(encoding, "backslashreplace").decode(encoding), flush=True)
    except BrokenPipeError:  # e.g. `| head -1`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _named(exc: ValidationError, args: argparse.Namespace) -> str:
    """Options are named as typed (--at); positional arguments as in the usage (DATE), a command
    as typed (edit shift), and the file read as given."""
    named_as_typed = (
        exc.field.isupper()
        or exc.field.startswith("-")
        or " " in exc.field
        or exc.field == getattr(args, "file", None)
    )
    name = exc.field if named_as_typed else f"--{exc.field.replace('_', '-')}"
    return _("{field}: {message}").format(field=name, message=exc.message)


def _fail(message: str, status: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return status
