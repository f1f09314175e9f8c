"""A summary document as the files a user hands over: JSON, CSV (one row a week), Markdown for
chat or email, and the HTML that the PDF and the preview are laid out from.

Everything is rendered from the summary document alone (see ``summary.build_summary``), so no
format can carry more than the document does.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

from wellbeing_app.core.reports import layout
from wellbeing_app.core.reports.counts import counted
from wellbeing_app.core.reports.document import (
    Breakdowns,
    PeriodDocument,
    TeamSummary,
    WellbeingDocument,
    WorkloadSummary,
    week_start,
)
from wellbeing_app.core.reports.layout import Image, Page, Section
from wellbeing_app.core.vocabulary import (
    SEVERITIES,
    SEVERITY_HINTS,
    category_label,
    source_label,
)
from wellbeing_app.core.workload import figures
from wellbeing_app.core.workload.coverage import unstated

FORMATS = ("pdf", "csv", "json", "md")
# Without the opt-in figures (incidents_against_advice), which follow only when a summary holds
# them (``csv_columns``).
CSV_COLUMNS = (
    "week_start",
    "week_end",
    "days",
    *(f.key for f in figures.WEEKLY if not f.opt_in),
)
WEEK_HEADER = ["Week of", *(f.week_column for f in figures.WEEK_COLUMNS)]
HEADING = "Workload summary"
NONE = "–"  # a table cell with no figure that means anything
NOTE_HEADING = "What I am asking for"
LEAST, MOST = SEVERITIES[0], SEVERITIES[-1]
SEVERITY_HEADING = (
    f"Incidents by severity ({LEAST} {SEVERITY_HINTS[LEAST]} – {MOST} {SEVERITY_HINTS[MOST]})"
)
FOOTER = (
    "Aggregates from my own log, made with the Wellbeing app. No messages, notes, reflections "
    "or incident details are included."
)


def render_text(document: WorkloadSummary, fmt: str) -> str:
    renderers: dict[str, Callable[[WorkloadSummary], str]] = {
        "json": to_json,
        "csv": to_csv,
        "md": to_markdown,
    }
    return renderers[fmt](document)


def to_json(document: WorkloadSummary | TeamSummary) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def csv_columns(document: WorkloadSummary) -> tuple[str, ...]:
    """``CSV_COLUMNS``, then each opt-in weekly figure the summary holds."""
    chosen = (f.key for f in figures.WEEKLY if f.opt_in and f.key in document["totals"])
    return (*CSV_COLUMNS, *chosen)


def to_csv(document: WorkloadSummary) -> str:
    """One row a week, the columns of ``csv_columns`` (documented in the README)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = csv_columns(document)
    writer.writerow(columns)
    for week in document["weeks"]:
        writer.writerow([week[c] for c in columns])
    return buffer.getvalue()


def title(document: WorkloadSummary) -> str:
    return page(document).title


def dates(period: PeriodDocument) -> str:
    start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


class Comparison(NamedTuple):
    """What a summary's previous period can be compared on (see ``coverage.unstated``)."""

    previous_has_data: bool = True
    hours_set: bool = True
    previous_judged: bool = True

    def cell(self, figure: figures.Figure, now: float, before: float) -> str:
        """A table's Change cell: the change as the two figures shown differ, or why none is
        stated."""
        reason = unstated(figure, **self._asdict())
        return figure.change_text(now, before) if reason is None else reason.short

    def now(self, figure: figures.Figure, value: float) -> str:
        """A figure of this period, or a dash for one counted against working hours that were
        never set in it (its zero would mean nothing)."""
        return figure.text(value) if self.hours_set or not figure.against_hours else NONE

    def before(self, figure: figures.Figure, value: float) -> str:
        """A figure of the previous period, or a dash when it lies before the first record."""
        return figure.text(value) if self.previous_has_data else NONE


def comparison(document: WorkloadSummary) -> Comparison:
    """From the keys added within schema version 1; a file made before them compares as it
    always did."""
    has_data = document.get("previous_has_data", True)
    if "working_hours_set_from" not in document:
        return Comparison(has_data)
    since = document["working_hours_set_from"]
    if since is None:
        return Comparison(has_data, False, False)
    return Comparison(
        has_data,
        since <= document["period"]["end"],
        since <= document["previous_period"]["start"],
    )


def compared_with(previous_period: PeriodDocument, previous_has_data: bool) -> str:
    """The sentence under a totals table."""
    if previous_has_data:
        return f"Compared with {dates(previous_period)}."
    return (
        f"The previous period ({dates(previous_period)}) holds no earlier data: "
        "no change is stated."
    )


