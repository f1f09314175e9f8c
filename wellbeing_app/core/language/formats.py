"""Numbers and dates as the language in use writes them, so no screen mixes languages: Babel's
locale data (``1 204,5`` and ``28 lis 2026`` in Polish), imported only when the language is not
English. English keeps the app's own forms (``1,204.5``, ``28 Nov 2026``), which need no Babel.

Machine-read output (JSON, CSV, ISO 8601 dates) never goes through here.
"""

from __future__ import annotations

from datetime import date

from wellbeing_app.core.language import PSEUDO, current_language

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAYS_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _babel_locale() -> str | None:
    """The Babel locale for the language in use; None for English (and the pseudo-locale)."""
    language = current_language()
    return None if language in ("en", PSEUDO) else language


def number(value: float, decimals: int = 0) -> str:
    """``1,204`` / ``13.75``: grouped, with exactly ``decimals`` places."""
    locale = _babel_locale()
    if locale is None:
        return f"{value:,.{decimals}f}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=locale))


def percent(share: float) -> str:
    """``42%`` (``42%`` in Polish too, with its own spacing rules)."""
    locale = _babel_locale()
    if locale is None:
        return f"{round(share * 100)}%"
    from babel.numbers import format_percent

    return str(format_percent(share, format="#,##0%", locale=locale))


def weekday(day: int, long: bool = False) -> str:
    """``Mon`` / ``Monday`` (0 = Monday); ``pon.`` / ``poniedziałek`` in Polish."""
    locale = _babel_locale()
    if locale is None:
        return (_WEEKDAYS_LONG if long else _WEEKDAYS)[day]
    from babel.dates import get_day_names

    names = get_day_names("wide" if long else "abbreviated", locale=locale)
    return str(names[day])


def short_date(day: date) -> str:
    """``3 Nov`` (a chart's axis, a table's row)."""
    locale = _babel_locale()
    if locale is None:
        return f"{day.day} {_MONTHS[day.month - 1]}"
    from babel.dates import format_date

    return str(format_date(day, "d MMM", locale=locale))


def long_date(day: date) -> str:
    """``Fri 27 Nov 2026``: a day named for people (a heading, a dialog)."""
    locale = _babel_locale()
    if locale is None:
        return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
    from babel.dates import format_date

    return str(format_date(day, "EEE d MMM y", locale=locale))
