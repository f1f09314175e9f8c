"""What each CLI subcommand does, on top of the core; returns text or JSON-ready data."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from typing import Any

from wellbeing_app.core.clock import Clock
from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.incidents import IncidentDraft, IncidentRow, list_incidents
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.localtime import (
    format_duration,
    in_zone,
    parse_date,
    parse_time,
    start_of_day,
)
from wellbeing_app.core.models import Origin
from wellbeing_app.core.pings import PingRow, list_pings
from wellbeing_app.core.shifts import ShiftRow, list_shifts
from wellbeing_app.core.storage import Database

Output = str | list[dict[str, Any]] | None


def _at(args: argparse.Namespace, journal: Journal) -> datetime:
    return parse_time(args.at, journal.now(), journal.zone(), "at") if args.at else journal.now()


def shift(args: argparse.Namespace, db: Database, clock: Clock) -> Output:
    journal = Journal(db, clock, Origin.CLI)
    at = _at(args, journal)
    if args.action == "start":
        row = journal.start_shift(at, note=args.note)
        return f"Shift started at {_local(row.start, row.zone)}."
    if args.note is not None:
        raise ValidationError("note", "only goes with 'shift start'")
    if args.action == "end":
        row = journal.end_shift(at)
        return (
            f"Shift ended at {_local(at, row.zone)} after {format_duration(row.length(at))}. "
            "Time for you now."
        )
    running = journal.running_shift()
    if running is None:
        return "No shift running."
    return (
        f"Shift running since {_local(running.start, running.zone)} "
        f"({format_duration(running.length(at))})."
    )


def log(args: argparse.Namespace, db: Database, clock: Clock) -> Output:
    journal = Journal(db, clock, Origin.CLI)
    at = _at(args, journal)
    if args.kind == "ping":
        ping = journal.log_ping(args.source, at, args.minutes, args.note)
        when = "after hours" if ping.after_hours else "during a shift"
        return f"Ping from {ping.source} logged at {_local(ping.at, ping.zone)} ({when})."
    incident = journal.log_incident(
        IncidentDraft(
            at=at,
            category=args.category,
            severity=args.severity,
            platform=args.platform,
            minutes=args.minutes,
            summary=args.summary,
            details=args.details,
        )
    )
    return (
        f"Incident logged: {incident.category.replace('_', ' ')}, severity {incident.severity}. "
        "It happened to the brand's account; it is not a verdict on you."
    )


def listing(args: argparse.Namespace, db: Database, clock: Clock) -> Output:
    now, zone = clock.now(), clock.zone()
    start = datetime.min.replace(tzinfo=UTC)
    end = datetime.max.replace(tzinfo=UTC)
    first = parse_date(args.from_date, "from") if args.from_date else None
    last = parse_date(args.to_date, "to") if args.to_date else None
    if first and last and last < first:
        raise ValidationError("to", f"{last} is before --from {first}")
    if first:
        start = start_of_day(first, zone)
    if last:
        end = start_of_day(last + timedelta(days=1), zone)
    with db.read() as session:
        if args.what == "shifts":
            shifts = list_shifts(session, start, end)
            return [_shift_json(r, now) for r in shifts] if args.json else _shift_lines(shifts, now)
        if args.what == "pings":
            pings = list_pings(session, start, end)
            return [_ping_json(r) for r in pings] if args.json else _ping_lines(pings)
        incidents = list_incidents(session, start, end)
        return [_incident_json(r) for r in incidents] if args.json else _incident_lines(incidents)


def _local(instant: datetime, zone: str) -> str:
    return f"{in_zone(instant, zone):%Y-%m-%d %H:%M}"


def _iso(instant: datetime, zone: str) -> str:
    return in_zone(instant, zone).isoformat(timespec="seconds")


def _shift_json(row: ShiftRow, now: datetime) -> dict[str, Any]:
    return {
        "id": row.id,
        "start": _iso(row.start, row.zone),
        "end": _iso(row.end, row.zone) if row.end else None,
        "hours": row.hours(now),
        "zone": row.zone,
        "note": row.note,
        "origin": row.origin,
    }


def _ping_json(row: PingRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": _iso(row.at, row.zone),
        "source": row.source,
        "minutes": row.minutes,
        "after_hours": row.after_hours,
        "zone": row.zone,
        "note": row.note,
        "origin": row.origin,
    }


def _incident_json(row: IncidentRow) -> dict[str, Any]:
    # Private details stay out of listings: they are shown only in the app's own windows.
    return {
        "id": row.id,
        "at": _iso(row.at, row.zone),
        "category": row.category,
        "severity": row.severity,
        "minutes": row.minutes,
        "platform": row.platform,
        "summary": row.summary,
        "zone": row.zone,
        "origin": row.origin,
    }


def _shift_lines(rows: list[ShiftRow], now: datetime) -> str:
    if not rows:
        return "No shifts in this period."
    lines = []
    for row in rows:
        end = f"{row.local_end:%Y-%m-%d %H:%M}" if row.local_end else "running"
        note = f"  {row.note}" if row.note else ""
        lines.append(
            f"#{row.id:<5} {row.local_start:%Y-%m-%d %H:%M} -> {end:<16} "
            f"{row.hours(now):6.2f} h{note}"
        )
    return "\n".join(lines)


def _ping_lines(rows: list[PingRow]) -> str:
    if not rows:
        return "No pings in this period."
    return "\n".join(
        f"#{row.id:<5} {_local(row.at, row.zone)}  {row.source:<15} {row.minutes:>4} min  "
        f"{'after hours' if row.after_hours else 'in shift'}"
        for row in rows
    )


def _incident_lines(rows: list[IncidentRow]) -> str:
    if not rows:
        return "No incidents in this period."
    return "\n".join(
        f"#{row.id:<5} {_local(row.at, row.zone)}  {row.category:<20} severity {row.severity}  "
        f"{row.minutes:>4} min  {row.platform or '-':<12} {row.summary}"
        for row in rows
    )
