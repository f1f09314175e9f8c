"""Calendar events kept as one batch per calendar: what each event becomes (a rota window, an
on-call period or days off), importing the same calendar again, and undoing a batch.

The same calendar is recognised by its events' UIDs: a batch of the same use holding any of the
incoming UIDs is updated, not doubled. Updating replaces the batch's rows on the days imported
(so an event moved or deleted in the calendar moves or goes here too) and keeps its rows on
other days. Every change is planned from reads first, then written in the caller's transaction,
so a dry run shows exactly what would be written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import delete
from sqlmodel import Session, col, func, select

from wellbeing_app.core.errors import NotFoundError
from wellbeing_app.core.imports.calendar_file import CalendarEvent, CalendarRead
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.records.rules import MAX_NOTE
from wellbeing_app.core.schedule.book import Interval
from wellbeing_app.core.store.models import DayOff, ImportBatch, OnCall, Origin, RotaWindow
from wellbeing_app.core.time.local_time import in_zone

USES = ("rota", "oncall", "days-off")
Imported = RotaWindow | OnCall | DayOff
_TABLES: dict[str, type[Imported]] = {
    "rota": RotaWindow,
    "oncall": OnCall,
    "days-off": DayOff,
}
# Why an event is not a rota window: English keys of ``skipped_why``, as calendar_file's SKIP_.
ALL_DAY_AS_ROTA = N_("all-day event (no working hours; import it --as days-off or --as oncall)")
LONGER_THAN_A_DAY = N_("longer than 24 hours (a rota window is one shift; --as oncall?)")
OVERLAPS = N_("overlaps a rota window already planned")
ROTA_LIMIT = timedelta(hours=24)


@dataclass(frozen=True)
class Kept:
    """An event kept, and the local days it touches."""

    event: CalendarEvent

    @property
    def key(self) -> tuple[str, str]:
        return (self.event.uid, self.event.recurrence_id)


@dataclass
class CalendarPlan:
    """What importing a calendar would do (and, once written, did)."""

    used_as: str
    file_name: str
    calendar_name: str | None
    first: date
    last: date
    match: str | None
    batch_id: int | None = None  # the batch updated, or once written the new one
    updating: bool = False
    kept: list[Kept] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    added: int = 0
    changed: int = 0
    removed: int = 0
    _replaced: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class BatchInfo:
    id: int
    used_as: str
    file_name: str
    calendar_name: str | None
    first_day: date
    last_day: date
    imported: datetime
    updated: datetime
    rows: int


def plan_import(
    session: Session,
    read: CalendarRead,
    *,
    used_as: str,
    file_name: str,
    first: date,
    last: date,
    match: str | None,
    zone: str,
) -> CalendarPlan:
    """What importing ``read`` as ``used_as`` would add, change and remove (nothing written)."""
    plan = CalendarPlan(used_as, file_name, read.calendar_name, first, last, match)
    plan.skipped.update(read.skipped)
    table = _TABLES[used_as]
    plan.batch_id = _same_calendar(session, table, used_as, {e.uid for e in read.events})
    plan.updating = plan.batch_id is not None
    before: dict[tuple[str, str], int] = {}
    if plan.batch_id is not None:
        found = session.exec(select(table).where(col(table.batch_id) == plan.batch_id)).all()
        rows = [row for row in found if isinstance(row, RotaWindow | OnCall | DayOff)]
        for row in rows:
            if first <= _day_of(row) <= last:
                before[(row.uid or "", row.recurrence_id or "")] = row.id or 0
    plan._replaced = list(before.values())
    taken = _other_rota(session, first, last, set(plan._replaced)) if used_as == "rota" else []
    for event in read.events:
        reason = _why_not(event, used_as, taken)
        if reason is not None:
            plan.skipped[reason] += 1
            continue
        if used_as == "rota":
            taken.append(Interval(event.start, event.end))
        plan.kept.append(Kept(event))
    keys = {k.key for k in plan.kept}
    plan.changed = len(keys & before.keys())
    plan.added = len(keys - before.keys())
    plan.removed = len(before.keys() - keys)
    return plan


def write_plan(session: Session, plan: CalendarPlan, zone: str, now: datetime) -> int:
    """Writes ``plan`` (from ``plan_import`` in this same transaction); returns its batch."""
    table = _TABLES[plan.used_as]
    if plan.batch_id is None:
        batch = ImportBatch(
            used_as=plan.used_as,
            file_name=plan.file_name,
            calendar_name=plan.calendar_name,
            match=plan.match,
            first_day=plan.first,
            last_day=plan.last,
            imported_utc=now,
            updated_utc=now,
        )
    else:
        batch = session.get_one(ImportBatch, plan.batch_id)
        batch.first_day = min(batch.first_day, plan.first)
        batch.last_day = max(batch.last_day, plan.last)
        batch.file_name, batch.calendar_name = plan.file_name, plan.calendar_name
        batch.match, batch.updated_utc = plan.match, now
    session.add(batch)
    session.flush()
    assert batch.id is not None
    if plan._replaced:
        session.execute(delete(table).where(col(table.id).in_(plan._replaced)))
    for kept in plan.kept:
        session.add(_row(kept.event, plan.used_as, batch.id, zone))
    session.flush()
    plan.batch_id = batch.id
    return batch.id


def undo_batch(session: Session, batch_id: int) -> BatchInfo:
    """Removes the batch and every row it brought in (they go as a whole)."""
    info = _info(session, batch_id)
    for table in _TABLES.values():
        session.execute(delete(table).where(col(table.batch_id) == batch_id))
    session.execute(delete(ImportBatch).where(col(ImportBatch.id) == batch_id))
    return info


def list_batches(session: Session) -> list[BatchInfo]:
    ids = session.exec(select(ImportBatch.id).order_by(col(ImportBatch.id))).all()
    return [_info(session, batch_id) for batch_id in ids if batch_id is not None]


def _info(session: Session, batch_id: int) -> BatchInfo:
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFoundError(
            _("no import batch #{batch}; 'wellbeing-app import list' shows them").format(
                batch=batch_id
            )
        )
    table = _TABLES[batch.used_as]
    rows = session.exec(
        select(func.count()).select_from(table).where(col(table.batch_id) == batch_id)
    ).one()
    return BatchInfo(
        batch_id,
        batch.used_as,
        batch.file_name,
        batch.calendar_name,
        batch.first_day,
        batch.last_day,
        batch.imported_utc,
        batch.updated_utc,
        int(rows),
    )


def _same_calendar(session: Session, table: type, used_as: str, uids: set[str]) -> int | None:
    """The batch of the same use holding most of ``uids`` (None: a calendar not seen before)."""
    if not uids:
        return None
    rows = session.exec(
        select(table.batch_id, table.uid)  # type: ignore[attr-defined]
        .join(ImportBatch, col(ImportBatch.id) == table.batch_id)  # type: ignore[attr-defined]
        .where(col(ImportBatch.used_as) == used_as)
    ).all()
    shared = Counter(batch for batch, uid in rows if uid in uids)
    return min(shared, key=lambda b: (-shared[b], b)) if shared else None


def _other_rota(session: Session, first: date, last: date, leaving: set[int]) -> list[Interval]:
    """Rota windows around the days imported that stay: typed by hand, or other batches'."""
    rows = session.exec(
        select(RotaWindow).where(
            col(RotaWindow.day) >= first - timedelta(days=2),
            col(RotaWindow.day) <= last + timedelta(days=2),
        )
    ).all()
    return [Interval(r.start_utc, r.end_utc) for r in rows if r.id not in leaving]


