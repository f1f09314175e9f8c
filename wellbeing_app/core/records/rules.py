"""The rules of shifts and pings that need no database: a ping's source as typed, the note limit,
and the words each shift refusal is given in.

Pure (no SQLAlchemy), so the CLI's quick path applies exactly the rules ``shifts`` and ``pings``
apply, and says exactly what they say.
"""

from __future__ import annotations

import re
from datetime import datetime

from wellbeing_app.core.errors import ConflictError, ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.core.vocabulary import PingSource

MAX_NOTE = 2000  # a shift's or a ping's note, in characters
_APP_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


def check_source(text: str, field: str = "source") -> str:
    """A known channel (slack, teams, ...) or another app's name in lowercase letters, digits,
    ``-`` and ``_``."""
    value = text.strip().lower()
    if value in {s.value for s in PingSource} or _APP_NAME.fullmatch(value):
        return value
    known = ", ".join(s.value for s in PingSource)
    raise ValidationError(
        field,
        _(
            "{value} is not a source; use {known}, or an app name in lowercase letters, "
            "digits, - and _ (e.g. discord)"
        ).format(value=repr(text), known=known),
    )


def already_running(start: datetime, zone: str) -> ConflictError:
    """Starting a shift while the one that started at ``start`` (in ``zone``) still runs."""
    return ConflictError(
        _("a shift is already running since {time}; end it first").format(
            time=f"{in_zone(start, zone):%Y-%m-%d %H:%M}"
        )
    )


def none_running() -> ConflictError:
    return ConflictError(_("no shift is running"))


def ends_before_start(start: datetime, zone: str) -> ValidationError:
    """Ending the running shift, which started at ``start``, at or before that start."""
    return ValidationError(
        "at",
        _("the end must come after the start ({time})").format(
            time=f"{in_zone(start, zone):%Y-%m-%d %H:%M}"
        ),
    )


def overlaps(start: datetime, end: datetime | None, zone: str, field: str) -> ValidationError:
    """A shift that would overlap the recorded one from ``start`` to ``end`` (None: running)."""
    since = f"{in_zone(start, zone):%Y-%m-%d %H:%M}"
    if end is None:
        return ValidationError(
            field, _("overlaps the shift from {start} to now").format(start=since)
        )
    return ValidationError(
        field,
        _("overlaps the shift from {start} to {end}").format(
            start=since, end=f"{in_zone(end, zone):%H:%M}"
        ),
    )
