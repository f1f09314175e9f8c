"""Key findings of a summary in plain language: what working hours cover when not the whole
period, the hours against the schedule, then the largest changes against the previous period
(or that there is no earlier data to compare), then short rests if there were any.

Every number is written by its figure's one rounding rule (``Figure.text``), as the tables,
the CSV, the JSON and the dashboard's cards write it."""

from __future__ import annotations

from wellbeing_app.core.language import N_, _, formats, ngettext
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
NOT_COMPARED_THEN = N_(
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
            _(
                "Worked {worked} against {scheduled} scheduled, {overtime} of it beyond the "
                "day's schedule."
            ).format(
                worked=worked,
                scheduled=_text("hours_scheduled", now),
                overtime=_text("overtime_hours", now),
            )
        )
    else:
        out.append(_("Worked {worked}.").format(worked=worked))
    if coverage is not None and not coverage.previous_has_data:
        out.append(no_earlier_data_sentence(coverage.first_record))
    else:
        out += _largest_changes(now, before, coverage)
    if now.short_rest_gaps:
        out.append(_short_rests(now.short_rest_gaps))
    if now.workdays and now.evenings_with_contact:
        out.append(_reached(now))
    return out


def _short_rests(times: int) -> str:
    if times == 1:
        return _(
            "The rest between two working days was under 11 hours once (the daily-rest minimum "
            "of EU working-time rules)."
        )
    return ngettext(
        "The rest between two working days was under 11 hours {count} time (the daily-rest "
        "minimum of EU working-time rules).",
        "The rest between two working days was under 11 hours {count} times (the daily-rest "
        "minimum of EU working-time rules).",
        times,
    ).format(count=formats.number(times))


def _reached(now: Totals) -> str:
    """On how many workdays (and days off) work reached the user after hours."""
    count, total = now.evenings_with_contact, now.workdays
    if not now.days_off:  # "0 of 0 days off" says nothing
        return ngettext(
            "Work reached me after hours on {count} of {total} workday.",
            "Work reached me after hours on {count} of {total} workdays.",
            total,
        ).format(count=formats.number(count), total=formats.number(total))
    # TRANSLATORS: a part of "Work reached me after hours on {workdays} and on 1 of 2 days off."
    workdays = ngettext("{count} of {total} workday", "{count} of {total} workdays", total)
    return ngettext(
        "Work reached me after hours on {workdays} and on {count} of {total} day off.",
        "Work reached me after hours on {workdays} and on {count} of {total} days off.",
        now.days_off,
    ).format(
        workdays=workdays.format(count=formats.number(count), total=formats.number(total)),
        count=formats.number(now.days_off_with_contact),
        total=formats.number(now.days_off),
    )


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
        out = [_("No large changes against the previous period.")]
    return [*out, _(NOT_COMPARED_THEN)] if left_out else out


def _sentence(figure: Figure, finding: Finding, new: float, old: float) -> str:
    """``Overtime rose from 2.00 h to 6.50 h (+225%) against the previous period.``"""
    values = {"name": _(finding.name), "old": figure.text(old), "new": figure.text(new)}
    if not old:
        # TRANSLATORS: {name} is a figure in lower case ("after-hours pings", "overtime").
        said = _("{name} rose from {old} to {new} against the previous period.")
    else:
        percent = round_half_away((new - old) / old * 100, 0)
        sign = "+" if percent > 0 else "-"
        values["change"] = sign + formats.percent(abs(percent) / 100)
        said = (
            # TRANSLATORS: {name} is a figure in lower case ("after-hours pings", "overtime");
            # {change} the change in percent ("+25%").
            _("{name} rose from {old} to {new} ({change}) against the previous period.")
            if new > old
            # TRANSLATORS: {name} is a figure in lower case ("after-hours pings", "overtime");
            # {change} the change in percent ("-25%").
            else _("{name} fell from {old} to {new} ({change}) against the previous period.")
        )
    sentence = said.format(**values)
    return sentence[0].upper() + sentence[1:]


def _text(key: str, totals: Totals) -> str:
    figure = BY_KEY[key]
    return figure.text(figure.of(totals))
