"""What each CLI subcommand does, on top of the core; returns text or JSON-ready data."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, timedelta
from typing import Any

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.records.incidents import IncidentDraft, IncidentRow, list_incidents
from wellbeing_app.core.records.pings import PingRow, list_pings
from wellbeing_app.core.records.shifts import ShiftRow, list_shifts
from wellbeing_app.core.reflection.reflections import ReflectionDraft, handoff_items
from wellbeing_app.core.schedule.weekly import (
    ScheduleBook,
    Window,
    check_zone,
    parse_clock,
    parse_days,
)
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.time.local_time import (
    format_duration,
    in_zone,
    parse_date,
    parse_time,
    start_of_day,
)
from wellbeing_app.core.vocabulary import (
    WEEKDAY_IDS,
    WEEKDAY_LABELS,
    category_label,
    source_label,
    who5_change_sentence,
)

Output = str | list[dict[str, Any]] | dict[str, Any] | None


def _at(args: argparse.Namespace, journal: Journal) -> datetime:
    if args.at is None:
        return journal.now()
    return parse_time(args.at, journal.now(), journal.zone(), "at")


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
        when = _local(ping.at, ping.zone)
        return f"Ping from {source_label(ping.source)} logged at {when} ({ping.timing})."
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
        f"Incident logged: {category_label(incident.category).lower()}, "
        f"severity {incident.severity}. "
        "It happened to the brand's account; it is not a verdict on you."
    )


def listing(args: argparse.Namespace, db: Database, clock: Clock) -> Output:
    """Rows whose local date (in today's zone) is within --from/--to, shown in that zone too;
    ``zone`` in each JSON row still says where it was recorded."""
    now, zone = clock.now(), clock.zone()
    start = datetime.min.replace(tzinfo=UTC)
    end = datetime.max.replace(tzinfo=UTC)
    first = parse_date(args.from_date, "from") if args.from_date else None
    last = parse_date(args.to_date, "to") if args.to_date else None
    if first and last and last < first:
        raise ValidationError("to", f"{last} is before --from {first}")
    try:
        if first:
            start = start_of_day(first, zone)
        if last:
            end = start_of_day(last + timedelta(days=1), zone)
    except OverflowError:
        raise ValidationError("to" if last else "from", "is too far from today") from None
    if args.what in ("reflections", "checkins"):
        return _private_listing(args, db)
    with db.read() as session:
        if args.what == "shifts":
            shifts = list_shifts(session, start, end)
            if args.json:
                return [_shift_json(r, now, zone) for r in shifts]
            return _shift_lines(shifts, now, zone)
        if args.what == "pings":
            pings = list_pings(session, start, end)
            return [_ping_json(r, zone) for r in pings] if args.json else _ping_lines(pings, zone)
        incidents = list_incidents(session, start, end)
        if args.json:
            return [_incident_json(r, zone) for r in incidents]
        return _incident_lines(incidents, zone)


def _local(instant: datetime, zone: str) -> str:
    return f"{in_zone(instant, zone):%Y-%m-%d %H:%M}"


def _iso(instant: datetime, zone: str) -> str:
    return in_zone(instant, zone).isoformat(timespec="seconds")


def _shift_json(row: ShiftRow, now: datetime, zone: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "start": _iso(row.start, zone),
        "end": _iso(row.end, zone) if row.end else None,
        "hours": row.hours(now),
        "zone": row.zone,
        "note": row.note,
        "origin": row.origin,
    }


def _ping_json(row: PingRow, zone: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": _iso(row.at, zone),
        "source": row.source,
        "minutes": row.minutes,
        "after_hours": row.after_hours,
        "on_call": row.on_call,
        "zone": row.zone,
        "note": row.note,
        "origin": row.origin,
    }


def _incident_json(row: IncidentRow, zone: str) -> dict[str, Any]:
    # Private details stay out of listings: they are shown only in the app's own windows.
    return {
        "id": row.id,
        "at": _iso(row.at, zone),
        "category": row.category,
        "severity": row.severity,
        "minutes": row.minutes,
        "platform": row.platform,
        "summary": row.summary,
        "zone": row.zone,
        "origin": row.origin,
    }


def _shift_lines(rows: list[ShiftRow], now: datetime, zone: str) -> str:
    if not rows:
        return "No shifts in this period."
    lines = []
    for row in rows:
        end = _local(row.end, zone) if row.end else "running"
        note = f"  {row.note}" if row.note else ""
        lines.append(
            f"#{row.id:<5} {_local(row.start, zone)} -> {end:<16} {row.hours(now):6.2f} h{note}"
        )
    return "\n".join(lines)


def _ping_lines(rows: list[PingRow], zone: str) -> str:
    if not rows:
        return "No pings in this period."
    return "\n".join(
        f"#{row.id:<5} {_local(row.at, zone)}  {row.source:<15} {row.minutes:>4} min  {row.timing}"
        for row in rows
    )


def _incident_lines(rows: list[IncidentRow], zone: str) -> str:
    if not rows:
        return "No incidents in this period."
    return "\n".join(
        f"#{row.id:<5} {_local(row.at, zone)}  {row.category:<20} severity {row.severity}  "
        f"{row.minutes:>4} min  {row.platform or '-':<12} {row.summary}"
        for row in rows
    )


def schedule(args: argparse.Namespace, db: Database, clock: Clock) -> Output:
    journal = Journal(db, clock, Origin.CLI)
    now, zone = journal.now(), journal.zone()
    today = in_zone(now, zone).date()
    if args.action == "set":
        tz = check_zone(args.tz) if args.tz else zone
        start_minute = parse_clock(args.start, "start")
        end_minute = parse_clock(args.end, "end")
        days = parse_days(args.days)
        first = parse_date(args.from_date, "from") if args.from_date else today
        journal.set_schedule(days, start_minute, end_minute, tz, first)
        crosses = " (ending the next day)" if end_minute < start_minute else ""
        names = ", ".join(WEEKDAY_LABELS[d] for d in days)
        return f"From {first}: {names} {args.start}-{args.end}{crosses}, {tz}."
    if args.action == "off":
        first_text, _, last_text = args.dates.partition("..")
        first = parse_date(first_text, "DATE")
        last = parse_date(last_text, "DATE") if last_text else first
        journal.add_days_off(first, last)
        return f"Day off: {first}." if first == last else f"Days off: {first} to {last}."
    if args.action == "oncall":
        period = journal.add_on_call(
            parse_time(args.start, now, zone, "START"), parse_time(args.end, now, zone, "END")
        )
        return f"On call from {_local(period.start, zone)} to {_local(period.end, zone)}."
    book = journal.schedule_book(now - timedelta(days=1), datetime.max.replace(tzinfo=UTC))
    shown = _schedule_json(book, today, zone)
    return shown if args.json else _schedule_text(shown)


def _window_json(window: Window) -> dict[str, Any]:
    return {
        "day": WEEKDAY_IDS[window.weekday],
        "start": f"{window.start_minute // 60:02d}:{window.start_minute % 60:02d}",
        "end": f"{window.end_minute // 60:02d}:{window.end_minute % 60:02d}",
        "crosses_midnight": window.crosses_midnight,
    }


def _schedule_json(book: ScheduleBook, today: date, zone: str) -> dict[str, Any]:
    current = book.in_force(today)
    return {
        "zone": current.zone if current else None,
        "effective_from": current.effective_from.isoformat() if current else None,
        "windows": [_window_json(w) for w in current.windows] if current else [],
        "upcoming": [
            {
                "effective_from": v.effective_from.isoformat(),
                "zone": v.zone,
                "windows": [_window_json(w) for w in v.windows],
            }
            for v in book.versions
            if v.effective_from > today
        ],
        "days_off": [
            {"from": first.isoformat(), "to": last.isoformat()}
            for first, last in sorted(book.days_off)
            if last >= today
        ],
        "on_call": [{"start": _iso(p.start, zone), "end": _iso(p.end, zone)} for p in book.on_call],
    }


def _schedule_text(shown: dict[str, Any]) -> str:
    if shown["zone"] is None and not shown["upcoming"]:
        return (
            "No schedule yet. Set one, e.g.: "
            "wellbeing-app schedule set --days mon-fri --start 09:00 --end 17:00"
        )
    lines = []
    if shown["zone"]:
        lines.append(f"Schedule since {shown['effective_from']} ({shown['zone']}):")
        lines += [f"  {w['day']}  {w['start']}-{w['end']}" for w in shown["windows"]]
    for version in shown["upcoming"]:
        lines.append(f"From {version['effective_from']} ({version['zone']}):")
        lines += [f"  {w['day']}  {w['start']}-{w['end']}" for w in version["windows"]]
    for off in shown["days_off"]:
        span = off["from"] if off["from"] == off["to"] else f"{off['from']} to {off['to']}"
        lines.append(f"Off: {span}")
    for period in shown["on_call"]:
        lines.append(f"On call: {period['start']} to {period['end']}")
    return "\n".join(lines)


def reminders(args: argparse.Namespace, db: Database, clock: Clock) -> Output:
    from wellbeing_app.core.reminders import memory as reminder_state

    zone = clock.zone()
    now = clock.now() if args.now is None else parse_time(args.now, clock.now(), zone, "now")
    with db.read() as session:
        planned = reminder_state.plan(session, now, zone)
    if args.json:
        return [
            {"kind": r.kind.value, "at": _iso(r.at, zone), "title": r.title, "text": r.text}
            for r in planned
        ]
    if not planned:
        return "No reminders in the next 24 hours."
    return "\n".join(f"{_local(r.at, zone)}  {r.kind.value:<19} {r.title}" for r in planned)


def reflect(args: argparse.Namespace, db: Database, clock: Clock) -> Output:
    journal = Journal(db, clock, Origin.CLI)
    day = parse_date(args.date, "date") if args.date else journal.today()
    journal.save_reflection(
        ReflectionDraft(
            day,
            args.mood,
            args.energy,
            args.stress,
            args.detach,
            args.went_well,
            args.leave,
            args.tonight,
        )
    )
    left = len(handoff_items(args.leave))
    handed = f" {left} thing(s) left at work for next time." if left else ""
    return f"Reflection for {day} saved.{handed} {affirmation_line(day)}"


def checkin(args: argparse.Namespace, db: Database, clock: Clock) -> Output:
    journal = Journal(db, clock, Origin.CLI)
    day = parse_date(args.date, "date") if args.date else journal.today()
    row = journal.check_in(list(args.answers), day)
    result = row.result
    if args.json:
        return {"raw": result.raw, "score": result.score, "low": result.low}
    lines = [f"WHO-5 well-being: {result.score}/100 (raw {result.raw}/25)."]
    if result.low:
        lines.append(
            "Below 50 or a very low answer: the last two weeks have been heavy. Consider "
            "talking with someone you trust, or a professional."
        )
    if change := who5_change_sentence(result.change):
        lines.append(change)
    return "\n".join(lines)


def affirmation_line(day: date) -> str:
    from wellbeing_app.core.reflection.affirmations import affirmation_for

    return affirmation_for(day)


def _private_listing(args: argparse.Namespace, db: Database) -> Output:
    """Your own reflections and check-ins, on your own screen (never in any export)."""
    from wellbeing_app.core.reflection.reflections import list_reflections
    from wellbeing_app.core.reflection.who5 import list_checkins

    with db.read() as session:
        if args.what == "reflections":
            rows: list[dict[str, Any]] = [
                {
                    "day": r.day.isoformat(),
                    "skipped": r.skipped,
                    "mood": r.mood,
                    "energy": r.energy,
                    "stress": r.stress,
                    "detachment": r.detachment,
                    "went_well": r.went_well,
                    "leave_at_work": r.leave_at_work,
                    "tonight": r.tonight,
                }
                for r in list_reflections(session)
            ]
        else:
            rows = [
                {
                    "day": c.day.isoformat(),
                    "answers": list(c.answers),
                    "raw": c.result.raw,
                    "score": c.result.score,
                    "low": c.result.low,
                }
                for c in list_checkins(session)
            ]
    if args.json:
        return rows
    if not rows:
        return f"No {args.what} yet."
    if args.what == "reflections":
        return "\n".join(
            f"{r['day']}  skipped"
            if r["skipped"]
            else f"{r['day']}  mood {r['mood']}  energy {r['energy']}  stress {r['stress']}"
            for r in rows
        )
    return "\n".join(f"{r['day']}  {r['score']:>3}/100{'  low' if r['low'] else ''}" for r in rows)


def demo(args: argparse.Namespace, db: Database, clock: Clock) -> Output:
    """Made-up history up to now, into a database that holds no data yet."""
    from wellbeing_app.core.demo.fill import fill_demo

    summary = fill_demo(db, years=args.years, now=clock.now(), zone=clock.zone(), seed=args.seed)
    return summary.line()


def summary(args: argparse.Namespace, db: Database, clock: Clock) -> Output:
    """A workload summary of aggregates, printed (text formats) or written to ``-o FILE``."""
    from pathlib import Path

    from wellbeing_app.core.reports.formats import render_text
    from wellbeing_app.core.reports.summary import SummaryOptions, build_summary
    from wellbeing_app.core.store.files import write_text
    from wellbeing_app.core.time import periods

    journal = Journal(db, clock, Origin.CLI)
    today = journal.today()
    start = parse_date(args.start) if args.start else None
    end = parse_date(args.end) if args.end else None
    if start is None and end is None:
        period = periods.last_full_weeks(today)
    else:
        period = periods.custom(start, end, today)
    current, previous = journal.workload(period)
    options = SummaryOptions(include_wellbeing=args.include_wellbeing, note=args.note)
    document = build_summary(current, previous, options, clock.now())
    if args.format == "pdf":
        from wellbeing_app.services.summary_pdf import write_summary_pdf

        write_summary_pdf(Path(args.output), document, current)
        return None
    text = render_text(document, args.format)
    if args.output:
        write_text(Path(args.output), text)
        return None
    return text.removesuffix("\n")


def team_summary(args: argparse.Namespace) -> Output:
    """Members' summaries merged into one team summary, printed (text formats) or written to
    ``-o FILE``. Needs no database; Qt is loaded only for a PDF."""
    from pathlib import Path

    from wellbeing_app.core.errors import StorageError
    from wellbeing_app.core.reports import team
    from wellbeing_app.core.reports.team_formats import render_text, team_html
    from wellbeing_app.core.store.files import write_text

    team.check_min_group(args.min_group)
    if args.format == "pdf" and not args.output:
        raise ValidationError("-o", "a PDF needs a file to go to; give -o FILE")
    output = Path(args.output) if args.output else None
    if output is not None and any(Path(f).resolve() == output.resolve() for f in args.files):
        raise ValidationError("-o", f"{args.output} is one of the summaries read; choose another")
    document = team.team_summary(args.files, args.min_group)
    if args.format == "pdf":
        from wellbeing_app.services.summary_pdf import write_pdf

        try:
            write_pdf(Path(args.output), team_html(document))
        except OSError as exc:
            raise StorageError(f"Cannot write {args.output}: {exc.strerror or exc}") from None
        return None
    text = render_text(document, args.format)
    if output is not None:
        write_text(output, text)
        return None
    return text.removesuffix("\n")
