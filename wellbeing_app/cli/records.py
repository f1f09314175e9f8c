"""``edit`` and ``delete`` for a shift, ping or incident, by the number ``list`` shows (``#12``).

``edit`` changes only the fields given (an empty text clears it) and keeps every rule of logging;
it says what changed in words, times in the clock's zone, or prints the row as ``list --json``
does. A number that does not exist is refused (exit 1).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from wellbeing_app.cli import replies
from wellbeing_app.cli.checks import EDITABLE
from wellbeing_app.cli.listing import incident_json, ping_json, shift_json
from wellbeing_app.core.errors import ConflictError, NotFoundError, ValidationError
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.time.local_time import format_duration
from wellbeing_app.core.vocabulary import category_label, source_label

PRIVATE = {"details"}  # never printed: only whether it changed


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
                    f"shift #{number} is still running; end it with "
                    "'wellbeing-app shift end --at TIME', then correct it if need be"
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
                said.append(f"now {ping.timing} (was {old_ping.timing})")
        else:
            old_incident, incident = journal.correct_incident(number, **changes)
            said, row = _changes(kind, old_incident, incident, zone), incident_json(incident, zone)
    if args.json:
        return row
    if not said:
        return f"{kind.capitalize()} #{number} unchanged: it already read so."
    return f"{kind.capitalize()} #{number} corrected: {'; '.join(said)}."


def overlap_named(
    exc: ValidationError,
    journal: Journal,
    start: datetime,
    end: datetime | None,
    exclude: int | None = None,
) -> ValidationError:
    """The refusal of a shift from ``start`` to ``end`` (None: running), naming by its number
    the recorded shift it overlaps, so that one can be corrected instead."""
    if not exc.message.startswith("overlaps"):
        return exc
    found = journal.shifts_between(start, end or journal.now())
    others = [s for s in found if s.id != exclude]
    if not others:
        return exc
    other = others[0]
    span = replies.span(other.start, other.end, journal.zone())
    return ValidationError(exc.field, f"overlaps shift #{other.id} ({span})")


def delete(args: argparse.Namespace, journal: Journal) -> str:
    kind, number, zone = args.kind, args.id, journal.zone()
    with _numbered(kind, number):
        if kind == "shift":
            shift = journal.shift(number)
            journal.delete_shift(number)
            length = format_duration(shift.length(journal.now()))
            what = f"{replies.span(shift.start, shift.end, zone)}, {length}"
        elif kind == "ping":
            ping = journal.ping(number)
            journal.delete_ping(number)
            what = f"{source_label(ping.source)} at {replies.local(ping.at, zone)}"
        else:
            incident = journal.incident(number)
            journal.delete_incident(number)
            what = (
                f"{category_label(incident.category)}, severity {incident.severity}, "
                f"at {replies.local(incident.at, zone)}"
            )
    return f"{kind.capitalize()} #{number} deleted ({what})."


@contextmanager
def _numbered(kind: str, number: int) -> Iterator[None]:
    """Says a number that does not exist in the user's words, with where to find the numbers."""
    try:
        yield
    except NotFoundError:
        raise NotFoundError(
            f"there is no {kind} #{number}; 'wellbeing-app list {kind}s' shows their numbers"
        ) from None


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
        return f"{name} (private) {'removed' if new is None else 'changed'}"
    show = _SHOWN.get(name, _text)
    return f"{_NAMES.get(name, name)} {show(old, zone)} -> {show(new, zone)}"


def _text(value: Any, zone: str) -> str:
    return f'"{value}"' if value else "(none)"


_SHOWN: dict[str, Callable[[Any, str], str]] = {
    "start": replies.local,
    "end": lambda at, zone: replies.local(at, zone) if at else "(running)",
    "at": replies.local,
    "source": lambda source, _: source_label(source),
    "category": lambda category, _: category_label(category),
    "severity": lambda severity, _: str(severity),
    "minutes": lambda minutes, _: str(minutes),
    "against_advice": lambda against, _: "yes" if against else "no",
    "advised_on": lambda day, _: day.isoformat() if day else "(not given)",
}
_NAMES = {"against_advice": "against your advice", "advised_on": "advised on"}
