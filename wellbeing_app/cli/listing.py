"""``list shifts|pings|incidents|reflections|checkins``: what was logged, as text or JSON.

Rows whose local date (in today's zone) is within --from/--to are listed, shown in that zone
too; ``zone`` in each JSON row still says where it was recorded. JSON keeps the ids (``social_dm``,
``customer_escalation``); text shows their labels.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from wellbeing_app.cli.replies import iso, local
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _, formats
from wellbeing_app.core.records.incidents import IncidentRow
from wellbeing_app.core.records.pings import PingRow
from wellbeing_app.core.records.shifts import ShiftRow
from wellbeing_app.core.vocabulary import category_label, source_label

Rows = list[dict[str, Any]]


def run(args: argparse.Namespace, journal: Journal) -> str | Rows:
    if args.what in ("reflections", "checkins"):
        return _private(args, journal)
    now, zone = journal.now(), journal.zone()
    start, end = args.span
    if args.what == "shifts":
        shifts = journal.shifts_between(start, end)
        if args.json:
            return [shift_json(r, now, zone) for r in shifts]
        return _shift_lines(shifts, now, zone)
    if args.what == "pings":
        pings = journal.pings_between(start, end)
        return [ping_json(r, zone) for r in pings] if args.json else _ping_lines(pings, zone)
    incidents = journal.incidents_between(start, end)
    if args.json:
        return [incident_json(r, zone) for r in incidents]
    return _incident_lines(incidents, zone)


def shift_json(row: ShiftRow, now: datetime, zone: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "start": iso(row.start, zone),
        "end": iso(row.end, zone) if row.end else None,
        "hours": row.hours(now),
        "zone": row.zone,
        "note": row.note,
        "origin": row.origin,
    }


def ping_json(row: PingRow, zone: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": iso(row.at, zone),
        "source": row.source,
        "minutes": row.minutes,
        "after_hours": row.after_hours,
        "on_call": row.on_call,
        "judged": row.judged,
        "zone": row.zone,
        "note": row.note,
        "origin": row.origin,
    }


def incident_json(row: IncidentRow, zone: str) -> dict[str, Any]:
    # Private details stay out of listings: they are shown only in the app's own windows.
    return {
        "id": row.id,
        "at": iso(row.at, zone),
        "category": row.category,
        "severity": row.severity,
        "minutes": row.minutes,
        "platform": row.platform,
        "summary": row.summary,
        "against_advice": row.against_advice,
        "advised_on": row.advised_on.isoformat() if row.advised_on else None,
        "zone": row.zone,
        "origin": row.origin,
    }


def _shift_lines(rows: list[ShiftRow], now: datetime, zone: str) -> str:
    if not rows:
        return _("No shifts in this period.")
    lines = []
    for row in rows:
        end = local(row.end, zone) if row.end else _("running")
        note = f"  {row.note}" if row.note else ""
        # TRANSLATORS: a shift's length in hours, e.g. "  7.50 h"
        hours = _("{hours} h").format(hours=f"{formats.number(row.hours(now), 2):>6}")
        lines.append(f"#{row.id:<5} {local(row.start, zone)} -> {end:<16} {hours}{note}")
    return "\n".join(lines)


def _ping_lines(rows: list[PingRow], zone: str) -> str:
    if not rows:
        return _("No pings in this period.")
    return "\n".join(
        f"#{row.id:<5} {local(row.at, zone)}  {source_label(row.source):<15} "
        f"{_minutes(row.minutes)}  {row.timing}"
        for row in rows
    )


def _minutes(minutes: int) -> str:
    """`` 15 min``: minutes right-aligned in a column (at most 1440: never grouped)."""
    return _("{minutes} min").format(minutes=f"{minutes:>4}")


def _incident_lines(rows: list[IncidentRow], zone: str) -> str:
    if not rows:
        return _("No incidents in this period.")
    return "\n".join(
        f"#{row.id:<5} {local(row.at, zone)}  {category_label(row.category):<20} "
        + _("severity {severity}").format(severity=row.severity)
        + f"  {_minutes(row.minutes)}  {row.platform or '-':<12} "
        f"{_advice_mark(row)}{row.summary}"
        for row in rows
    )


def _advice_mark(row: IncidentRow) -> str:
    """Said before the summary: it followed a decision made against the user's advice."""
    if not row.against_advice:
        return ""
    if row.advised_on:
        return (
            _("[against your advice, advised {day}]").format(day=row.advised_on.isoformat()) + " "
        )
    return _("[against your advice]") + " "


def _private(args: argparse.Namespace, journal: Journal) -> str | Rows:
    """Your own reflections and check-ins, on your own screen (never in any export)."""
    if args.what == "reflections":
        rows: Rows = [
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
            for r in journal.reflections()
        ]
    else:
        rows = [
            {
                "day": c.day.isoformat(),
                "answers": list(c.answers),
                "raw": c.result.raw,
                "score": c.result.score,
                "low": c.result.low,
                "low_answer": c.result.low_answer,
            }
            for c in journal.checkins()
        ]
    if args.json:
        return rows
    if not rows:
        return _("No reflections yet.") if args.what == "reflections" else _("No checkins yet.")
    if args.what == "reflections":
        return "\n".join(
            f"{r['day']}  "
            + (
                _("skipped")
                if r["skipped"]
                else _("mood {mood}  energy {energy}  stress {stress}").format(
                    mood=r["mood"], energy=r["energy"], stress=r["stress"]
                )
            )
            for r in rows
        )
    return "\n".join(f"{r['day']}  {r['score']:>3}/100{_who5_signs(r)}" for r in rows)


def _who5_signs(row: dict[str, Any]) -> str:
    """Which sign the guidance names applies: a score below 50, an answer at 0 or 1, or both."""
    if row["low"] and row["low_answer"]:
        return "  " + _("(below 50 and an answer at 0 or 1)")
    if row["low"]:
        return "  " + _("(below 50)")
    if row["low_answer"]:
        return "  " + _("(an answer at 0 or 1)")
    return ""
