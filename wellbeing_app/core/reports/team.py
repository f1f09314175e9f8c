"""Members' workload summaries for one period, checked and merged into one team summary: team
totals, per-person averages, the previous period's totals and, only for a group large enough,
breakdowns by source, category, severity and week.

Privacy (DESIGN.md): breakdowns never cover fewer than ``MIN_GROUP`` people, and a member's note
and well-being figures are never read into the team summary. An opt-in figure (incidents after
decisions made against a member's advice) is summed only from the members who included it, and
shown only when enough did (``team_advice``).

Members' files are input from elsewhere: they are read with care (``member_files``), and every
figure must be a finite number a period can hold (hours no more than the period's hours; counts
and minutes at most ``MAX_PER_DAY`` a day).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NoReturn

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.reports import summary
from wellbeing_app.core.reports.document import (
    Breakdowns,
    FigureValues,
    PeriodDocument,
    TeamSummary,
    week_dates,
    week_document,
)
from wellbeing_app.core.reports.member_files import load_member_file
from wellbeing_app.core.reports.team_advice import roll_up
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.vocabulary import SEVERITIES
from wellbeing_app.core.workload.figures import (
    AGAINST_ADVICE,
    ALWAYS,
    FIGURES,
    WEEKLY,
    Figure,
    Unit,
    round_half_away,
)

SCHEMA_VERSION = 1
KIND = "wellbeing-app team summary"
MIN_GROUP = 5  # the smallest group whose breakdowns may be shown (DESIGN.md, privacy rules)
NOT_ROLLED_UP = "Notes and well-being figures are personal and never rolled up."
MAKE_ONE = "make one with 'wellbeing-app summary --format json'"

# Every figure always in a member's summary is summed for the team, in the summary's order.
TOTAL_FIELDS = tuple(figure.key for figure in ALWAYS)
WEEKLY_FIELDS = tuple(figure for figure in WEEKLY if not figure.opt_in)
SEVERITY_KEYS = tuple(str(s) for s in SEVERITIES)
MAX_PER_DAY = 100_000  # a count or minutes above this many a day is no real figure
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2199, 12, 31)  # periods a summary can cover


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
            f"must be at least {MIN_GROUP}: breakdowns are never shown for fewer people "
            f"(got {value})",
        )
    return value


def withheld(members: int, min_group: int) -> str | None:
    """Why the breakdowns are left out, or None when the group is large enough to show them."""
    if members >= min_group:
        return None
    return (
        f"Breakdowns are shown only for groups of at least {min_group} people; "
        f"this summary has {members}."
    )


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
            _fail(name, f"is given twice (also as {by_path[resolved]}); each person counts once")
        content = json.dumps(document, sort_keys=True)
        if content in by_content:
            _fail(name, f"is the same summary as {by_content[content]}; each person counts once")
        by_path[resolved] = by_content[content] = name
        members.append(member_from_document(document, name))
    return members


def member_from_document(document: Any, name: str) -> Member:
    """Check one member's summary (schema version 1) and keep what a team summary may use."""
    if not isinstance(document, dict):
        _fail(name, f"is not a workload summary (expected a JSON object); {MAKE_ONE}")
    kind = document.get("kind")
    if kind != summary.KIND:
        found = "has no 'kind'" if kind is None else f"has kind {kind!r}"
        _fail(name, f"is not a member's workload summary ({found}); {MAKE_ONE}")
    version = document.get("schema_version")
    if version != summary.SCHEMA_VERSION or isinstance(version, bool):
        _fail(
            name,
            f"has schema_version {version!r}, but this app reads schema_version "
            f"{summary.SCHEMA_VERSION}; ask for a summary made with the same version",
        )
    check = _Checker(name)
    period = check.object(document, "period")
    start, end = check.day(period, "start", "period."), check.day(period, "end", "period.")
    if end < start:
        _fail(name, f"period ends ({end}) before it starts ({start})")
    if start < FIRST_DAY or end > LAST_DAY:
        _fail(name, f"period ({start} to {end}) is not between {FIRST_DAY} and {LAST_DAY}")
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
        raise ValidationError("FILE", f"give at least one member's summary; {MAKE_ONE}")
    first = members[0]
    for member in members[1:]:
        if member.period != first.period:
            _fail(
                member.name,
                f"covers {member.period.start} to {member.period.end}, but {first.name} covers "
                f"{first.period.start} to {first.period.end}; merge summaries of one period",
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
        "not_rolled_up": NOT_ROLLED_UP,
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


def _fail(name: str, problem: str) -> NoReturn:
    raise ValidationError(name, problem)


class _Checker:
    """Checks the fields of one member's summary; a problem names the file and the field."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.period = Period(FIRST_DAY, FIRST_DAY)  # set once read: figures are held to it

    def fail(self, problem: str) -> NoReturn:
        _fail(self.name, problem)

    def field(self, parent: dict[str, Any], key: str, where: str) -> Any:
        if key not in parent:
            self.fail(f"{where}{key} is missing")
        return parent[key]

    def object(self, parent: dict[str, Any], key: str, where: str = "") -> dict[str, Any]:
        value = self.field(parent, key, where)
        if not isinstance(value, dict):
            self.fail(f"{where}{key} must be a JSON object, got {_json(value)}")
        return value

    def day(self, parent: dict[str, Any], key: str, where: str) -> date:
        value = self.field(parent, key, where)
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(f"{where}{key} must be a date (YYYY-MM-DD), got {_json(value)}")

    def count(self, value: Any, where: str, days: int | None = None) -> int:
        """A whole number from 0 to MAX_PER_DAY a day (of the period, or of ``days``)."""
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(f"{where} must be a whole number of at least 0, got {_json(value)}")
        most = MAX_PER_DAY * (self.period.days if days is None else days)
        if value > most:
            self.fail(f"{where} is {value:,}, more than {MAX_PER_DAY:,} a day; not a real figure")
        return value

    def flag(self, parent: dict[str, Any], key: str) -> bool:
        """A true/false key added within schema version 1: true when the file has none."""
        value = parent.get(key, True)
        if not isinstance(value, bool):
            self.fail(f"{key} must be true or false, got {_json(value)}")
        return value

    def previous_judged(self, document: dict[str, Any], start: date, end: date) -> bool:
        """Whether working hours were set all through the period before ``start``..``end``,
        from ``working_hours_set_from`` (a file without it: as if they were)."""
        if "working_hours_set_from" not in document:
            return True
        if document["working_hours_set_from"] is None:
            return False
        since = self.day(document, "working_hours_set_from", "")
        return since <= Period(start, end).previous().start

    def hours(self, value: Any, where: str, days: int | None = None) -> float:
        """Hours from 0 to the hours of the period (or of ``days``)."""
        number_type = isinstance(value, int | float) and not isinstance(value, bool)
        if not number_type or not math.isfinite(value) or value < 0:
            self.fail(f"{where} must be a number of hours of at least 0, got {_json(value)}")
        most = 24 * (self.period.days if days is None else days)
        if value > most:
            self.fail(f"{where} is {_json(value)} hours, more than the {most} hours it covers")
        return float(value)

    def figure(
        self, parent: dict[str, Any], figure: Figure, where: str, days: int | None = None
    ) -> float:
        """A figure as its unit wants it: hours a number, counts and minutes whole numbers."""
        value = self.field(parent, figure.key, where)
        if figure.unit is Unit.HOURS:
            return self.hours(value, where + figure.key, days)
        return self.count(value, where + figure.key, days)

    def totals(
        self, document: dict[str, Any], key: str, like: FigureValues | None = None
    ) -> FigureValues:
        """Every figure, and each opt-in one the member included (present in the totals;
        the previous period's, ``like`` them, must hold the same)."""
        section = self.object(document, key)
        chosen = section if like is None else like
        kept = [f for f in FIGURES if not f.opt_in or f.key in chosen]
        values = {figure.key: self.figure(section, figure, f"{key}.") for figure in kept}
        for figure in FIGURES:
            if figure.key in section and figure.key not in values:
                self.fail(f"{key}.{figure.key} is given, but totals.{figure.key} is not")
        advice = values.get(AGAINST_ADVICE.key, 0)
        if advice > values["incidents"]:
            self.fail(
                f"{key}.{AGAINST_ADVICE.key} is {advice:,}, more than the "
                f"{values['incidents']:,} {key}.incidents"
            )
        return values

    def counts(self, document: dict[str, Any], key: str) -> dict[str, int]:
        section = self.object(document, key)
        return {str(k): self.count(v, f"{key}.{k}") for k, v in section.items()}

    def severities(self, document: dict[str, Any]) -> dict[str, int]:
        counts = self.counts(document, "incidents_by_severity")
        unknown = sorted(set(counts) - set(SEVERITY_KEYS))
        if unknown:
            self.fail(f"incidents_by_severity has severity {unknown[0]!r}; severities are 1-5")
        return counts

    def weeks(self, document: dict[str, Any]) -> dict[date, FigureValues]:
        weeks = self.field(document, "weeks", "")
        if not isinstance(weeks, list):
            self.fail(f"weeks must be a JSON list, got {_json(weeks)}")
        out: dict[date, FigureValues] = {}
        for n, week in enumerate(weeks):
            where = f"weeks[{n}]."
            if not isinstance(week, dict):
                self.fail(f"weeks[{n}] must be a JSON object, got {_json(week)}")
            start = self.day(week, "week_start", where)
            if start in out:
                self.fail(f"weeks lists the week of {start} twice")
            if not self.period.start - timedelta(days=6) <= start <= self.period.end:
                self.fail(f"{where}week_start {start} is not a week of the period")
            days = self.count(self.field(week, "days", where), f"{where}days")
            if not 1 <= days <= 7:
                self.fail(f"{where}days must be 1-7, got {days}")
            figures: FigureValues = {"days": days}
            figures |= {f.key: self.figure(week, f, where, days) for f in WEEKLY_FIELDS}
            for figure in WEEKLY:  # an opt-in figure is checked, but not kept: no team weeks
                if figure.opt_in and figure.key in week:
                    self.figure(week, figure, where, days)
            out[start] = figures
        return out


def _json(value: Any) -> str:
    """A value as it was written in the file, cut short."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
