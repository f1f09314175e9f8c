"""``edit`` and ``delete`` for a shift, ping or incident, by the number ``list`` shows (``#12``).

``edit`` changes only the fields given (an empty text clears it) and keeps every rule of logging;
it says what changed in words, times in the clock's zone, or prints the row as ``list --json``
does. A number that does not exist is refused (exit 1).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from wellbeing_app.cli import replies
from wellbeing_app.cli.checks import EDITABLE
from wellbeing_app.cli.listing import incident_json, ping_json, shift_json
from wellbeing_app.core.errors import ConflictError, NotFoundError, ValidationError
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.time.local_time import format_duration
from wellbeing_app.core.vocabulary import category_label, source_label

PRIVATE = {"details"}  # never printed: only whether it changed
# What each kind says, as whole sentences ({id} is the number 'list' shows).
UNCHANGED = {
    "shift": N_("Shift #{id} unchanged: it already read so."),
    "ping": N_("Ping #{id} unchanged: it already read so."),
    "incident": N_("Incident #{id} unchanged: it already read so."),
}
CORRECTED = {
    # TRANSLATORS: {changes} lists what changed, e.g. note "a" -> "b"; minutes 5 -> 10
    "shift": N_("Shift #{id} corrected: {changes}."),
    # TRANSLATORS: {changes} lists what changed, e.g. note "a" -> "b"; minutes 5 -> 10
    "ping": N_("Ping #{id} corrected: {changes}."),
    # TRANSLATORS: {changes} lists what changed, e.g. note "a" -> "b"; minutes 5 -> 10
    "incident": N_("Incident #{id} corrected: {changes}."),
}
DELETED = {
    # TRANSLATORS: {what} says which: its times and length, source and time, or category
    "shift": N_("Shift #{id} deleted ({what})."),
    # TRANSLATORS: {what} says which: its times and length, source and time, or category
    "ping": N_("Ping #{id} deleted ({what})."),
    # TRANSLATORS: {what} says which: its times and length, source and time, or category
    "incident": N_("Incident #{id} deleted ({what})."),
}
MISSING = {
    "shift": N_("there is no shift #{id}; 'wellbeing-app list shifts' shows their numbers"),
    "ping": N_("there is no ping #{id}; 'wellbeing-app list pings' shows their numbers"),
    "incident": N_(
        "there is no incident #{id}; 'wellbeing-app list incidents' shows their numbers"
    ),
}


def edit(args: argparse.Namespace, journal: Journal) -> str | dict[str, Any]:
    kind, number, zone = args.kind, args.id, journal.zone()
    changes = {name: getattr(args, name) for name in EDITABLE[kind]}
    changes = {name: value for name, value in changes.items() if value is not None}
    if changes.get("against_advice") is False:
        changes["advised_on"] = None  # not against advice: no day the advice was given either
    said: list[str] = []
    row: dict[str, Any]
    with _numbered(kind, number):
        if kind == "shift":
            if "end" in changes and journal.shift(number).end is None:
                raise ConflictError(
                    _(
                        "shift #{id} is still running; end it with "
                        "'wellbeing-app shift end --at TIME', then correct it if need be"
                    ).format(id=number)
                )
            try:
                old_shift, shift = journal.correct_shift(number, **changes)
            except ValidationError as exc:
                stored = journal.shift(number)
                start, end = changes.get("start", stored.start), changes.get("end", stored.end)
                raise overlap_named(exc, journal, start, end, number) from None
            said, row = (
                _changes(kind, old_shift, shift, zone),
                shift_json(shift, journal.now(), zone),
            )
        elif kind == "ping":
            old_ping, ping = journal.correct_ping(number, **changes)
            said, row = _changes(kind, old_ping, ping, zone), ping_json(ping, zone)
            if old_ping.timing != ping.timing:
                # TRANSLATORS: the ping's timing now and before, e.g. "after hours", "on call"
                said.append(
                    _("now {timing} (was {before})").format(
                        timing=ping.timing, before=old_ping.timing
                    )
                )
        else:
            old_incident, incident = journal.correct_incident(number, **changes)
            said, row = _changes(kind, old_incident, incident, zone), incident_json(incident, zone)
    if args.json:
        return row
    if not said:
        return _(UNCHANGED[kind]).format(id=number)
    return _(CORRECTED[kind]).format(id=number, changes="; ".join(said))


def overlap_named(
    exc: ValidationError,
    journal: Journal,
    start: datetime,
    end: datetime | None,
    exclude: int | None = None,
) -> ValidationError:
    """The refusal of a shift from ``start`` to ``end`` (None: running), naming by its number
    the recorded shift it overlaps, so that one can be corrected instead."""
    if not _is_overlap(exc.message):
        return exc
    found = journal.shifts_between(start, end or journal.now())
    others = [s for s in found if s.id != exclude]
    if not others:
        return exc
    other = others[0]
    span = replies.span(other.start, other.end, journal.zone())
    return ValidationError(
        exc.field, _("overlaps shift #{id} ({span})").format(id=other.id, span=span)
    )


def _is_overlap(message: str) -> bool:
    """Whether ``message`` is the core's refusal of an overlap (in the language in use)."""
    for said in (
        _("overlaps the shift from {start} to now"),
        _("overlaps the shift from {start} to {end}"),
    ):
        pattern = ".*".join(re.escape(part) for part in re.split(r"\{\w+\}", said))
        if re.fullmatch(pattern, message, re.DOTALL):
            return True
    return False


