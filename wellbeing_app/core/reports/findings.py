"""Key findings of a summary in plain language: the hours against the schedule, then the
largest changes against the previous period, then short rests if there were any."""

from __future__ import annotations

from wellbeing_app.core.workload.figures import FIGURES, Figure, Finding, Unit
from wellbeing_app.core.workload.loads import Totals

MAX_CHANGES = 3
MIN_RELATIVE = 0.10  # a change of less than 10% is not a finding
# The figures whose changes can be findings, in the order that breaks ties (short rests get a
# sentence of their own whenever there are any).
MEASURES = tuple((figure, figure.finding) for figure in FIGURES if figure.finding is not None)


def key_findings(now: Totals, before: Totals) -> list[str]:
    out = [
        f"Worked {_hours(now.hours_worked)} against {_hours(now.hours_scheduled)} "
        f"scheduled, {_hours(now.overtime_hours)} of it beyond the day's schedule."
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
    for figure, finding in MEASURES:
        new, old = float(figure.of(now)), float(figure.of(before))
        delta = new - old
        if abs(delta) < finding.smallest:
            continue
        relative = abs(delta) / old if old else float("inf")
        if relative < MIN_RELATIVE:
            continue
        ranked.append((relative, abs(delta), figure, finding, new, old))
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    if not ranked:
        return ["No large changes against the previous period."]
    return [_sentence(f, said, new, old) for _, _, f, said, new, old in ranked[:MAX_CHANGES]]


def _sentence(figure: Figure, finding: Finding, new: float, old: float) -> str:
    verb = "rose" if new > old else "fell"
    name = finding.name[0].upper() + finding.name[1:]
    change = f" ({(new - old) / old:+.0%})" if old else ""
    return (
        f"{name} {verb} from {_number(old, figure.unit)} to {_number(new, figure.unit)}"
        f"{change} against the previous period."
    )


def _number(value: float, unit: Unit) -> str:
    return _hours(value) if unit is Unit.HOURS else f"{value:,.0f}"


def _hours(value: float) -> str:
    return f"{value:,.1f} h"
