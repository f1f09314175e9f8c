"""What the commands print about times and the shift clock, in one place: the quick path and the
full path both reply through these, so they say exactly the same."""

from __future__ import annotations

from datetime import datetime, timedelta

from wellbeing_app.core.language import _
from wellbeing_app.core.time.local_time import format_duration, in_zone
from wellbeing_app.core.vocabulary import source_label


def local(instant: datetime, zone: str) -> str:
    """``2026-03-10 21:30``: wall-clock time in ``zone``."""
    return f"{in_zone(instant, zone):%Y-%m-%d %H:%M}"


def iso(instant: datetime, zone: str) -> str:
    """``2026-03-10T21:30:00+01:00``: for JSON, with the offset in force at that instant."""
    return in_zone(instant, zone).isoformat(timespec="seconds")


def shift_started(start: datetime, zone: str) -> str:
    return _("Shift started at {time}.").format(time=local(start, zone))


def shift_ended(end: datetime, zone: str, worked: timedelta) -> str:
    return _("Shift ended at {time} after {length}. Time for you now.").format(
        time=local(end, zone), length=format_duration(worked)
    )


def shift_added(shift_id: int, start: datetime, end: datetime, zone: str) -> str:
    return _("Shift #{id} added: {span} ({length}).").format(
        id=shift_id, span=span(start, end, zone), length=format_duration(end - start)
    )


def span(start: datetime, end: datetime | None, zone: str) -> str:
    """``2026-03-10 09:00 to 17:00`` (the end's date too when it is another day; None: running)."""
    if end is None:
        return _("since {time}, still running").format(time=local(start, zone))
    if in_zone(start, zone).date() == in_zone(end, zone).date():
        until = f"{in_zone(end, zone):%H:%M}"
    else:
        until = local(end, zone)
    return _("{start} to {end}").format(start=local(start, zone), end=until)


def shift_status(start: datetime | None, zone: str, at: datetime) -> str:
    """The running shift (started at ``start`` in ``zone``; None: none runs) as seen at ``at``."""
    if start is None:
        return _("No shift running.")
    return _("Shift running since {time} ({length}).").format(
        time=local(start, zone), length=format_duration(at - start)
    )


def ping_logged(source: str, at: datetime, zone: str, timing: str) -> str:
    return _("Ping from {source} logged at {time} ({timing}).").format(
        source=source_label(source), time=local(at, zone), timing=timing
    )
