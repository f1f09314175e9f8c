"""Clocks: the fixed one tests use, and the system one's idea of the user's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from wellbeing_app.core.time.clock import FixedClock, SystemClock, system_zone_name


def test_fixed_clock_stands_still_until_moved() -> None:
    clock = FixedClock(
        datetime(2026, 3, 29, 3, 0, tzinfo=ZoneInfo("Europe/Berlin")), "Europe/Berlin"
    )
    assert clock.now() == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert clock.now().tzinfo is UTC
    assert clock.now() == clock.now()
    clock.advance(hours=1, minutes=30)
    assert clock.now() == datetime(2026, 3, 29, 2, 30, tzinfo=UTC)
    assert clock.zone() == "Europe/Berlin"


def test_fixed_clock_refuses_naive_times() -> None:
    with pytest.raises(ValueError, match="aware"):
        FixedClock(datetime(2026, 3, 29, 3, 0))


def test_system_clock_is_aware_utc() -> None:
    now = SystemClock().now()
    assert now.utcoffset() == timedelta(0)


def test_system_zone_follows_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    assert system_zone_name() == "America/New_York"
    assert SystemClock().zone() == "America/New_York"
    monkeypatch.setenv("TZ", ":Europe/Berlin")  # the POSIX "file" form
    assert system_zone_name() == "Europe/Berlin"


@pytest.mark.parametrize("value", ["Not/AZone", "", "../../etc/passwd"])
def test_system_zone_ignores_a_tz_that_names_no_zone(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("TZ", value)
    name = system_zone_name()
    assert name != value
    ZoneInfo(name)  # always a zone zoneinfo knows
