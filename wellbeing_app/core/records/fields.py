"""Checks shared by every way of entering data (CLI, dialogs, imports), with field names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.time.local_time import EARLIEST

MAX_MINUTES = 24 * 60
FUTURE_TOLERANCE = timedelta(minutes=1)


def check_minutes(value: int, field: str = "minutes") -> int:
    """Minutes spent: a whole number from 0 to a day."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"must be a whole number of minutes, got {value!r}")
    if not 0 <= value <= MAX_MINUTES:
        raise ValidationError(field, f"must be between 0 and {MAX_MINUTES}, got {value}")
    return value


def check_not_future(at: datetime, now: datetime, field: str) -> datetime:
    """Things are logged once they have happened. Returns ``at`` in UTC.

    Callers keep the UTC form: Python compares and subtracts two datetimes that share a zone
    by wall clock, which is wrong across a DST change.
    """
    if at.utcoffset() is None:
        raise TypeError(f"{field}: a naive datetime has no place in time; pass an aware one")
    at = at.astimezone(UTC)
    if at > now + FUTURE_TOLERANCE:
        raise ValidationError(field, f"{at:%Y-%m-%d %H:%M} UTC is in the future")
    if at < EARLIEST:
        raise ValidationError(field, f"{at:%Y-%m-%d} is before 1970; no record goes back so far")
    return at


def clean_text(value: str | None, field: str, max_length: int) -> str | None:
    """Stripped text, None when empty, refused when too long (nothing is silently cut)."""
    if value is None:
        return None
    text = value.strip()
    if len(text) > max_length:
        raise ValidationError(field, f"is {len(text)} characters long; the limit is {max_length}")
    return text or None
