"""The quick commands people bind to keyboard shortcuts (``log ping``, ``shift start|end|status``)
on SQLite alone: no SQLAlchemy is loaded, which is most of what the full path costs.

Same rules (``core.records.rules`` and ``fields``), same verdict on a ping's timing (the schedule
book, recorded shifts and on-call periods, judged as ``core.schedule.after_hours`` judges them in
SQL), same rows in the same stored form, same replies (``replies``); tests hold the two paths to
that. Whatever this path is not sure of goes to the full path, before anything is written: a
database that does not exist yet (the full path creates it), one whose schema is not this
version's newest (it upgrades it, or refuses a newer one), one a bounded quick_check finds
damaged (it refuses, naming the backup to restore), and any SQLite or OS error (it explains in
its own words). "Now" is read after the write lock is taken, so a writer that went first cannot
make a shift start overlap, or end before it began. The daily backup is made here too.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from wellbeing_app.cli import replies
from wellbeing_app.core.capture.bursts import BY_HAND_WINDOW, CAPTURED_NEARBY_SQL
from wellbeing_app.core.records import rules
from wellbeing_app.core.records.fields import check_minutes, check_not_future, clean_text
from wellbeing_app.core.schedule.book import ScheduleBook, WeeklySchedule, Window, rota_days
from wellbeing_app.core.store.health import CLI_CHECK_SECONDS, quick_check
from wellbeing_app.core.store.revisions import head_revision
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.vocabulary import timing_label

BUSY_TIMEOUT_MS = 30_000  # as core.store.database: wait for another writer, never fail
ORIGIN = "cli"
FAR_FUTURE = "9999-12-31"  # as core.schedule.after_hours: a running shift reaches into it
RUNNING = "SELECT id, start_utc, zone FROM shift WHERE end_utc IS NULL"

Command = Callable[[sqlite3.Connection, argparse.Namespace, Clock], str]


class _FallBack(Exception):
    """This path is not sure of the database: the full path takes the command instead."""


def is_quick(args: argparse.Namespace) -> bool:
    command: str = args.command
    if command == "shift":
        return bool(args.action != "add")
    return command == "log" and args.kind == "ping"


def run(args: argparse.Namespace, database: Path, clock: Clock) -> str | None:
    """The command's reply, or None when the full path must take it (nothing was written).

    Refusals (ValidationError, ConflictError) are raised as the full path raises them.
    """
    command, write = _COMMANDS["ping" if args.command == "log" else args.action]
    try:
        with _transaction(database, write) as connection:
            reply = command(connection, args, clock)
    except (sqlite3.Error, OSError, _FallBack):
        return None
    from wellbeing_app.cli.backup import daily_backup

    daily_backup(database, clock.now())
    return reply


@contextmanager
def _transaction(database: Path, write: bool) -> Iterator[sqlite3.Connection]:
    """One transaction (BEGIN IMMEDIATE to write) on a database at this version's schema,
    committed when the block ends, rolled back when it raises."""
    connection = sqlite3.connect(
        f"{database.absolute().as_uri()}?mode=rw",  # never creates a file
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
    )
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Read before the pragmas below may write: a file of another program stays untouched,
        # and a damaged one is left to the full path, which refuses it.
        _check_revision(connection)
        if quick_check(connection, CLI_CHECK_SECONDS) is not None:
            raise _FallBack
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            _check_revision(connection)  # again, inside: an upgrade may have run meanwhile
            yield connection
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:  # some errors end the transaction themselves
                connection.execute("ROLLBACK")
            raise
    finally:
        connection.close()


def _check_revision(connection: sqlite3.Connection) -> None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None or row[0] != head_revision():
        raise _FallBack


def stored(instant: datetime) -> str:
    """An instant as SQLAlchemy stores it in SQLite (see ``core.time.calendar``): UTC ISO text."""
    return instant.astimezone(UTC).isoformat(" ", "microseconds")[:26]


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _one(connection: sqlite3.Connection, query: str, *params: Any) -> Any:
    return connection.execute(query, params).fetchone()


def _start(connection: sqlite3.Connection, args: argparse.Namespace, clock: Clock) -> str:
    """As ``core.records.shifts.start_shift``."""
    now, zone = clock.now(), clock.zone()
    at = check_not_future(args.at or now, now, "at")
    running = _one(connection, RUNNING)
    if running is not None:
        raise rules.already_running(_instant(running[1]), running[2])
    other = _one(
        connection,
        "SELECT start_utc, end_utc, zone FROM shift WHERE end_utc IS NULL OR end_utc > ? "
        "ORDER BY start_utc LIMIT 1",
        stored(at),
    )
    if other is not None:
        end = _instant(other[1]) if other[1] is not None else None
        raise rules.overlaps(_instant(other[0]), end, other[2], "at")
    note = clean_text(args.note, "note", rules.MAX_NOTE)
    connection.execute(
        "INSERT INTO shift (start_utc, end_utc, zone, note, origin) VALUES (?, NULL, ?, ?, ?)",
        (stored(at), zone, note, ORIGIN),
    )
    return replies.shift_started(at, zone)


def _end(connection: sqlite3.Connection, args: argparse.Namespace, clock: Clock) -> str:
    """As ``core.records.shifts.end_shift``."""
    now = clock.now()
    at = check_not_future(args.at or now, now, "at")
    running = _one(connection, RUNNING)
    if running is None:
        raise rules.none_running()
    shift_id, start, zone = running[0], _instant(running[1]), running[2]
    if at <= start:
        raise rules.ends_before_start(start, zone)
    connection.execute("UPDATE shift SET end_utc = ? WHERE id = ?", (stored(at), shift_id))
    return replies.shift_ended(at, zone, at - start)


def _status(connection: sqlite3.Connection, args: argparse.Namespace, clock: Clock) -> str:
    at = args.at or clock.now()
    running = _one(connection, RUNNING)
    if running is None:
        return replies.shift_status(None, clock.zone(), at)
    return replies.shift_status(_instant(running[1]), running[2], at)


def _ping(connection: sqlite3.Connection, args: argparse.Namespace, clock: Clock) -> str:
    """As ``core.records.pings.log_ping``."""
    now, zone = clock.now(), clock.zone()
    at = check_not_future(args.at or now, now, "at")
    source = rules.check_source(args.source)
    minutes = check_minutes(args.minutes)
    note = clean_text(args.note, "note", rules.MAX_NOTE)
    window = (stored(at + BY_HAND_WINDOW), stored(at - BY_HAND_WINDOW))
    if _one(connection, CAPTURED_NEARBY_SQL, source, *window) is not None:
        raise _FallBack  # it joins a counted contact: the full path adds its minutes there
    connection.execute(
        "INSERT INTO ping (at_utc, zone, source, minutes, note, origin) VALUES (?, ?, ?, ?, ?, ?)",
        (stored(at), zone, source, minutes, note, ORIGIN),
    )
    return replies.ping_logged(source, at, zone, _timing(connection, at))


def _timing(connection: sqlite3.Connection, at: datetime) -> str:
    """After hours, on call, working hours or not judged, by the rule of
    ``core.schedule.after_hours``: at work is inside the schedule in force or a recorded shift;
    on call counts only outside work; before working hours were first set, nothing else is
    judged."""
    in_shift = _one(
        connection,
        "SELECT coalesce((SELECT coalesce(end_utc, ?) FROM shift WHERE start_utc <= ? "
        "ORDER BY start_utc DESC LIMIT 1) > ?, 0)",
        FAR_FUTURE,
        stored(at),
        stored(at),
    )[0]
    on_call = _one(
        connection,
        "SELECT count(*) FROM on_call WHERE start_utc <= ? AND end_utc > ?",
        stored(at),
        stored(at),
    )[0]
    book = _book(connection)
    at_work = bool(in_shift) or book.is_scheduled(at)
    first_set = book.first_start()
    schedule_set = first_set is not None and at >= first_set
    return timing_label(
        after_hours=not at_work and not on_call and schedule_set,
        on_call=not at_work and bool(on_call),
        judged=at_work or bool(on_call) or schedule_set,
    )


def _book(connection: sqlite3.Connection) -> ScheduleBook:
    """As ``core.schedule.weekly.load_book``: every version with its windows, days off and the
    rota."""
    windows: dict[int, list[Window]] = {}
    for version_id, weekday, start, end in connection.execute(
        "SELECT version_id, weekday, start_minute, end_minute FROM schedule_window "
        "ORDER BY weekday, start_minute"
    ):
        windows.setdefault(version_id, []).append(Window(weekday, start, end))
    versions = [
        WeeklySchedule(date.fromisoformat(effective_from), zone, tuple(windows.get(key, [])))
        for key, effective_from, zone in connection.execute(
            "SELECT id, effective_from, zone FROM schedule_version ORDER BY effective_from"
        )
    ]
    days_off = [
        (date.fromisoformat(first), date.fromisoformat(last))
        for first, last in connection.execute("SELECT first_day, last_day FROM day_off")
    ]
    rota = rota_days(
        (date.fromisoformat(day), _instant(start), _instant(end), zone)
        for day, start, end, zone in connection.execute(
            "SELECT day, start_utc, end_utc, zone FROM rota_window"
        )
    )
    return ScheduleBook(versions, days_off, rota=rota)


# what each quick command does, and whether it writes (then it takes the write lock up front)
_COMMANDS: dict[str, tuple[Command, bool]] = {
    "start": (_start, True),
    "end": (_end, True),
    "status": (_status, False),
    "ping": (_ping, True),
}
