"""Checks that need several arguments at once, or the clock, made after parsing and before any
database is opened: bad input writes nothing, not even a new database file.

The core checks everything again when it stores it; these checks only move the refusal earlier,
with the same words. A ValidationError's field names the argument (``at`` is ``--at``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.records.fields import check_not_future, clean_text
from wellbeing_app.core.records.rules import MAX_NOTE
from wellbeing_app.core.schedule.book import check_days_off, check_on_call, check_window
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.time.local_time import start_of_day


def check_together(args: argparse.Namespace, clock: Clock) -> None:
    """Raises ValidationError for the first argument (or pair) that cannot be used."""
    data_dir = getattr(args, "data_dir", None)
    if data_dir is not None and not data_dir.strip():
        raise ValidationError("--data-dir", _("is empty; give a folder, or leave the option out"))
    check = _CHECKS.get(args.command)
    if check is not None:
        check(args, clock)


def _shift(args: argparse.Namespace, clock: Clock) -> None:
    if args.action not in ("start", "add") and args.note is not None:
        raise ValidationError("note", _("only goes with 'shift start' or 'shift add'"))
    if args.action == "add":
        if args.at is not None:
            raise ValidationError("at", _("does not go with 'shift add'; give --start and --end"))
        for name in ("start", "end"):
            if getattr(args, name) is None:
                raise ValidationError(name, _("'shift add' needs --start and --end"))
        _check_span(args.start, args.end, clock)
    else:
        for name in ("start", "end"):
            if getattr(args, name) is not None:
                raise ValidationError(name, _("only goes with 'shift add'"))
    if args.action != "status" and args.at is not None:
        check_not_future(args.at, clock.now(), "at")
    clean_text(args.note, "note", MAX_NOTE)


def _check_span(start: datetime | None, end: datetime | None, clock: Clock) -> None:
    """A shift's start and end as given (either may be left out), both in the past."""
    for name, at in (("start", start), ("end", end)):
        if at is not None:
            check_not_future(at, clock.now(), name)
    if start is not None and end is not None and end <= start:
        raise ValidationError("end", _("must come after --start"))


# The fields of each kind of record that ``edit`` can change, each an option (--note).
EDITABLE = {
    "shift": ("start", "end", "note"),
    "ping": ("at", "source", "minutes", "note"),
    "incident": (
        "at",
        "category",
        "severity",
        "platform",
        "minutes",
        "summary",
        "details",
        "against_advice",
        "advised_on",
    ),
}


def _edit(args: argparse.Namespace, clock: Clock) -> None:
    from wellbeing_app.core.records import incidents

    fields = EDITABLE[args.kind]
    if all(getattr(args, name) is None for name in fields):
        options = ", ".join(f"--{name.replace('_', '-')}" for name in fields)
        raise ValidationError(
            f"edit {args.kind}",
            # TRANSLATORS: {options} lists the options, e.g. --start, --end, --note
            _("nothing to change; give one of {options}").format(options=options),
        )
    if args.kind == "shift":
        _check_span(args.start, args.end, clock)
    elif args.at is not None:
        check_not_future(args.at, clock.now(), "at")
    if args.kind == "incident" and args.against_advice is False and args.advised_on is not None:
        raise ValidationError("advised_on", _("does not go with --not-against-advice"))
    limits = {
        "note": MAX_NOTE,
        "platform": incidents.MAX_PLATFORM,
        "summary": incidents.MAX_SUMMARY,
        "details": incidents.MAX_DETAILS,
    }
    for name, limit in limits.items():
        if name in fields:
            clean_text(getattr(args, name), name, limit)


def _log(args: argparse.Namespace, clock: Clock) -> None:
    if args.kind == "ping":
        if args.at is not None:
            check_not_future(args.at, clock.now(), "at")
        clean_text(args.note, "note", MAX_NOTE)
        return
    from wellbeing_app.core.records.incidents import IncidentDraft, checked

    if args.advised_on is not None and not args.against_advice:
        raise ValidationError("advised_on", _("goes only with --against-advice"))
    now = clock.now()
    args.incident = checked(
        IncidentDraft(
            at=args.at or now,
            category=args.category,
            severity=args.severity,
            platform=args.platform,
            minutes=args.minutes,
            summary=args.summary,
            details=args.details,
            against_advice=args.against_advice,
            advised_on=args.advised_on,
        ),
        now,
        clock.zone(),
    )


def _listing(args: argparse.Namespace, clock: Clock) -> None:
    """The local days --from/--to (both inclusive), in the clock's zone, as a UTC span."""
    first: date | None = args.from_date
    last: date | None = args.to_date
    if first and last and last < first:
        raise ValidationError(
            "to", _("{last} is before --from {first}").format(last=last, first=first)
        )
    start = datetime.min.replace(tzinfo=UTC)
    end = datetime.max.replace(tzinfo=UTC)
    try:
        if first:
            start = start_of_day(first, clock.zone())
        if last:
            end = start_of_day(last + timedelta(days=1), clock.zone())
    except OverflowError:
        raise ValidationError("to" if last else "from", _("is too far from today")) from None
    args.span = (start, end)


def _schedule(args: argparse.Namespace, clock: Clock) -> None:
    if args.action == "set":
        check_window(args.start, args.end)
    elif args.action == "off":
        first, last = args.dates
        if last is not None:
            check_days_off(first, last)
    elif args.action == "oncall":
        check_on_call(args.start, args.end)
    elif args.action == "rota" and args.rota == "add" and args.start == args.end:
        raise ValidationError("END", _("must differ from START (a window needs some length)"))
    elif args.action == "rota" and args.rota == "clear" and args.dates[1] is not None:
        check_days_off(*args.dates)


def _reflect(args: argparse.Namespace, clock: Clock) -> None:
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


def _checkin(args: argparse.Namespace, clock: Clock) -> None:
    args.answers = [_who5_answer(text, n) for n, text in enumerate(args.answers, start=1)]


def _who5_answer(text: str, number: int) -> int:
    """One WHO-5 answer, named as in the usage with its position (ANSWER 3)."""
    try:
        value: int | None = int(text)
    except ValueError:
        value = None
    if value is None or not 0 <= value <= 5:
        raise ValidationError(
            f"ANSWER {number}",
            _(
                "must be a whole number from 0 (at no time) to 5 (all of the time), got {answer}"
            ).format(answer=repr(text)),
        )
    return value


def _summary(args: argparse.Namespace, clock: Clock) -> None:
    if args.format == "pdf" and not args.output:
        raise ValidationError("-o", _("a PDF needs a file to go to; give -o FILE"))
    if args.start and args.end and args.end < args.start:
        raise ValidationError(
            "to",
            _("the period ends ({end}) before it starts ({start})").format(
                end=args.end, start=args.start
            ),
        )
    _output(args)


def _output(args: argparse.Namespace) -> None:
    """``-o FILE`` never lands on the data folder's files, a folder or a device."""
    from pathlib import Path

    from wellbeing_app.core.store.files import check_output
    from wellbeing_app.core.store.paths import resolve_paths

    if args.output is not None:
        check_output(Path(args.output), resolve_paths(getattr(args, "data_dir", None)).data_dir)


_CHECKS: dict[str, Callable[[argparse.Namespace, Clock], None]] = {
    "shift": _shift,
    "edit": _edit,
    "log": _log,
    "list": _listing,
    "schedule": _schedule,
    "reflect": _reflect,
    "checkin": _checkin,
    "summary": _summary,
    "team-summary": lambda args, clock: _output(args),
    "export-all": lambda args, clock: _output(args),
}
