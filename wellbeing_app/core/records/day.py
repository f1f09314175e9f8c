"""What the user logged on one local day: the Today window's data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from wellbeing_app.core.records.incidents import IncidentRow, list_incidents
from wellbeing_app.core.records.pings import PingRow, list_pings
from wellbeing_app.core.records.shifts import ShiftRow, list_shifts
from wellbeing_app.core.time.local_time import day_bounds, local_date


@dataclass(frozen=True)
class DayLog:
    day: date
    shifts: list[ShiftRow]
    pings: list[PingRow]
    incidents: list[IncidentRow]


def day_log(session: Session, now: datetime, zone: str, day: date | None = None) -> DayLog:
    """Shifts touching the local day, and the pings and incidents within it."""
    day = day or local_date(now, zone)
    start, end = day_bounds(day, zone)
    return DayLog(
        day=day,
        shifts=list_shifts(session, start, end),
        pings=list_pings(session, start, end),
        incidents=list_incidents(session, start, end),
    )
