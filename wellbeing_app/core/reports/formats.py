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

from wellbeing_app.core.language import N_, _, formats, ngettext
from wellbeing_app.core.reports import layout
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
    severity_hint,
    source_label,
)
from wellbeing_app.core.workload import figures
from wellbeing_app.core.workload.coverage import day_text, unstated

FORMATS = ("pdf", "csv", "json", "md")
# Without the opt-in figures (incidents_against_advice), which follow only when a summary holds
# them (``csv_columns``).
CSV_COLUMNS = (
    "week_start",
    "week_end",
    "days",
    *(f.key for f in figures.WEEKLY if not f.opt_in),
)
# Words people read are English here (N_-marked) and translated where a page is made; the
# week header and the severity heading in English, as ``week_header`` and ``severity_heading``
# give them in the language in use.
WEEK_OF = N_("Week of")
WEEK_HEADER = [WEEK_OF, *(f.week_column for f in figures.WEEK_COLUMNS)]
HEADING = N_("Workload summary")
NONE = "–"  # a table cell with no figure that means anything
NOTE_HEADING = N_("What I am asking for")
LEAST, MOST = SEVERITIES[0], SEVERITIES[-1]
SEVERITY_HEADING = (
    f"Incidents by severity ({LEAST} {SEVERITY_HINTS[LEAST]} – {MOST} {SEVERITY_HINTS[MOST]})"
)
FOOTER = N_(
    "Aggregates from my own log, made with the Wellbeing app. No messages, notes, reflections "
    "or incident details are included."
)


def week_header() -> list[str]:
    """The week-by-week table's header row."""
    return [_(column) for column in WEEK_HEADER]


def severity_heading() -> str:
    """``Incidents by severity (1 minor – 5 severe)``."""
    # TRANSLATORS: {least} and {most} are severities (1 and 5), each with its word ("minor").
    return _("Incidents by severity ({least} {least_hint} – {most} {most_hint})").format(
        least=LEAST, least_hint=severity_hint(LEAST), most=MOST, most_hint=severity_hint(MOST)
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
    """``2 Nov 2026 – 29 Nov 2026``."""
    start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
    return f"{day_text(start)} – {day_text(end)}"


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
        return _("Compared with {dates}.").format(dates=dates(previous_period))
    return _("The previous period ({dates}) holds no earlier data: no change is stated.").format(
        dates=dates(previous_period)
    )


def page(document: WorkloadSummary, charts: Sequence[Image] = ()) -> Page:
    """The summary as a page of sections, with ``charts`` placed after the totals."""
    return Page(_(HEADING), dates(document["period"]), sections(document, charts), [_(FOOTER)])


def sections(document: WorkloadSummary, charts: Sequence[Image] = ()) -> list[Section]:
    """The summary's sections, shared by Markdown and HTML (which alone shows ``charts``)."""
    totals, previous = document["totals"], document["previous"]
    out = [Section(_("Key findings"), items=document["findings"])]
    if document["note"]:
        out.append(Section(_(NOTE_HEADING), [document["note"]], quoted=True))
    against = comparison(document)
    rows = [["", _("This period"), _("Previous period"), _("Change")]]
    rows += [
        [
            _(figure.label),
            against.now(figure, totals[figure.key]),
            against.before(figure, previous[figure.key]),
            against.cell(figure, totals[figure.key], previous[figure.key]),
        ]
        for figure in figures.MEMBER_ROWS
        if figure.key in totals  # an opt-in figure only when the user included it
    ]
    said = compared_with(document["previous_period"], against.previous_has_data)
    out.append(Section(_("Totals"), [said], table=rows, images=charts))
    out += breakdown_sections(document)
    if "wellbeing" in document:
        out.append(
            Section(_("Well-being (shared by choice)"), items=_wellbeing(document["wellbeing"]))
        )
    return out


def breakdown_sections(source: Breakdowns | WorkloadSummary) -> list[Section]:
    """Tables of ``by_source``, ``incidents_by_category``, ``incidents_by_severity`` and
    ``weeks`` as they stand in ``source`` (a summary, or a team roll-up's breakdowns)."""
    out: list[Section] = []
    number = formats.number
    sources = [[_("Source"), _("After-hours pings")]]
    sources += [[source_label(k), number(v)] for k, v in source["by_source"].items()]
    out.append(_table_or_none(_("After-hours pings by source"), sources))
    categories = [[_("Category"), _("Incidents")]]
    categories += [
        [category_label(k), number(v)] for k, v in source["incidents_by_category"].items()
    ]
    if len(categories) > 1:
        by_severity = source["incidents_by_severity"]
        severity = [[_("Severity"), *by_severity.keys()]]
        severity += [[_("Incidents"), *(number(v) for v in by_severity.values())]]
        out.append(Section(_("Incidents by category"), table=categories))
        out.append(Section(severity_heading(), table=severity))
    else:
        out.append(Section(_("Incidents"), [_("None logged.")]))
    weeks = [week_header()]
    weeks += [
        [
            day_label(week_start(week)),
            *(f.text(float(week[f.key])) for f in figures.WEEK_COLUMNS),
        ]
        for week in source["weeks"]
    ]
    out.append(_table_or_none(_("Week by week"), weeks))
    return out


def _table_or_none(heading: str, rows: list[list[str]]) -> Section:
    return Section(heading, table=rows) if len(rows) > 1 else Section(heading, [_("None.")])


def _wellbeing(wellbeing: WellbeingDocument) -> list[str]:
    lines = []
    if wellbeing["mood_average"] is not None:
        days = wellbeing["reflection_days"]
        lines.append(
            ngettext(
                "Mood averaged {mood} of 5 and stress {stress} of 10 over {count} end-of-day "
                "reflection.",
                "Mood averaged {mood} of 5 and stress {stress} of 10 over {count} end-of-day "
                "reflections.",
                days,
            ).format(
                mood=figures.average_text(wellbeing["mood_average"]),
                stress=figures.average_text(wellbeing["stress_average"]),
                count=formats.number(days),
            )
        )
    if wellbeing["who5"]:
        scores = ", ".join(f"{p['score']} ({day_label(p['date'])})" for p in wellbeing["who5"])
        # TRANSLATORS: {scores} are scores with their dates: "64 (3 Nov 2026), 72 (17 Nov 2026)".
        lines.append(_("WHO-5 Well-Being Index (0–100): {scores}.").format(scores=scores))
    elif wellbeing["latest_who5"] is not None:
        latest = wellbeing["latest_who5"]
        lines.append(
            _("Latest WHO-5 Well-Being Index: {score} ({date}).").format(
                score=latest["score"], date=day_label(latest["date"])
            )
        )
    return lines or [_("No reflections or check-ins in this period.")]


def day_label(text: str) -> str:
    """An ISO date as ``26 Oct 2026``."""
    return day_text(date.fromisoformat(text))


def to_markdown(document: WorkloadSummary) -> str:
    return layout.render_markdown(page(document))


def to_html(document: WorkloadSummary, charts: Sequence[tuple[str, str]] = ()) -> str:
    """The summary as simple HTML (the subset Qt's rich text lays out), with ``charts`` as
    (image name, caption) pairs placed after the totals."""
    return layout.render_html(page(document, [Image(*chart) for chart in charts]))
