"""Days named in the windows (a title, a heading, a list), in the language in use, the way
``core.language.formats`` names them: English as the app has always written it (``Sunday 15
November``, ``Sat 14 Nov``, ``15 Nov 2026``), with its own names whatever the system's locale;
other languages through Babel's patterns (``niedziela 15 listopada``)."""

from __future__ import annotations

from datetime import date

from wellbeing_app.core.language import PSEUDO, current_language, formats

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _babel(day: date, pattern: str) -> str | None:
    """``day`` in Babel's ``pattern`` for the language in use; None for English."""
    language = current_language()
    if language in ("en", PSEUDO):
        return None
    from babel.dates import format_date

    return str(format_date(day, pattern, locale=language))


def weekday_and_month(day: date) -> str:
    """``Sunday 15 November`` (``07`` below the tenth)."""
    words = _babel(day, "EEEE d MMMM")
    weekday = formats.weekday(day.weekday(), long=True)
    return words or f"{weekday} {day.day:02d} {_MONTHS_LONG[day.month - 1]}"


def weekday_month_and_year(day: date) -> str:
    """``Saturday 14 November 2026``."""
    words = _babel(day, "EEEE d MMMM y")
    return words or f"{weekday_and_month(day)} {day.year}"


def short_weekday_and_month(day: date) -> str:
    """``Sat 14 Nov`` (``07`` below the tenth)."""
    words = _babel(day, "EEE d MMM")
    weekday = formats.weekday(day.weekday())
    return words or f"{weekday} {day.day:02d} {_MONTHS[day.month - 1]}"


def day_month_and_year(day: date) -> str:
    """``15 Nov 2026``."""
    return _babel(day, "d MMM y") or f"{formats.short_date(day)} {day.year}"
