"""A database holding every kind of record (every table of the schema has rows), and every row
of a database file read straight from SQLite, for the full-copy tests."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import SQLModel

from wellbeing_app.core.demo.fill import fill_demo
from wellbeing_app.core.store import settings
from wellbeing_app.core.store.database import Database
from wellbeing_app.core.store.models import (
    CapturedPing,
    Checkin,
    DayOff,
    HandoffItem,
    ImportBatch,
    Incident,
    OnCall,
    Ping,
    Reflection,
    RotaWindow,
    Shift,
)

SECRET = "SECRET-note-7f3a9c: the client's legal threat"
REFLECTION_SECRET = "SECRET-reflection-51be: I cried in the car"
AT = datetime(2026, 11, 14, 9, 30, 15, 123456, tzinfo=UTC)  # with microseconds, to keep


def fill_everything(db: Database, now: datetime, zone: str = "Europe/Berlin") -> None:
    """A year of demo history, and a row in every table the demo leaves empty (calendar
    imports, a rota, imported days off and on call, a counted contact, hand-off items,
    settings, an open shift), with private text, unicode and a new line in it."""
    fill_demo(db, years=1, now=now - timedelta(days=30), zone=zone)
    with db.write() as session:
        batch = ImportBatch(
            used_as="rota",
            file_name="rota.ics",
            calendar_name="Team rota ✓",
            match="Shift",
            first_day=date(2026, 11, 1),
            last_day=date(2026, 11, 30),
            imported_utc=AT,
            updated_utc=AT + timedelta(hours=1),
        )
        session.add(batch)
        session.flush()
        assert batch.id is not None
        session.add(
            RotaWindow(
                day=date(2026, 11, 20),
                start_utc=datetime(2026, 11, 20, 7, tzinfo=UTC),
                end_utc=datetime(2026, 11, 20, 15, tzinfo=UTC),
                zone=zone,
                origin="import",
                batch_id=batch.id,
                uid="event-1@calendar",
                recurrence_id="20261120T080000",
            )
        )
        session.add(
            RotaWindow(
                day=date(2026, 11, 21),
                start_utc=datetime(2026, 11, 21, 22, tzinfo=UTC),
                end_utc=datetime(2026, 11, 22, 6, tzinfo=UTC),
                zone=zone,
            )
        )
        session.add(
            DayOff(
                first_day=date(2026, 12, 24),
                last_day=date(2026, 12, 26),
                note="Holidays",
                batch_id=batch.id,
                uid="event-2@calendar",
            )
        )
        session.add(
            OnCall(
                start_utc=datetime(2026, 11, 28, 8, tzinfo=UTC),
                end_utc=datetime(2026, 11, 29, 8, tzinfo=UTC),
                zone=zone,
                origin="import",
                batch_id=batch.id,
                uid="event-3@calendar",
                recurrence_id="",
            )
        )
        ping = Ping(at_utc=AT, zone=zone, source="Slack", minutes=0, origin="capture")
        session.add(ping)
        session.add(Ping(at_utc=AT, zone=zone, source="email", minutes=12, note=SECRET))
        session.flush()
        assert ping.id is not None
        session.add(CapturedPing(ping_id=ping.id, notifications=4, last_utc=AT))
        session.add(
            Incident(
                at_utc=AT,
                zone=zone,
                category="threats",
                severity=5,
                summary="Threat in DMs",
                details=f"{SECRET}\nsecond line",
                resolved_at_utc=AT + timedelta(hours=3),
                against_advice=True,
                advised_on=date(2026, 11, 10),
            )
        )
        session.add(
            Reflection(
                day=date(2026, 11, 14),
                zone=zone,
                mood=2,
                energy=3,
                stress=8,
                detachment=1,
                went_well="Finished the report 🎉",
                leave_at_work="The legal reply",
                tonight=REFLECTION_SECRET,
                saved_utc=AT,
            )
        )
        session.add(Reflection(day=date(2026, 11, 12), zone=zone, skipped=True, saved_utc=AT))
        session.add(HandoffItem(day=date(2026, 11, 14), text="Answer legal", done_utc=AT))
        session.add(HandoffItem(day=date(2026, 11, 14), text="Post schedule"))
        session.add(
            Checkin(
                day=date(2026, 11, 14),
                zone=zone,
                item1=0,
                item2=5,
                item3=3,
                item4=2,
                item5=1,
                saved_utc=AT,
            )
        )
        session.add(Shift(start_utc=now - timedelta(hours=1), zone=zone, note="running"))
        settings.set_setting(session, "first_run_done", True)
        settings.set_setting(session, "quiet_hours", {"start": "21:00", "end": "07:00"})


def every_row(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table in the file (alembic_version included), as SQLite holds it."""
    conn = sqlite3.connect(database)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {name: conn.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall() for name in names}
    finally:
        conn.close()


def schema_tables() -> set[str]:
    return set(SQLModel.metadata.tables)


def records(database: Path) -> dict[str, int]:
    """Rows per table, other than settings and the schema revision."""
    rows = every_row(database)
    return {
        name: len(table)
        for name, table in rows.items()
        if name not in {"setting", "alembic_version"} and table
    }
