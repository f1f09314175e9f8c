"""Members' workload summaries for one period, checked and merged into one team summary: team
totals, per-person averages, the previous period's totals and, only for a group large enough,
breakdowns by source, category, severity and week.

Privacy (DESIGN.md): breakdowns never cover fewer than ``MIN_GROUP`` people, and a member's note
and well-being figures are never read into the team summary. An opt-in figure (incidents after
decisions made against a member's advice) is summed only from the members who included it, and
shown only when enough did (``team_advice``).

Members' files are input from elsewhere: they are read with care (``member_files``), and every
figure must be a finite number a period can hold (``member_checks``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import N_, _, ngettext
from wellbeing_app.core.reports import summary
from wellbeing_app.core.reports.document import (
    Breakdowns,
    FigureValues,
    PeriodDocument,
    TeamSummary,
    week_dates,
    week_document,
)
from wellbeing_app.core.reports.member_checks import (
    FIRST_DAY,
    LAST_DAY,
    SEVERITY_KEYS,
    WEEKLY_FIELDS,
    Checker,
    refuse,
)
from wellbeing_app.core.reports.member_checks import MAX_PER_DAY as MAX_PER_DAY
from wellbeing_app.core.reports.member_files import load_member_file
from wellbeing_app.core.reports.team_advice import roll_up
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.figures import AGAINST_ADVICE, ALWAYS, round_half_away

SCHEMA_VERSION = 1
KIND = "wellbeing-app team summary"
MIN_GROUP = 5  # the smallest group whose breakdowns may be shown (DESIGN.md, privacy rules)
# The team summary's sentences are written in the language in use when it is made (this one
# English, N_-marked); its keys, ids and dates never are.
NOT_ROLLED_UP = N_("Notes and well-being figures are personal and never rolled up.")
SUMMARY_COMMAND = "wellbeing-app summary --format json"

# Every figure always in a member's summary is summed for the team, in the summary's order.
TOTAL_FIELDS = tuple(figure.key for figure in ALWAYS)


@dataclass(frozen=True)
class Member:
    """The parts of one member's summary a team summary may use; ``name`` is the file as given."""

    name: str
    period: Period
    totals: FigureValues
    previous: FigureValues
    by_source: dict[str, int]
    incidents_by_category: dict[str, int]
    incidents_by_severity: dict[str, int]
    weeks: dict[date, FigureValues]  # by week start: "days" and the weekly figures
    # From keys added within schema version 1; a file made before them counts as true.
    previous_has_data: bool = True  # the member's previous period holds data
    previous_judged: bool = True  # ... and working hours were set all through it


def check_min_group(value: int) -> int:
    """``--min-group`` may raise the group size for breakdowns, never lower it."""
    if value < MIN_GROUP:
        raise ValidationError(
            "--min-group",
            _(
                "must be at least {least}: breakdowns are never shown for fewer people "
                "(got {value})"
            ).format(least=MIN_GROUP, value=value),
        )
    return value


def make_one() -> str:
    """How a member makes the file a team summary reads."""
    # TRANSLATORS: {command} is a command line, typed as it stands.
    return _("make one with '{command}'").format(command=SUMMARY_COMMAND)


def withheld(members: int, min_group: int) -> str | None:
    """Why the breakdowns are left out, or None when the group is large enough to show them."""
    if members >= min_group:
        return None
    return ngettext(
        "Breakdowns are shown only for groups of at least {min_group} person; this summary has "
        "{members}.",
        "Breakdowns are shown only for groups of at least {min_group} people; this summary has "
        "{members}.",
        min_group,
    ).format(min_group=min_group, members=members)


def read_members(paths: Sequence[str]) -> list[Member]:
    """Read and check members' summary files; a file given twice (or a copy of another) is
    refused, as it would count one person twice. Errors name the file as given."""
    by_path: dict[Path, str] = {}
    by_content: dict[str, str] = {}  # each summary once, by its canonical JSON: linear time
    members = []
    for name in paths:
        path = Path(name)
        document = load_member_file(path, name)
        resolved = path.resolve()
        if resolved in by_path:
            refuse(
                name,
                _("is given twice (also as {other}); each person counts once").format(
                    other=by_path[resolved]
                ),
            )
        content = json.dumps(document, sort_keys=True)
        if content in by_content:
            refuse(
                name,
                _("is the same summary as {other}; each person counts once").format(
                    other=by_content[content]
                ),
            )
        by_path[resolved] = by_content[content] = name
        members.append(member_from_document(document, name))
    return members


