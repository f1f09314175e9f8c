"""What the commands print about times and the shift clock, in one place: the quick path and the
full path both reply through these, so they say exactly the same."""

from __future__ import annotations

from datetime import datetime, timedelta

from wellbeing_app.core.time.local_time import format_duration, in_zone
from wellbeing_app.core.vocabulary import source_label


def local(instant: datetime, zone: str) -> str:
    """``2026-03-10 21:30``: wall-clock time in ``zone``."""
    return f"{in_zone(instant, zone):%Y-%m-%d %H:%M}"


def iso(instant: datetime, zone: str) -> str:
    """``2026-03-10T21:30:00+01:00``: for JSON, with the offset in force at that instant."""
    return in_zone(instant, zone).isoformat(timespec="seconds")


def shift_started(start: datetime, zone: str) -> str:
    return f"Shift started at {local(start, zone)}."


def shift_ended(end: datetime, zone: str, worked: timedelta) -> str:
    return f"Shift ended at {local(end, zone)} after {format_duration(worked)}. Time for you now."


def shift_status(start: datetime | None, zone: str, at: datetime) -> str:
    """The running shift (started at ``start`` in ``zone``; None: none runs) as seen at ``at``."""
    if start is None:
        return "No shift running."
    return f"Shift running since {local(start, zone)} ({format_duration(at - start)})."


def ping_logged(source: str, at: datetime, zone: str, timing: str) -> str:
    return f"Ping from {source_label(source)} logged at {local(at, zone)} ({timing})."
