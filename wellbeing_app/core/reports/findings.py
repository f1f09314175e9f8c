"""Key findings of a summary in plain language: the hours against the schedule, then the
largest changes against the previous period, then short rests if there were any."""

from __future__ import annotations

from dataclasses import dataclass

from wellbeing_app.core.workload.loads import Totals

MAX_CHANGES = 3
MIN_RELATIVE = 0.10  # a change of less than 10% is not a finding


@dataclass(frozen=True)
class _Measure:
    name: str  # as in a sentence: "after-hours pings"
    field: str
    unit: str  # " h" or ""
    min_delta: float  # smaller absolute changes are noise


MEASURES = (
    _Measure("hours worked", "hours_worked", " h", 2.0),
    _Measure("overtime", "overtime_hours", " h", 1.0),
    _Measure("after-hours pings", "after_hours_pings", "", 3),
    _Measure("minutes spent on after-hours pings", "after_hours_minutes", "", 15),
    _Measure("on-call pings", "oncall_pings", "", 3),
    _Measure("incidents", "incidents", "", 2),
)  # short rests get a sentence of their own whenever there are any


def key_findings(now: Totals, before: Totals) -> list[str]:
    out = [
        f"Worked {_number(now.hours_worked, ' h')} against {_number(now.hours_scheduled, ' h')} "
        f"scheduled, {_number(now.overtime_hours, ' h')} of it beyond the day's schedule."
    ]
    out += _largest_changes(now, before)
    if now.short_rest_gaps:
        times = "once" if now.short_rest_gaps == 1 else f"{now.short_rest_gaps} times"
        out.append(
            f"The rest between two working days was under 11 hours {times} "
            "(the daily-rest minimum of EU working-time rules)."
        )
    if now.workdays and now.evenings_with_contact:
        out.append(
            f"Work reached me after hours on {now.evenings_with_contact} of {now.workdays} "
            f"workdays and on {now.days_off_with_contact} of {now.days_off} days off."
        )
    return out


def _largest_changes(now: Totals, before: Totals) -> list[str]:
    ranked = []
    for measure in MEASURES:
        new, old = float(getattr(now, measure.field)), float(getattr(before, measure.field))
        delta = new - old
        if abs(delta) < measure.min_delta:
            continue
        relative = abs(delta) / old if old else float("inf")
        if relative < MIN_RELATIVE:
            continue
        ranked.append((relative, abs(delta), measure, new, old))
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    if not ranked:
        return ["No large changes against the previous period."]
    return [_sentence(m, new, old) for _, _, m, new, old in ranked[:MAX_CHANGES]]


def _sentence(measure: _Measure, new: float, old: float) -> str:
    verb = "rose" if new > old else "fell"
    name = measure.name[0].upper() + measure.name[1:]
    change = f" ({(new - old) / old:+.0%})" if old else ""
    return (
        f"{name} {verb} from {_number(old, measure.unit)} to {_number(new, measure.unit)}"
        f"{change} against the previous period."
    )


def _number(value: float, unit: str) -> str:
    if unit == " h":
        return f"{value:,.1f} h"
    return f"{value:,.0f}"
