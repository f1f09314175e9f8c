"""``schedule set|show|off|oncall|rota``: the working schedule, the rota (dated windows), days
off and on-call periods.

``show --json`` keeps the weekday ids (``mon``); the text shows their labels (``Mon``).
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, timedelta
from typing import Any

from wellbeing_app.cli.replies import iso, local
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _, formats, ngettext
from wellbeing_app.core.schedule.book import ScheduleBook, Window
from wellbeing_app.core.schedule.rota import RotaEntry
from wellbeing_app.core.time.local_time import format_duration, in_zone
from wellbeing_app.core.vocabulary import WEEKDAY_IDS


def run(args: argparse.Namespace, journal: Journal) -> str | dict[str, Any]:
    now, zone = journal.now(), journal.zone()
    today = in_zone(now, zone).date()
    if args.action == "set":
        return _set(args, journal, args.from_date or today)
    if args.action == "off":
        first, last = args.dates
        last = last or first
        journal.add_days_off(first, last)
        if first == last:
            return _("Day off: {day}.").format(day=first)
        return _("Days off: {first} to {last}.").format(first=first, last=last)
    if args.action == "rota":
        return _rota(args, journal)
    if args.action == "oncall":
        period = journal.add_on_call(args.start, args.end)
        return _("On call from {start} to {end}.").format(
            start=local(period.start, zone), end=local(period.end, zone)
        )
    book = journal.schedule_book(now - timedelta(days=1), datetime.max.replace(tzinfo=UTC))
    shown = _schedule_json(book, today, zone)
    shown["rota"] = [_rota_json(entry) for entry in journal.rota.entries(today)]
    return shown if args.json else _schedule_text(book, today, shown)


def _set(args: argparse.Namespace, journal: Journal, first: date) -> str:
    """Sets the days from ``first``; says so, and what later versions do with them."""
    change = journal.set_schedule(args.days, args.start, args.end, args.tz, first)
    said = (
        # TRANSLATORS: e.g. From 2026-03-02: Sat 22:00-06:00 (ending the next day), UTC.
        _("From {date}: {days} {hours} (ending the next day), {zone}.")
        if args.end < args.start
        # TRANSLATORS: e.g. From 2026-03-02: Mon, Tue 09:00-17:00, Europe/Warsaw.
        else _("From {date}: {days} {hours}, {zone}.")
    )
    lines = [
        said.format(
            date=first,
            days=_days(args.days),
            hours=f"{_clock(args.start)}-{_clock(args.end)}",
            zone=change.version.zone,
        )
    ]
    if change.carried:
        later = ", ".join(str(v.effective_from) for v in change.carried)
        lines.append(
            ngettext(
                "Also in the later schedule from {dates}.",
                "Also in the later schedules from {dates}.",
                len(change.carried),
            ).format(dates=later)
        )
    now = journal.now()
    held: set[int] = set()
    for version in journal.schedule_book(now, now).versions:
        if version.effective_from <= first:
            continue
        own = [
            d
            for d in args.days
            if d not in held and version.windows_on(d) != [Window(d, args.start, args.end)]
        ]
        if own:
            held.update(own)
            lines.append(
                _("From {date}, the later change of {days} still applies.").format(
                    date=version.effective_from, days=_days(own)
                )
            )
    return "\n".join(lines)


def _days(days: list[int]) -> str:
    """``Mon, Tue``: weekdays as the language in use shortens them."""
    return ", ".join(formats.weekday(d) for d in days)


def _rota(args: argparse.Namespace, journal: Journal) -> str:
    if args.rota == "clear":
        first, last = args.dates
        last = last or first
        removed = journal.rota.clear(first, last)
        days = str(first) if first == last else _days_between(str(first), str(last))
        if not removed:
            return _("No rota windows on {days}; nothing changed.").format(days=days)
        return ngettext(
            "Removed {count} rota window on {days}; the weekly pattern applies.",
            "Removed {count} rota windows on {days}; the weekly pattern applies.",
            removed,
        ).format(count=removed, days=days)
    entry = journal.rota.add(args.date, args.start, args.end)
    said = (
        _(
            "Rota: {weekday} {date} {hours} (ending the next day), {length}, {zone}. "
            "It replaces the weekly pattern on that date."
        )
        if args.end <= args.start
        else _(
            "Rota: {weekday} {date} {hours}, {length}, {zone}. "
            "It replaces the weekly pattern on that date."
        )
    )
    return said.format(
        weekday=formats.weekday(args.date.weekday()),
        date=args.date,
        hours=f"{_clock(args.start)}-{_clock(args.end)}",
        length=format_duration(entry.end - entry.start),
        zone=entry.zone,
    )


def _days_between(first: str, last: str) -> str:
    """``2026-03-02 to 2026-03-06``: a span of days, both included."""
    return _("{first} to {last}").format(first=first, last=last)


def _rota_json(entry: RotaEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "date": entry.day.isoformat(),
        "start": iso(entry.start, entry.zone),
        "end": iso(entry.end, entry.zone),
        "zone": entry.zone,
        "batch": entry.batch,
    }


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _window_json(window: Window) -> dict[str, Any]:
    return {
        "day": WEEKDAY_IDS[window.weekday],
        "start": _clock(window.start_minute),
        "end": _clock(window.end_minute),
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
        "on_call": [{"start": iso(p.start, zone), "end": iso(p.end, zone)} for p in book.on_call],
    }


def _window_lines(windows: tuple[Window, ...]) -> list[str]:
    """``  Mon  09:00-17:00``, the hours in one column whatever the weekday's name (``pon.``)."""
    width = max(len(formats.weekday(day)) for day in range(7))
    return [
        f"  {formats.weekday(w.weekday):<{width}}  {_clock(w.start_minute)}-{_clock(w.end_minute)}"
        for w in windows
    ]


def _schedule_text(book: ScheduleBook, today: date, shown: dict[str, Any]) -> str:
    current = book.in_force(today)
    upcoming = [v for v in book.versions if v.effective_from > today]
    if current is None and not upcoming and not shown["rota"]:
        return _(
            "No schedule yet. Set one, e.g.: "
            "wellbeing-app schedule set --days mon-fri --start 09:00 --end 17:00"
        )
    lines = []
    if current is not None:
        lines.append(
            _("Schedule since {date} ({zone}):").format(
                date=current.effective_from, zone=current.zone
            )
        )
        lines += _window_lines(current.windows)
    for version in upcoming:
        lines.append(
            _("From {date} ({zone}):").format(date=version.effective_from, zone=version.zone)
        )
        lines += _window_lines(version.windows)
    for entry in shown["rota"]:
        start, end = entry["start"], entry["end"]
        lines.append(
            _("Rota {date}: {hours} ({zone})").format(
                date=entry["date"], hours=f"{start[11:16]}-{end[11:16]}", zone=entry["zone"]
            )
        )
    for off in shown["days_off"]:
        same = off["from"] == off["to"]
        span = off["from"] if same else _days_between(off["from"], off["to"])
        lines.append(_("Off: {days}").format(days=span))
    for period in shown["on_call"]:
        lines.append(
            _("On call: {start} to {end}").format(start=period["start"], end=period["end"])
        )
    return "\n".join(lines)
