"""Bringing the checked rows of a CSV file into the store as they are (origin ``import``), all in
one transaction, or none.

Rows already stored are skipped and counted: a ping at the same second from the same source,
a shift with the same start and end (to the second, as listings show them); so is a row that
repeats an earlier row of the file, and a shift row without an end (one running when it was
listed). Any other shift that overlaps a stored shift or another row is refused, as when added
by hand. Nothing here merges a ping into a counted contact: an import adds what it is given.

A dry run reads instead of writing; the rows are reported as ``list --json`` would show them,
after hours judged against the shifts and schedule stored.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Integer, MetaData, Table, insert, or_
from sqlmodel import Session, col, select

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.imports.csv_rows import (
    PingDraft,
    ShiftDraft,
    read_csv,
    refuse_first,
    where,
)
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.records import rules
from wellbeing_app.core.records.pings import PingRow
from wellbeing_app.core.records.shifts import ShiftRow
from wellbeing_app.core.schedule.after_hours import prepare
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import Origin, Ping, Shift

# Why a row was left out: in English (``row`` filled in), the ``reason`` of ``import --json``'s
# ``skipped_rows``, the same in every language; text shows them through ``_``.
ALREADY_PRESENT = N_("already present")
STILL_RUNNING = N_("still running (no end)")
SAME_AS_ROW = N_("same as row {row}")
_SECOND = timedelta(seconds=1)
_TEMP = MetaData()
_instants = Table(
    "import_instant",
    _TEMP,
    Column("n", Integer, primary_key=True),
    Column("at", Ping.__table__.c.at_utc.type),  # type: ignore[attr-defined]
    prefixes=["TEMPORARY"],
)


@dataclass(frozen=True)
class Added:
    """A row brought in (or that would be): its row number, and the record as listed (``id``
    0 in a dry run, where nothing is stored)."""

    row: int
    record: PingRow | ShiftRow


@dataclass(frozen=True)
class Skipped:
    """A row left out, and why: ``why`` is ALREADY_PRESENT, STILL_RUNNING or SAME_AS_ROW (of
    row ``same_as``)."""

    row: int
    why: str
    same_as: int = 0

    @property
    def reason(self) -> str:
        """``already present``, ``same as row N``, ``still running (no end)``: in English,
        whatever the language, as JSON gives it."""
        return self.why.format(row=self.same_as)


@dataclass(frozen=True)
class CsvImport:
    kind: str
    dry_run: bool
    added: list[Added]
    skipped: list[Skipped]
    used_default_zone: bool  # a time without an offset, in a row without a zone, was read


def import_csv(
    db: Database, path: Path, name: str, kind: str, *, now: datetime, zone: str, dry_run: bool
) -> CsvImport:
    """Read the CSV file of ``kind`` (pings or shifts) at ``path`` (``name``: as the user gave
    it) and add its new rows, unless ``dry_run``; ``zone`` is the user's (see ``csv_rows``)."""
    rows = read_csv(path, name, kind, now, zone)
    with db.read() if dry_run else db.write() as session:
        if kind == "pings":
            added, skipped = _pings(session, rows.pings, dry_run)
        else:
            added, skipped = _shifts(session, rows.shifts, name, dry_run)
    skipped.sort(key=lambda s: s.row)
    return CsvImport(kind, dry_run, added, skipped, rows.used_default_zone)


def _second(instant: datetime) -> datetime:
    return instant.replace(microsecond=0)


def _pings(
    session: Session, drafts: list[PingDraft], dry_run: bool
) -> tuple[list[Added], list[Skipped]]:
    if not drafts:
        return [], []
    first = _second(min(d.at for d in drafts))
    last = _second(max(d.at for d in drafts)) + _SECOND
    stored = {
        (_second(at), source)
        for at, source in session.exec(
            select(col(Ping.at_utc), col(Ping.source)).where(
                col(Ping.at_utc) >= first, col(Ping.at_utc) < last
            )
        )
    }
    seen: dict[tuple[datetime, str], int] = {}
    new: list[PingDraft] = []
    skipped: list[Skipped] = []
    for draft in drafts:
        key = (_second(draft.at), draft.source)
        if key in stored:
            skipped.append(Skipped(draft.row, ALREADY_PRESENT))
        elif key in seen:
            skipped.append(Skipped(draft.row, SAME_AS_ROW, seen[key]))
        else:
            seen[key] = draft.row
            new.append(draft)
    ids = [0] * len(new)
    if not dry_run and new:
        ids = _inserted(
            session,
            Ping,
            [
                {"at_utc": d.at, "zone": d.zone, "source": d.source, "minutes": d.minutes}
                | {"note": d.note, "origin": Origin.IMPORT.value}
                for d in new
            ],
        )
    verdicts = _judged(session, [d.at for d in new])
    origin = Origin.IMPORT.value
    added = [
        Added(d.row, PingRow(i, d.at, d.zone, d.source, d.minutes, d.note, origin, *verdict))
        for d, i, verdict in zip(new, ids, verdicts, strict=True)
    ]
    return added, skipped