def _why_not(event: CalendarEvent, used_as: str, taken: list[Interval]) -> str | None:
    if used_as != "rota":
        return None
    if event.all_day:
        return ALL_DAY_AS_ROTA
    if event.duration > ROTA_LIMIT:
        return LONGER_THAN_A_DAY
    if any(i.start < event.end and event.start < i.end for i in taken):
        return OVERLAPS
    return None


def _row(event: CalendarEvent, used_as: str, batch_id: int, zone: str) -> Imported:
    row = _new_row(event, used_as, zone)
    row.batch_id, row.uid, row.recurrence_id = batch_id, event.uid, event.recurrence_id
    return row


def _new_row(event: CalendarEvent, used_as: str, zone: str) -> Imported:
    if used_as == "rota":
        return RotaWindow(
            day=event.first_day,
            start_utc=_utc(event.start),
            end_utc=_utc(event.end),
            zone=zone,
            origin=Origin.IMPORT.value,
        )
    if used_as == "oncall":
        return OnCall(
            start_utc=_utc(event.start),
            end_utc=_utc(event.end),
            zone=zone,
            note=event.summary[:MAX_NOTE] or None,
            origin=Origin.IMPORT.value,
        )
    return DayOff(
        first_day=event.first_day,
        last_day=event.last_day,
        note=event.summary[:MAX_NOTE] or None,
    )


def _day_of(row: Imported) -> date:
    if isinstance(row, RotaWindow):
        return row.day
    if isinstance(row, DayOff):
        return row.first_day
    return in_zone(row.start_utc, row.zone).date()


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