def page(document: WorkloadSummary, charts: Sequence[Image] = ()) -> Page:
    """The summary as a page of sections, with ``charts`` placed after the totals."""
    return Page(HEADING, dates(document["period"]), sections(document, charts), [FOOTER])


def sections(document: WorkloadSummary, charts: Sequence[Image] = ()) -> list[Section]:
    """The summary's sections, shared by Markdown and HTML (which alone shows ``charts``)."""
    totals, previous = document["totals"], document["previous"]
    out = [Section("Key findings", items=document["findings"])]
    if document["note"]:
        out.append(Section(NOTE_HEADING, [document["note"]], quoted=True))
    against = comparison(document)
    rows = [["", "This period", "Previous period", "Change"]]
    rows += [
        [
            figure.label,
            against.now(figure, totals[figure.key]),
            against.before(figure, previous[figure.key]),
            against.cell(figure, totals[figure.key], previous[figure.key]),
        ]
        for figure in figures.MEMBER_ROWS
        if figure.key in totals  # an opt-in figure only when the user included it
    ]
    said = compared_with(document["previous_period"], against.previous_has_data)
    out.append(Section("Totals", [said], table=rows, images=charts))
    out += breakdown_sections(document)
    if "wellbeing" in document:
        out.append(
            Section("Well-being (shared by choice)", items=_wellbeing(document["wellbeing"]))
        )
    return out


def breakdown_sections(source: Breakdowns | WorkloadSummary) -> list[Section]:
    """Tables of ``by_source``, ``incidents_by_category``, ``incidents_by_severity`` and
    ``weeks`` as they stand in ``source`` (a summary, or a team roll-up's breakdowns)."""
    out: list[Section] = []
    sources = [["Source", "After-hours pings"]]
    sources += [[source_label(k), f"{v:,}"] for k, v in source["by_source"].items()]
    out.append(_table_or_none("After-hours pings by source", sources))
    categories = [["Category", "Incidents"]]
    categories += [
        [category_label(k), f"{v:,}"] for k, v in source["incidents_by_category"].items()
    ]
    if len(categories) > 1:
        by_severity = source["incidents_by_severity"]
        severity = [["Severity", *by_severity.keys()]]
        severity += [["Incidents", *(f"{v:,}" for v in by_severity.values())]]
        out.append(Section("Incidents by category", table=categories))
        out.append(Section(SEVERITY_HEADING, table=severity))
    else:
        out.append(Section("Incidents", ["None logged."]))
    weeks = [WEEK_HEADER]
    weeks += [
        [
            day_label(week_start(week)),
            *(f.text(float(week[f.key])) for f in figures.WEEK_COLUMNS),
        ]
        for week in source["weeks"]
    ]
    out.append(_table_or_none("Week by week", weeks))
    return out


def _table_or_none(heading: str, rows: list[list[str]]) -> Section:
    return Section(heading, table=rows) if len(rows) > 1 else Section(heading, ["None."])


def _wellbeing(wellbeing: WellbeingDocument) -> list[str]:
    lines = []
    if wellbeing["mood_average"] is not None:
        lines.append(
            f"Mood averaged {figures.average_text(wellbeing['mood_average'])} of 5 and stress "
            f"{figures.average_text(wellbeing['stress_average'])} of 10 over "
            f"{counted(wellbeing['reflection_days'], 'end-of-day reflection')}."
        )
    if wellbeing["who5"]:
        scores = ", ".join(f"{p['score']} ({day_label(p['date'])})" for p in wellbeing["who5"])
        lines.append(f"WHO-5 Well-Being Index (0–100): {scores}.")
    elif wellbeing["latest_who5"] is not None:
        latest = wellbeing["latest_who5"]
        lines.append(
            f"Latest WHO-5 Well-Being Index: {latest['score']} ({day_label(latest['date'])})."
        )
    return lines or ["No reflections or check-ins in this period."]


def day_label(text: str) -> str:
    """An ISO date as ``26 Oct 2026``."""
    day = date.fromisoformat(text)
    return f"{day.day} {day:%b %Y}"


def to_markdown(document: WorkloadSummary) -> str:
    return layout.render_markdown(page(document))


def to_html(document: WorkloadSummary, charts: Sequence[tuple[str, str]] = ()) -> str:
    """The summary as simple HTML (the subset Qt's rich text lays out), with ``charts`` as
    (image name, caption) pairs placed after the totals."""
    return layout.render_html(page(document, [Image(*chart) for chart in charts]))