def member_from_document(document: Any, name: str) -> Member:
    """Check one member's summary (schema version 1) and keep what a team summary may use."""
    if not isinstance(document, dict):
        refuse(
            name,
            _("is not a workload summary (expected a JSON object); {make_one}").format(
                make_one=make_one()
            ),
        )
    kind = document.get("kind")
    if kind != summary.KIND:
        if kind is None:
            said = _("is not a member's workload summary (has no 'kind'); {make_one}")
        else:
            said = _("is not a member's workload summary (has kind {kind}); {make_one}")
        refuse(name, said.format(kind=repr(kind), make_one=make_one()))
    version = document.get("schema_version")
    if version != summary.SCHEMA_VERSION or isinstance(version, bool):
        refuse(
            name,
            _(
                "has schema_version {version}, but this app reads schema_version {ours}; ask "
                "for a summary made with the same version"
            ).format(version=repr(version), ours=summary.SCHEMA_VERSION),
        )
    check = Checker(name)
    period = check.object(document, "period")
    start, end = check.day(period, "start", "period."), check.day(period, "end", "period.")
    if end < start:
        refuse(
            name, _("period ends ({end}) before it starts ({start})").format(end=end, start=start)
        )
    if start < FIRST_DAY or end > LAST_DAY:
        refuse(
            name,
            _("period ({start} to {end}) is not between {first} and {last}").format(
                start=start, end=end, first=FIRST_DAY, last=LAST_DAY
            ),
        )
    check.period = Period(start, end)
    return Member(
        name=name,
        period=Period(start, end),
        totals=(totals := check.totals(document, "totals")),
        previous=check.totals(document, "previous", totals),
        by_source=check.counts(document, "by_source"),
        incidents_by_category=check.counts(document, "incidents_by_category"),
        incidents_by_severity=check.severities(document),
        weeks=check.weeks(document),
        previous_has_data=check.flag(document, "previous_has_data"),
        previous_judged=check.previous_judged(document, start, end),
    )


def merge(members: Sequence[Member], min_group: int = MIN_GROUP) -> TeamSummary:
    """The team summary document (plain JSON types): every member must cover the same period."""
    check_min_group(min_group)
    if not members:
        raise ValidationError(
            "FILE", _("give at least one member's summary; {make_one}").format(make_one=make_one())
        )
    first = members[0]
    for member in members[1:]:
        if member.period != first.period:
            refuse(
                member.name,
                _(
                    "covers {start} to {end}, but {other} covers {other_start} to {other_end}; "
                    "merge summaries of one period"
                ).format(
                    start=member.period.start,
                    end=member.period.end,
                    other=first.name,
                    other_start=first.period.start,
                    other_end=first.period.end,
                ),
            )
    count = len(members)
    totals = _sum_totals([m.totals for m in members])
    averages = {k: round_half_away(v / count, 2) for k, v in totals.items()}
    previous = _sum_totals([m.previous for m in members])
    advice = roll_up(members, min_group)
    if advice.total is not None and advice.previous is not None:
        totals[AGAINST_ADVICE.key], previous[AGAINST_ADVICE.key] = advice.total, advice.previous
    reason = withheld(count, min_group)
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": KIND,
        "period": _period(first.period),
        "previous_period": _period(first.period.previous()),
        "members": count,
        "min_group": min_group,
        "totals": totals,
        "averages": averages,
        "previous": previous,
        "breakdowns": None if reason else _breakdowns(members, first.period),
        "breakdowns_withheld": reason,
        "not_rolled_up": _(NOT_ROLLED_UP),
        "previous_has_data": all(m.previous_has_data for m in members),
        "previous_working_hours_set": all(m.previous_judged for m in members),
        "incidents_against_advice_members": advice.members,
        "incidents_against_advice_withheld": advice.withheld,
    }


def team_summary(paths: Sequence[str], min_group: int = MIN_GROUP) -> TeamSummary:
    """Read members' summary files and merge them (see ``read_members`` and ``merge``)."""
    check_min_group(min_group)
    return merge(read_members(paths), min_group)


def _sum_totals(all_totals: Sequence[FigureValues]) -> FigureValues:
    return {f.key: f.rounded(sum(t[f.key] for t in all_totals)) for f in ALWAYS}


def _breakdowns(members: Sequence[Member], period: Period) -> Breakdowns:
    weeks: dict[date, FigureValues] = {}
    for member in members:
        for start, week in member.weeks.items():
            monday = start - timedelta(days=start.weekday())  # a clipped first week, too
            merged = weeks.setdefault(monday, dict.fromkeys(week, 0))
            for key, number in week.items():
                # ``days`` is how many of the week's days fall in the period: the same for all.
                merged[key] = max(merged[key], number) if key == "days" else merged[key] + number
    dates = {monday: week_dates(monday, period) for monday in weeks}
    return {
        "by_source": _sum_counts([m.by_source for m in members]),
        "incidents_by_category": _sum_counts([m.incidents_by_category for m in members]),
        "incidents_by_severity": {
            k: sum(m.incidents_by_severity.get(k, 0) for m in members) for k in SEVERITY_KEYS
        },
        "weeks": [
            week_document(
                dates[start][0].isoformat(),
                dates[start][1].isoformat(),
                int(weeks[start]["days"]),
                {f.key: f.rounded(weeks[start][f.key]) for f in WEEKLY_FIELDS},
            )
            for start in sorted(weeks)
        ],
    }


def _sum_counts(all_counts: Sequence[dict[str, int]]) -> dict[str, int]:
    """Counts summed by key, the largest first (ties by name)."""
    summed: dict[str, int] = {}
    for counts in all_counts:
        for key, number in counts.items():
            summed[key] = summed.get(key, 0) + number
    return dict(sorted(summed.items(), key=lambda item: (-item[1], item[0])))


def _period(period: Period) -> PeriodDocument:
    return {"start": period.start.isoformat(), "end": period.end.isoformat(), "days": period.days}
