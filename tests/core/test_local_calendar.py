"""The stretches of constant UTC offset that local days and hours are read with in SQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from wellbeing_app.core.time.calendar import offset_stretches

SECOND = timedelta(seconds=1)


@pytest.mark.parametrize(
    "zone",
    ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Africa/Casablanca", "UTC"],
)
def test_stretches_cover_the_range_and_change_exactly_where_the_offset_does(zone: str) -> None:
    tz = ZoneInfo(zone)
    start, end = datetime(2025, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)
    stretches = offset_stretches(start, end, zone)

    assert stretches[0][0] == start and stretches[-1][1] == end
    for (_, first_end, first), (second_start, _, second) in pairwise(stretches):
        assert first_end == second_start
        assert first != second
        assert (second_start - SECOND).astimezone(tz).utcoffset() == first
        assert second_start.astimezone(tz).utcoffset() == second
    # Every hour of the range lies in the stretch whose offset it has.
    instant = start
    index = 0
    while instant < end:
        while stretches[index][1] <= instant:
            index += 1
        assert instant.astimezone(tz).utcoffset() == stretches[index][2]
        instant += timedelta(hours=1)
    changes = {"Europe/Berlin": 4, "America/New_York": 4, "Australia/Lord_Howe": 4, "UTC": 0}
    if zone in changes:
        assert len(stretches) == changes[zone] + 1
