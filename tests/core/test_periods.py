"""Dashboard presets end today and start on a Monday; a summary's default is the last 4 full
weeks; custom dates are checked."""

from __future__ import annotations

from datetime import date

import pytest

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.time import periods
from wellbeing_app.core.time.periods import Period

THURSDAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("name", "start"),
    [("4 weeks", date(2026, 11, 2)), ("quarter", date(2026, 8, 31)), ("year", date(2025, 12, 1))],
)
def test_presets_count_whole_weeks_up_to_today(name: str, start: date) -> None:
    period = periods.preset(name, THURSDAY)
    assert period == Period(start, THURSDAY)
    assert period.start.weekday() == 0
    assert len(period.week_starts()) == periods.PRESET_WEEKS[name]


def test_a_summary_covers_the_last_four_full_weeks() -> None:
    assert periods.last_full_weeks(THURSDAY) == Period(date(2026, 10, 26), date(2026, 11, 22))
    # On a Monday the week just ended is the last full one.
    assert periods.last_full_weeks(date(2026, 11, 23)).end == date(2026, 11, 22)
    assert periods.last_full_weeks(THURSDAY).previous() == Period(
        date(2026, 9, 28), date(2026, 10, 25)
    )


def test_custom_dates_fill_in_what_is_missing_and_refuse_a_backwards_range() -> None:
    assert periods.custom(None, None, THURSDAY) == Period(date(2026, 10, 30), THURSDAY)
    assert periods.custom(date(2026, 1, 1), None, THURSDAY) == Period(date(2026, 1, 1), THURSDAY)
    with pytest.raises(ValidationError) as caught:
        periods.custom(date(2026, 11, 2), date(2026, 11, 1), THURSDAY)
    assert caught.value.field == "to"
