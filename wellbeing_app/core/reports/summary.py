"""A workload summary for a manager: aggregates only, as one versioned JSON-ready document that
every format (JSON, CSV, Markdown, PDF) is rendered from.

What never goes in: reflection text, incident summaries and details, ping notes, single records.
Well-being figures (WHO-5, mood, stress) go in only when the user ticks them for this export,
and so does the count of incidents that followed decisions made against the user's advice
(``totals.incidents_against_advice``, and in ``previous`` and each week): without the tick its
key is absent, not zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wellbeing_app.core.language import N_, _
from wellbeing_app.core.records.fields import clean_text
from wellbeing_app.core.reports.document import (
    FigureValues,
    PeriodDocument,
    WeekDocument,
    WellbeingDocument,
    WorkloadSummary,
    week_dates,
    week_document,
)
from wellbeing_app.core.reports.findings import key_findings
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.vocabulary import SEVERITIES
from wellbeing_app.core.workload import figures
from wellbeing_app.core.workload.loads import Totals, WeekLoad, Workload

SCHEMA_VERSION = 1
KIND = "wellbeing-app workload summary"
MAX_NOTE = 2000

# Always left out, in the user's words (English, N_-marked); the preview lists them, as
# ``left_out`` gives them in the language in use.
NEVER_INCLUDED = (
    N_("Reflection texts (what went well, what you leave at work, your evening)"),
    N_("Incident summaries and private details"),
    N_("Ping notes"),
    N_("Single shifts, pings and incidents: only totals per period and week"),
)
WELLBEING_LEFT_OUT = N_("Well-being figures (WHO-5, mood and stress): tick them to include")
ADVICE_LEFT_OUT = N_(
    "How many incidents followed decisions made against your advice: tick it to include"
)


@dataclass(frozen=True)
class SummaryOptions:
    include_wellbeing: bool = False
    note: str | None = None  # "what I am asking for"
    include_advice: bool = False  # totals.incidents_against_advice (and per week)


def check_note(text: str | None) -> str | None:
    return clean_text(text, "note", MAX_NOTE)


def left_out(options: SummaryOptions) -> list[str]:
    """What this export leaves out, for the preview, in the language in use."""
    extra = [] if options.include_wellbeing else [WELLBEING_LEFT_OUT]
    extra += [] if options.include_advice else [ADVICE_LEFT_OUT]
    return [_(line) for line in (*NEVER_INCLUDED, *extra)]


def totals_document(t: Totals, include_advice: bool = False) -> FigureValues:
    """The figures of ``t`` a summary holds (``figures.included``) as the document holds them
    (hours to 2 decimals), in JSON order."""
    return figures.rounded(t, figures.included(include_advice))


def build_summary(
    workload: Workload, previous: Totals, options: SummaryOptions, generated_at: datetime
) -> WorkloadSummary:
    """The summary document (see README, "Summary JSON schema"). Plain JSON types only."""
    period, before = workload.period, workload.period.previous()
    coverage = workload.coverage
    since = coverage.hours_set_from
    document: WorkloadSummary = {
        "schema_version": SCHEMA_VERSION,
        "kind": KIND,
        "generated_at": generated_at.replace(microsecond=0).isoformat(),
        "period": {**_period(period), "zone": workload.zone},
        "previous_period": _period(before),
        "totals": totals_document(workload.totals, options.include_advice),
        "previous": totals_document(previous, options.include_advice),
        "by_source": dict(workload.by_source),
        "incidents_by_category": dict(workload.incidents_by_category),
        "incidents_by_severity": {
            str(s): workload.incidents_by_severity.get(s, 0) for s in SEVERITIES
        },
        "weeks": [_week(week, workload.period, options) for week in workload.weeks],
        "findings": key_findings(workload.totals, previous, coverage),
        "note": options.note,
        # Added within schema version 1: after the keys a reader of the first release knows.
        "previous_has_data": coverage.previous_has_data,
        "working_hours_set_from": None if since is None else since.isoformat(),
        "days_judged": coverage.days_judged,
    }
    if options.include_wellbeing:
        document["wellbeing"] = _wellbeing(workload)
    return document


def _week(week: WeekLoad, period: Period, options: SummaryOptions) -> WeekDocument:
    start, end = week_dates(week.week_start, period)
    weekly = [f for f in figures.included(options.include_advice) if f.weekly]
    return week_document(
        start.isoformat(), end.isoformat(), week.days, figures.rounded(week, weekly)
    )


def _period(period: Period) -> PeriodDocument:
    return {"start": period.start.isoformat(), "end": period.end.isoformat(), "days": period.days}


def _wellbeing(workload: Workload) -> WellbeingDocument:
    w = workload.wellbeing
    latest = w.latest_who5
    return {
        "mood_average": _average(w.mood_average),
        "stress_average": _average(w.stress_average),
        "reflection_days": w.reflection_days,
        "who5": [{"date": p.day.isoformat(), "score": p.score} for p in w.who5],
        "latest_who5": None
        if latest is None
        else {"date": latest.day.isoformat(), "score": latest.score},
    }


def _average(value: float | None) -> float | None:
    return None if value is None else figures.round_half_away(value, 2)
