"""What people type, turned into typed values while the arguments are parsed (each value once).

Every converter refuses bad input with argparse's own error, so the message names the argument
as typed (``argument --at: ...``) and nothing has been opened yet. Times of day need "now" and
the user's zone: they come from the clock ``main`` was given, never from the system directly.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.records.rules import check_source
from wellbeing_app.core.schedule.book import check_zone, parse_clock, parse_days
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.time.local_time import in_zone, parse_date, parse_time

T = TypeVar("T")


def checked(check: Callable[[str], T]) -> Callable[[str], T]:
    """A converter from a core check: its ValidationError becomes argparse's error."""

    def convert(text: str) -> T:
        try:
            return check(text)
        except ValidationError as exc:
            raise argparse.ArgumentTypeError(exc.message) from None

    return convert


def whole_number(low: int, high: int, what: str) -> Callable[[str], int]:
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("{value} is not a whole number").format(value=repr(text))
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                _("{what} must be {low}-{high}, got {value}").format(
                    what=what, low=low, high=high, value=value
                )
            )
        return value

    return convert


def instant(clock: Clock) -> Callable[[str], datetime]:
    """An ISO 8601 time, or a bare ``21:30`` for today, in the clock's zone, as a UTC instant."""
    return checked(lambda text: parse_time(text, clock.now(), clock.zone()))


def day(clock: Clock) -> Callable[[str], date]:
    """An ISO 8601 date, refused outside 1970 to ten years after the clock's local today (a
    date the app could not lay out as times)."""
    return checked(lambda text: parse_date(text, "date", clock_today(clock)))


def days_between(clock: Clock) -> Callable[[str], tuple[date, date | None]]:
    """``2026-12-24`` or ``2026-12-24..2026-12-26``: the first day and the last (None: the same)."""
    one_day = day(clock)

    def convert(text: str) -> tuple[date, date | None]:
        first, _dots, last = text.partition("..")
        return one_day(first), (one_day(last) if last else None)

    return convert


def clock_today(clock: Clock) -> date:
    return in_zone(clock.now(), clock.zone()).date()


def record_id(text: str) -> int:
    """A record's number as listed (``12``, or ``#12`` as ``list`` shows it)."""
    value = text.strip().removeprefix("#")
    if not value.isascii() or not value.isdigit() or not 0 < int(value) < 2**63:
        raise argparse.ArgumentTypeError(
            _("{value} is not a record number; 'wellbeing-app list' shows them (#12)").format(
                value=repr(text)
            )
        )
    return int(value)


def source(text: str) -> str:
    return checked(check_source)(text)


def category(text: str) -> str:
    from wellbeing_app.core.records.incidents import check_category

    return checked(check_category)(text)


def weekdays(text: str) -> list[int]:
    """``mon-fri``, ``sat,sun``: weekday numbers, Monday 0."""
    return checked(parse_days)(text)


def minute_of_day(text: str) -> int:
    """``09:30`` -> 570."""
    return checked(lambda value: parse_clock(value, "time"))(text)


def zone(text: str) -> str:
    return checked(check_zone)(text)


def summary_note(text: str) -> str | None:
    from wellbeing_app.core.reports.summary import check_note

    return checked(check_note)(text)