def delete(args: argparse.Namespace, journal: Journal) -> str:
    kind, number, zone = args.kind, args.id, journal.zone()
    with _numbered(kind, number):
        if kind == "shift":
            shift = journal.shift(number)
            journal.delete_shift(number)
            length = format_duration(shift.length(journal.now()))
            what = _("{span}, {length}").format(
                span=replies.span(shift.start, shift.end, zone), length=length
            )
        elif kind == "ping":
            ping = journal.ping(number)
            journal.delete_ping(number)
            what = _("{source} at {time}").format(
                source=source_label(ping.source), time=replies.local(ping.at, zone)
            )
        else:
            incident = journal.incident(number)
            journal.delete_incident(number)
            what = _("{category}, severity {severity}, at {time}").format(
                category=category_label(incident.category),
                severity=incident.severity,
                time=replies.local(incident.at, zone),
            )
    return _(DELETED[kind]).format(id=number, what=what)


@contextmanager
def _numbered(kind: str, number: int) -> Iterator[None]:
    """Says a number that does not exist in the user's words, with where to find the numbers."""
    try:
        yield
    except NotFoundError:
        raise NotFoundError(_(MISSING[kind]).format(id=number)) from None


def _changes(kind: str, before: object, after: object, zone: str) -> list[str]:
    """Each field that changed, in words (none: nothing did)."""
    said = (_change(name, before, after, zone) for name in EDITABLE[kind])
    return [words for words in said if words]


def _change(name: str, before: object, after: object, zone: str) -> str:
    """One field's change in words (empty: it did not change)."""
    old, new = getattr(before, name), getattr(after, name)
    if old == new:
        return ""
    if name in PRIVATE:
        return _("details (private) removed") if new is None else _("details (private) changed")
    show = _SHOWN.get(name, _text)
    # TRANSLATORS: one field's change, e.g. note "tired" -> "fine"; minutes 5 -> 10
    return _("{field} {before} -> {after}").format(
        field=_(_NAMES[name]), before=show(old, zone), after=show(new, zone)
    )


def _text(value: Any, zone: str) -> str:
    # TRANSLATORS: a text the user wrote, quoted
    return _('"{text}"').format(text=value) if value else _("(none)")


_SHOWN: dict[str, Callable[[Any, str], str]] = {
    "start": replies.local,
    "end": lambda at, zone: replies.local(at, zone) if at else _("(running)"),
    "at": replies.local,
    "source": lambda source, zone: source_label(source),
    "category": lambda category, zone: category_label(category),
    "severity": lambda severity, zone: str(severity),
    "minutes": lambda minutes, zone: str(minutes),
    "against_advice": lambda against, zone: _("yes") if against else _("no"),
    "advised_on": lambda day, zone: day.isoformat() if day else _("(not given)"),
}
# Each field as a change names it (the names of the fields ``edit`` can change).
_NAMES = {
    "start": N_("start"),
    "end": N_("end"),
    "note": N_("note"),
    "at": N_("at"),
    "source": N_("source"),
    "minutes": N_("minutes"),
    "category": N_("category"),
    "severity": N_("severity"),
    "platform": N_("platform"),
    "summary": N_("summary"),
    "details": N_("details"),
    "against_advice": N_("against your advice"),
    "advised_on": N_("advised on"),
}
