"""Plain-language findings from a workload's days, and the rolling averages behind the mood and
stress chart (pure Python: no matplotlib)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from wellbeing_app.core.language import _, ngettext
from wellbeing_app.core.workload.figures import average_text
from wellbeing_app.core.workload.loads import DayLoad, Workload

WINDOW_DAYS = 7
MIN_REFLECTION_DAYS = 14  # days with both a mood and a stress value before a finding is shown
BUSY_PINGS = 3  # a day with at least this many after-hours pings counts as a busy one
# In English; ``not_enough`` says it in the language in use.
NOT_ENOUGH = f"Not enough data yet: this needs {MIN_REFLECTION_DAYS} days with a reflection."


def not_enough() -> str:
    """Why there is no finding yet: too few days with a reflection."""
    return ngettext(
        "Not enough data yet: this needs {count} day with a reflection.",
        "Not enough data yet: this needs {count} days with a reflection.",
        MIN_REFLECTION_DAYS,
    ).format(count=MIN_REFLECTION_DAYS)


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
        return not_enough()
    busy = [stress for stress, pings in reflected if pings >= BUSY_PINGS]
    other = [stress for stress, pings in reflected if pings < BUSY_PINGS]
    if not busy:
        said = ngettext(
            "No day had {count}+ after-hours ping; your stress averaged {average}.",
            "No day had {count}+ after-hours pings; your stress averaged {average}.",
            BUSY_PINGS,
        )
        return said.format(count=BUSY_PINGS, average=_mean(other))
    if not other:
        said = ngettext(
            "Every day had {count}+ after-hours ping; your stress averaged {average}.",
            "Every day had {count}+ after-hours pings; your stress averaged {average}.",
            BUSY_PINGS,
        )
        return said.format(count=BUSY_PINGS, average=_mean(busy))
    said = ngettext(
        "On days with {count}+ after-hours ping your stress averaged {average}, against "
        "{other} on other days.",
        "On days with {count}+ after-hours pings your stress averaged {average}, against "
        "{other} on other days.",
        BUSY_PINGS,
    )
    return said.format(
        count=BUSY_PINGS, average=_mean(busy), other=average_text(sum(other) / len(other))
    )


def _mean(stress: list[int]) -> str:
    # TRANSLATORS: an average stress, on a scale of 0 to 10: "6.5 out of 10".
    return _("{average} out of 10").format(average=average_text(sum(stress) / len(stress)))
