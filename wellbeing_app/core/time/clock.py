"""The one place that knows what time it is and which zone the user is in; tests pass their own."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class Clock(Protocol):
    """Tells the current instant (aware, UTC) and the IANA zone the user is in now."""

    def now(self) -> datetime: ...

    def zone(self) -> str: ...


def system_zone_name() -> str:
    """The system's IANA zone: ``TZ`` if it names one, else /etc/localtime's target, else UTC."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and is_zone(tz):
        return tz
    if tz:  # a POSIX rule such as JST-9: keep its present offset as a fixed Etc/GMT zone
        return _fixed_offset_zone()
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        name = target.split("zoneinfo/", 1)[1]
        if is_zone(name):
            return name
    try:
        name = Path("/etc/timezone").read_text(encoding="utf-8").strip()
    except OSError:
        name = ""
    return name if name and is_zone(name) else "UTC"


def _fixed_offset_zone() -> str:
    """The C library's current UTC offset as an IANA Etc zone (whole hours), else UTC."""
    offset = time.localtime().tm_gmtoff
    hours, rest = divmod(offset, 3600)
    if rest or not -14 <= hours <= 12:
        return "UTC"
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"  # Etc signs are inverted


def is_zone(name: str) -> bool:
    """True when ``name`` is an IANA zone this machine knows."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


class SystemClock:
    """The real clock. The zone is looked up on every call so a zone change is noticed."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def zone(self) -> str:
        return system_zone_name()


@dataclass
class FixedClock:
    """A clock that stands still until moved: for tests and for replaying a moment."""

    instant: datetime
    zone_name: str = "UTC"

    def __post_init__(self) -> None:
        if self.instant.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self.instant = self.instant.astimezone(UTC)

    def now(self) -> datetime:
        return self.instant

    def zone(self) -> str:
        return self.zone_name

    def advance(self, **delta: float) -> None:
        self.instant += timedelta(**delta)
