"""Turning what people type and see (local times and dates) into UTC instants, and back."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import N_, _

# The years a record may fall in: from 1970 to about ten years ahead. Outside them an instant
# cannot be laid out in every zone (year 1 or 9999 overflow once an offset is applied), and no
# real shift, ping or schedule lies there.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
AHEAD = timedelta(days=3653)
RANGE_WORDS = N_("between 1970 and ten years from now")


def out_of_range(shown: str) -> str:
    """``2100-01-01 is not between 1970 and ten years from now``, in the language in use."""
    return _("{value} is not between 1970 and ten years from now").format(value=shown)


def check_in_range(at: datetime, now: datetime, field: str) -> datetime:
    """``at`` (aware) in UTC, refused outside 1970 to ten years after ``now``."""
    at = at.astimezone(UTC)
    if not EARLIEST <= at <= now + AHEAD:
        raise ValidationError(field, out_of_range(f"{at:%Y-%m-%d}"))
    return at


def check_day_in_range(day: date, today: date, field: str) -> date:
    """A local date, refused outside 1970 to ten years after ``today``."""
    if not EARLIEST.date() <= day <= today + AHEAD:
        raise ValidationError(field, out_of_range(str(day)))
    return day


def in_zone(instant: datetime, zone: str) -> datetime:
    """The instant as wall-clock time in ``zone``."""
    return instant.astimezone(ZoneInfo(zone))


def resolve_local(naive: datetime, zone: str, field: str) -> datetime:
    """Attach ``zone`` to a wall-clock time, refusing times that a DST jump skips.

    A time that occurs twice (the hour repeated when clocks go back) means its first occurrence.
    """
    tz = ZoneInfo(zone)
    first = naive.replace(tzinfo=tz, fold=0)
    round_trip = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    if round_trip != naive:
        raise ValidationError(
            field,
            _("{time} does not exist in {zone} (the clocks skip it)").format(
                time=f"{naive:%Y-%m-%d %H:%M}", zone=zone
            ),
        )
    return first.astimezone(UTC)


def parse_time(text: str, now: datetime, zone: str, field: str = "time") -> datetime:
    """Parse an ISO 8601 time as the user typed it into an aware UTC instant.

    ``2026-03-29T21:30+02:00`` and ``...Z`` carry their offset; ``2026-03-29T21:30`` or
    ``2026-03-29 21:30`` are wall-clock time in ``zone``; a bare ``21:30`` means today in ``zone``.
    Times outside 1970 to ten years after ``now`` are refused (see ``check_in_range``).
    """
    try:
        return check_in_range(_parse_time(text, now, zone, field), now, field)
    except OverflowError:  # e.g. 0001-01-01T00:00+14:00 has no UTC form
        raise ValidationError(field, out_of_range(repr(text.strip()))) from None


def _parse_time(text: str, now: datetime, zone: str, field: str) -> datetime:
    raw = text.strip()
    if not raw:
        raise ValidationError(field, _("is empty; give a time like 2026-03-29T21:30 or 21:30"))
    try:
        if "T" in raw or " " in raw or raw.count("-") >= 2:
            parsed = datetime.fromisoformat(raw)
        else:
            clock_time = time.fromisoformat(raw)
            if clock_time.tzinfo is not None:
                raise ValueError("a time of day cannot carry an offset")
            today = in_zone(now, zone).date()
            parsed = datetime.combine(today, clock_time)
    except ValueError:
        raise ValidationError(
            field,
            _("{value} is not an ISO 8601 time (try 2026-03-29T21:30 or 21:30)").format(
                value=repr(raw)
            ),
        ) from None
    if parsed.tzinfo is not None:
        return parsed.astimezone(UTC)
    return resolve_local(parsed, zone, field)


def parse_date(text: str, field: str = "date", today: date | None = None) -> date:
    """Parse an ISO 8601 calendar date (2026-03-29); with ``today``, refuse one outside 1970 to
    ten years ahead."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            field, _("{value} is not a date like 2026-03-29").format(value=repr(text))
        ) from None
    return day if today is None else check_day_in_range(day, today, field)


def day_bounds(day: date, zone: str) -> tuple[datetime, datetime]:
    """UTC instants where local ``day`` starts and the next day starts (23, 24 or 25 h apart)."""
    return start_of_day(day, zone), start_of_day(day + timedelta(days=1), zone)


def start_of_day(day: date, zone: str) -> datetime:
    """The first instant of local ``day`` in UTC.

    Where a DST jump skips midnight itself, zoneinfo reads the missing midnight with the offset
    in force before the jump, which is exactly the instant the day begins.
    """
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def local_date(instant: datetime, zone: str) -> date:
    """The calendar date of ``instant`` in ``zone``."""
    return in_zone(instant, zone).date()


def format_duration(delta: timedelta) -> str:
    """A short human duration: ``45 min``, ``2 h 05 min``."""
    minutes = max(0, int(delta.total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    if hours == 0:
        return _("{minutes} min").format(minutes=minutes)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=f"{minutes:02d}")
