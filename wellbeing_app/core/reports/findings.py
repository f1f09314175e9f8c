"""Key findings of a summary in plain language: what working hours cover when not the whole
period, the hours against the schedule, then the largest changes against the previous period
(or that there is no earlier data to compare), then short rests if there were any.

Every number is written by its figure's one rounding rule (``Figure.text``), as the tables,
the CSV, the JSON and the dashboard's cards write it."""

from __future__ import annotations

from wellbeing_app.core.reports.counts import counted
from wellbeing_app.core.workload.coverage import (
    Unstated,
    no_earlier_data_sentence,
    unstated_for,
    working_hours_notice,
)
from wellbeing_app.core.workload.figures import BY_KEY, FIGURES, Figure, Finding, round_half_away
from wellbeing_app.core.workload.loads import Coverage, Totals

MAX_CHANGES = 3
MIN_RELATIVE = 0.10  # a change of less than 10% is not a finding
# The figures whose changes can be findings, in the order that breaks ties (short rests get a
# sentence of their own whenever there are any).
MEASURES = tuple((figure, figure.finding) for figure in FIGURES if figure.finding is not None)
NOT_COMPARED_THEN = (
    "After-hours figures are not compared: working hours were not set all through the "
    "previous period."
)


def key_findings(now: Totals, before: Totals, coverage: Coverage | None = None) -> list[str]:
    """The findings for ``now`` against ``before``; ``coverage`` None: working hours set and
    data logged long before the period."""
    out = []
    hours_set = coverage is None or coverage.hours_set
    if coverage is not None and (said := working_hours_notice(coverage)):
        out.append(said)
    worked = _text("hours_worked", now)
    if hours_set:
        out.append(
            f"Worked {worked} against {_text('hours_scheduled', now)} scheduled, "
            f"{_text('overtime_hours', now)} of it beyond the day's schedule."
        )
    else:
        out.append(f"Worked {worked}.")
    if coverage is not None and not coverage.previous_has_data:
        out.append(no_earlier_data_sentence(coverage.first_record))
    else:
        out += _largest_changes(now, before, coverage)
    if now.short_rest_gaps:
        times = "once" if now.short_rest_gaps == 1 else f"{now.short_rest_gaps} times"
        out.append(
            f"The rest between two working days was under 11 hours {times} "
            "(the daily-rest minimum of EU working-time rules)."
        )
    if now.workdays and now.evenings_with_contact:
        days_off = (
            f" and on {now.days_off_with_contact} of {counted(now.days_off, 'day off', 'days off')}"
            if now.days_off
            else ""  # "0 of 0 days off" says nothing
        )
        out.append(
            f"Work reached me after hours on {now.evenings_with_contact} of "
            f"{counted(now.workdays, 'workday')}{days_off}."
        )
    return out


def _largest_changes(now: Totals, before: Totals, coverage: Coverage | None) -> list[str]:
    ranked = []
    left_out = False
    for figure, finding in MEASURES:
        reason = None if coverage is None else unstated_for(figure, coverage)
        if reason is not None:
            left_out = left_out or reason is Unstated.HOURS_NOT_SET_THEN
            continue
        new, old = figure.rounded(figure.of(now)), figure.rounded(figure.of(before))
        delta = new - old
        if abs(delta) < finding.smallest:
            continue
        relative = abs(delta) / old if old else float("inf")
        if relative < MIN_RELATIVE:
            continue
        ranked.append((relative, abs(delta), figure, finding, new, old))
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    out = [_sentence(f, said, new, old) for _, _, f, said, new, old in ranked[:MAX_CHANGES]]
    if not out:
        out = ["No large changes against the previous period."]
    return [*out, NOT_COMPARED_THEN] if left_out else out


def _sentence(figure: Figure, finding: Finding, new: float, old: float) -> str:
    verb = "rose" if new > old else "fell"
    name = finding.name[0].upper() + finding.name[1:]
    change = f" ({round_half_away((new - old) / old * 100, 0):+.0f}%)" if old else ""
    return (
        f"{name} {verb} from {figure.text(old)} to {figure.text(new)}"
        f"{change} against the previous period."
    )


def _text(key: str, totals: Totals) -> str:
    figure = BY_KEY[key]
    return figure.text(figure.of(totals))