def _inserted(session: Session, table: type[Ping | Shift], rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` in one statement batch; their new ids, in the same order (far faster
    than one ORM object per row: 200,000 pings in seconds)."""
    statement = insert(table).returning(col(table.id), sort_by_parameter_order=True)
    return [new_id or 0 for new_id in session.scalars(statement, rows)]


def _judged(session: Session, instants: list[datetime]) -> list[tuple[bool, bool, bool]]:
    """(after hours, on call, judged) for each instant, as ``list_pings`` judges a ping there."""
    if not instants:
        return []
    connection = session.connection()
    _instants.create(connection, checkfirst=True)
    connection.execute(_instants.delete())
    connection.execute(_instants.insert(), [{"n": n, "at": at} for n, at in enumerate(instants)])
    verdicts = prepare(session, min(instants), max(instants) + _SECOND, at=_instants.c.at)
    query = select(_instants.c.n, verdicts.after_hours, verdicts.on_call, verdicts.judged).order_by(
        _instants.c.n
    )
    judged = [(bool(a), bool(o), bool(j)) for _, a, o, j in connection.execute(query)]
    connection.execute(_instants.delete())
    return judged


def _shifts(
    session: Session, drafts: list[ShiftDraft], name: str, dry_run: bool
) -> tuple[list[Added], list[Skipped]]:
    skipped = [Skipped(d.row, STILL_RUNNING) for d in drafts if d.end is None]
    ended = [d for d in drafts if d.end is not None]
    if not ended:
        return [], skipped
    stored = _stored_shifts(session, ended)
    present = {(_second(s.start_utc), _second(s.end_utc)) for s in stored if s.end_utc}
    starts = [s.start_utc for s in stored]
    seen: dict[tuple[datetime, datetime], int] = {}
    new: list[ShiftDraft] = []
    problems: list[tuple[int, ValidationError]] = []
    for draft in ended:
        assert draft.end is not None
        key = (_second(draft.start), _second(draft.end))
        if key in present:
            skipped.append(Skipped(draft.row, ALREADY_PRESENT))
        elif key in seen:
            skipped.append(Skipped(draft.row, SAME_AS_ROW, seen[key]))
        else:
            # Stored shifts never overlap: the latest one starting before this end is the only
            # one that can reach into it.
            index = bisect_left(starts, draft.end) - 1
            other = stored[index] if index >= 0 else None
            if other is not None and (other.end_utc is None or other.end_utc > draft.start):
                clash = _overlap(name, draft.row, other.start_utc, other.end_utc, other.zone)
                problems.append((draft.row, clash))
            seen[key] = draft.row
            new.append(draft)
    problems += _overlapping_rows(new, name)
    refuse_first([problem for _, problem in sorted(problems, key=lambda p: p[0])])
    ids = [0] * len(new)
    if not dry_run and new:
        ids = _inserted(
            session,
            Shift,
            [
                {"start_utc": d.start, "end_utc": d.end, "zone": d.zone, "note": d.note}
                | {"origin": Origin.IMPORT.value}
                for d in new
            ],
        )
    origin = Origin.IMPORT.value
    added = [
        Added(d.row, ShiftRow(i, d.start, d.end, d.zone, d.note, origin))
        for d, i in zip(new, ids, strict=True)
    ]
    return added, skipped


def _stored_shifts(session: Session, drafts: list[ShiftDraft]) -> list[Shift]:
    """The stored shifts that reach into the span of ``drafts``, by start."""
    first = min(d.start for d in drafts) - _SECOND
    last = max(d.end for d in drafts if d.end is not None) + _SECOND
    query = (
        select(Shift)
        .where(col(Shift.start_utc) < last)
        .where(or_(col(Shift.end_utc).is_(None), col(Shift.end_utc) > first))
        .order_by(col(Shift.start_utc))
    )
    return list(session.exec(query))


def _overlapping_rows(drafts: list[ShiftDraft], name: str) -> list[tuple[int, ValidationError]]:
    """Rows of the file that overlap each other, each pair named by its later row."""
    problems: list[tuple[int, ValidationError]] = []
    ordered = sorted(drafts, key=lambda d: (d.start, d.row))
    reach: ShiftDraft | None = None  # of the rows so far, the one that ends last
    for draft in ordered:
        assert draft.end is not None
        if reach is not None and reach.end is not None and draft.start < reach.end:
            later, earlier = (draft, reach) if draft.row > reach.row else (reach, draft)
            assert earlier.end is not None
            clash = _overlap(name, later.row, earlier.start, earlier.end, earlier.zone)
            problems.append((later.row, _also(clash, earlier.row)))
        if reach is None or (reach.end is not None and draft.end > reach.end):
            reach = draft
    return problems


def _overlap(
    name: str, row: int, start: datetime, end: datetime | None, zone: str
) -> ValidationError:
    """Row ``row`` overlaps the shift from ``start`` to ``end``, in the words of adding by hand."""
    return rules.overlaps(start, end, zone, where(name, row, "start"))


def _also(problem: ValidationError, row: int) -> ValidationError:
    """``problem``, saying the other shift is that of row ``row`` of the file."""
    # TRANSLATORS: {problem} says which shift a row of the file overlaps; {row} is its row.
    return ValidationError(
        problem.field, _("{problem} in row {row}").format(problem=problem.message, row=row)
    )
