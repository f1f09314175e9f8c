"""Filling a new, empty database with made-up history, so a new user sees what the app shows.

The rows come from ``demo_history`` (seeded, reproducible). They are written in one transaction,
in bulk, and only into a database that holds no data yet: the check is made again inside the
write transaction, so a shift logged meanwhile by the tray app is never mixed with demo rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Table, insert, inspect
from sqlmodel import Session, SQLModel, select

from wellbeing_app.core.demo.history import (
    DEFAULT_SEED,
    MAX_YEARS,
    WORK_END,
    WORK_START,
    build_history,
    check_years,
)
from wellbeing_app.core.errors import ConflictError
from wellbeing_app.core.language import N_, _, ngettext
from wellbeing_app.core.schedule.weekly import (
    Window,
    add_days_off,
    add_on_call,
    check_zone,
    save_week,
)
from wellbeing_app.core.store import record_words
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import (
    Checkin,
    DayOff,
    HandoffItem,
    Incident,
    OnCall,
    Origin,
    Ping,
    Reflection,
    ScheduleVersion,
    Shift,
)

__all__ = ["DEFAULT_SEED", "MAX_YEARS", "DemoSummary", "fill_demo", "held_data"]

# What counts as the user's data: any row in these tables makes a database "in use".
# Settings do not count (the tray app may store preferences before anything is logged).
_DATA_TABLES: tuple[tuple[str, type[SQLModel]], ...] = (
    (N_("shifts"), Shift),
    (N_("pings"), Ping),
    (N_("incidents"), Incident),
    (N_("reflections"), Reflection),
    (N_("hand-off items"), HandoffItem),
    (N_("check-ins"), Checkin),
    (N_("schedule versions"), ScheduleVersion),
    (N_("days off"), DayOff),
    (N_("on-call periods"), OnCall),
)


@dataclass(frozen=True)
class DemoSummary:
    """How much demo history was written, and where."""

    path: Path
    years: int
    shifts: int
    pings: int
    incidents: int
    reflections: int
    checkins: int
    days_off: int
    on_call: int

    def line(self) -> str:
        """``Demo data: 10 years, 2,507 shifts, ... in DIR/wellbeing.sqlite3``."""
        years = ngettext("{count} year", "{count} years", self.years).format(count=self.years)
        return _(
            "Demo data: {years}, {shifts}, {pings}, {incidents}, {reflections}, {checkins} in "
            "{path}"
        ).format(
            years=years,
            shifts=record_words.held(self.shifts, "shift"),
            pings=record_words.held(self.pings, "ping"),
            incidents=record_words.held(self.incidents, "incident"),
            reflections=record_words.held(self.reflections, "reflection"),
            checkins=record_words.held(self.checkins, "checkin"),
            path=self.path,
        )


def held_data(session: Session) -> list[str]:
    """The kinds of data the database already holds (empty list: a new database), in the
    language in use."""
    return [
        _(name)
        for name, model in _DATA_TABLES
        if session.exec(select(model).limit(1)).first() is not None
    ]


def fill_demo(
    db: Database, *, years: int, now: datetime, zone: str, seed: int = DEFAULT_SEED
) -> DemoSummary:
    """Write ``years`` of demo history ending at ``now`` into ``db``, which must hold no data.

    Raises ValidationError for a bad ``years`` or ``zone`` and ConflictError, writing nothing,
    when the database already holds data.
    """
    check_years(years)
    check_zone(zone)
    with db.read() as session:
        _refuse_if_used(session, db.path)
    history = build_history(years, now=now, zone=zone, seed=seed)
    with db.write() as session:
        _refuse_if_used(session, db.path)
        week = [Window(day, WORK_START, WORK_END) for day in range(5)]  # Mon-Fri
        save_week(session, week, zone, history.first_day)
        for first, last, note in history.days_off:
            add_days_off(session, first, last, note)
        for start, end in history.on_call:
            add_on_call(session, start, end, zone, Origin.IMPORT)
        for model, rows in (
            (Shift, history.shifts),
            (Ping, history.pings),
            (Incident, history.incidents),
            (Reflection, history.reflections),
            (Checkin, history.checkins),
        ):
            if rows:  # Core executemany: the ORM's bulk path is half again as slow
                session.execute(insert(_table(model)), rows)
    return DemoSummary(
        db.path,
        years,
        shifts=len(history.shifts),
        pings=len(history.pings),
        incidents=len(history.incidents),
        reflections=len(history.reflections),
        checkins=len(history.checkins),
        days_off=len(history.days_off),
        on_call=len(history.on_call),
    )


def _table(model: type[SQLModel]) -> Table:
    table = inspect(model).local_table
    assert isinstance(table, Table)
    return table


def _refuse_if_used(session: Session, path: Path) -> None:
    held = held_data(session)
    if held:
        raise ConflictError(
            _(
                "{path} already holds data ({kinds}); demo data only goes into a new, "
                "empty database. Nothing was written; use another --data-dir."
            ).format(path=path, kinds=", ".join(held))
        )
