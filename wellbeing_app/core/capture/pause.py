"""How long "Pause counting" lasts: an hour, or until tomorrow's working hours begin."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from wellbeing_app.core.schedule.book import ScheduleBook
from wellbeing_app.core.time.local_time import in_zone

MORNING = time(6)  # tomorrow, when no working hours are set for it
SMALL_HOURS = timedelta(hours=5)  # at 01:00 "tomorrow" still means the coming morning


class PauseLength(StrEnum):
    HOUR = "hour"
    TOMORROW = "tomorrow"


def pause_end(length: PauseLength, now: datetime, zone: str, book: ScheduleBook) -> datetime:
    """When a pause asked for at ``now`` ends: an hour later, or the first scheduled start of
    the coming day (06:00 that day when none is scheduled)."""
    if length is PauseLength.HOUR:
        return now + timedelta(hours=1)
    day = in_zone(now - SMALL_HOURS, zone).date() + timedelta(days=1)
    start = datetime.combine(day, time(0), tzinfo=ZoneInfo(zone))
    starts = [
        i.start
        for i in book.working_intervals(start, start + timedelta(days=1))
        if in_zone(i.start, zone).date() == day
    ]
    if starts:
        return min(starts)
    return datetime.combine(day, MORNING, tzinfo=ZoneInfo(zone)).astimezone(UTC)
