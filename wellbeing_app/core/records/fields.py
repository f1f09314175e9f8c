"""Checks shared by every way of entering data (CLI, dialogs, imports), with field names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _, ngettext
from wellbeing_app.core.time.local_time import EARLIEST

MAX_MINUTES = 24 * 60
FUTURE_TOLERANCE = timedelta(minutes=1)


def check_minutes(value: int, field: str = "minutes") -> int:
    """Minutes spent: a whole number from 0 to a day."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            field, _("must be a whole number of minutes, got {value}").format(value=repr(value))
        )
    if not 0 <= value <= MAX_MINUTES:
        raise ValidationError(
            field,
            _("must be between 0 and {most}, got {value}").format(most=MAX_MINUTES, value=value),
        )
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
        raise ValidationError(
            field, _("{time} UTC is in the future").format(time=f"{at:%Y-%m-%d %H:%M}")
        )
    if at < EARLIEST:
        raise ValidationError(
            field,
            _("{day} is before 1970; no record goes back so far").format(day=f"{at:%Y-%m-%d}"),
        )
    return at


def clean_text(value: str | None, field: str, max_length: int) -> str | None:
    """Stripped text, None when empty, refused when too long (nothing is silently cut)."""
    if value is None:
        return None
    text = value.strip()
    if len(text) > max_length:
        raise ValidationError(
            field,
            ngettext(
                "is {length} character long; the limit is {most}",
                "is {length} characters long; the limit is {most}",
                len(text),
            ).format(length=len(text), most=max_length),
        )
    return text or None
