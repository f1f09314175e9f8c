"""Plain-language findings from a workload's days, and the rolling averages behind the mood and
stress chart (pure Python: no matplotlib)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from wellbeing_app.core.workload.figures import average_text
from wellbeing_app.core.workload.loads import DayLoad, Workload

WINDOW_DAYS = 7
MIN_REFLECTION_DAYS = 14  # days with both a mood and a stress value before a finding is shown
BUSY_PINGS = 3  # a day with at least this many after-hours pings counts as a busy one
NOT_ENOUGH = f"Not enough data yet: this needs {MIN_REFLECTION_DAYS} days with a reflection."


def rolling_average(
    days: Sequence[DayLoad], value: Callable[[DayLoad], int | None], window: int = WINDOW_DAYS
) -> list[float | None]:
    """For each day, the mean of ``value`` over the ``window`` calendar days ending that day,
    using only the days that hold a value; None where the window holds none."""
    known = {day.day: v for day in days if (v := value(day)) is not None}
    averages: list[float | None] = []
    for day in days:
        values = [known[d] for n in range(window) if (d := day.day - timedelta(days=n)) in known]
        averages.append(sum(values) / len(values) if values else None)
    return averages


def stress_finding(workload: Workload) -> str:
    """One sentence on stress on days with BUSY_PINGS or more after-hours pings against the
    other days, over the days with both a mood and a stress value."""
    reflected = [
        (day.stress, day.after_hours_pings)
        for day in workload.days
        if day.mood is not None and day.stress is not None
    ]
    if len(reflected) < MIN_REFLECTION_DAYS:
        return NOT_ENOUGH
    busy = [stress for stress, pings in reflected if pings >= BUSY_PINGS]
    other = [stress for stress, pings in reflected if pings < BUSY_PINGS]
    if not busy:
        return f"No day had {BUSY_PINGS}+ after-hours pings; your stress averaged {_mean(other)}."
    if not other:
        return f"Every day had {BUSY_PINGS}+ after-hours pings; your stress averaged {_mean(busy)}."
    return (
        f"On days with {BUSY_PINGS}+ after-hours pings your stress averaged {_mean(busy)}, "
        f"against {average_text(sum(other) / len(other))} on other days."
    )


def _mean(stress: list[int]) -> str:
    return f"{average_text(sum(stress) / len(stress))} out of 10"
