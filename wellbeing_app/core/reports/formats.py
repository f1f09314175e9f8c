"""A summary document as the files a user hands over: JSON, CSV (one row a week), Markdown for
chat or email, and the HTML that the PDF and the preview are laid out from.

Everything is rendered from the summary document alone (see ``summary.build_summary``), so no
format can carry more than the document does.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from wellbeing_app.core.vocabulary import category_label, source_label

# A part of a summary: heading, paragraphs ("- " starts a list item), table rows or None (the
# first row is the header).
Section = tuple[str, list[str], list[list[str]] | None]
WEEK_HEADER = [
    "Week of",
    "Worked",
    "Scheduled",
    "Overtime",
    "After-hours pings",
    "On-call pings",
    "Incidents",
]
FORMATS = ("pdf", "csv", "json", "md")
CSV_COLUMNS = (
    "week_start",
    "week_end",
    "days",
    "hours_worked",
    "hours_scheduled",
    "overtime_hours",
    "after_hours_pings",
    "after_hours_minutes",
    "oncall_pings",
    "incidents",
)
# Rows of the totals table: label, key, unit (" h" for hours).
TOTAL_ROWS = (
    ("Hours worked", "hours_worked", " h"),
    ("Hours scheduled", "hours_scheduled", " h"),
    ("Overtime", "overtime_hours", " h"),
    ("After-hours pings", "after_hours_pings", ""),
    ("Minutes responding after hours", "after_hours_minutes", ""),
    ("Workdays reached after hours", "evenings_with_contact", ""),
    ("Days off reached", "days_off_with_contact", ""),
    ("On-call pings", "oncall_pings", ""),
    ("Incidents", "incidents", ""),
    ("Minutes spent on incidents", "incident_minutes", ""),
    ("Incidents after hours", "incidents_after_hours", ""),
    ("Short rests (under 11 h between working days)", "short_rest_gaps", ""),
)
FOOTER = (
    "Aggregates from my own log, made with the Wellbeing app. No messages, notes, reflections "
    "or incident details are included."
)


def render_text(document: dict[str, Any], fmt: str) -> str:
    renderers: dict[str, Callable[[dict[str, Any]], str]] = {
        "json": to_json,
        "csv": to_csv,
        "md": to_markdown,
    }
    return renderers[fmt](document)


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def to_csv(document: dict[str, Any]) -> str:
    """One row a week, the columns of ``CSV_COLUMNS`` (documented in the README)."""
    columns = list(CSV_COLUMNS)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for week in document["weeks"]:
        writer.writerow([week[c] for c in columns])
    return buffer.getvalue()


def title(document: dict[str, Any]) -> str:
    return f"Workload summary: {dates(document['period'])}"


def dates(period: dict[str, Any]) -> str:
    start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def change(now: float, before: float, unit: str) -> str:
    delta = now - before
    if abs(delta) < 0.005:
        return "same"
    return f"{delta:+,.2f}{unit}" if unit else f"{delta:+,.0f}"


def value(number: float, unit: str) -> str:
    return f"{number:,.2f}{unit}" if unit else f"{number:,.0f}"


def sections(document: dict[str, Any]) -> list[Section]:
    """The summary as (heading, paragraphs, table rows or None), shared by Markdown and HTML.

    The first row of a table is its header.
    """
    totals, previous = document["totals"], document["previous"]
    out: list[Section] = [("Key findings", [f"- {f}" for f in document["findings"]], None)]
    if document.get("note"):
        out.append(("What I am asking for", [document["note"]], None))
    rows = [["", "This period", "Previous period", "Change"]]
    rows += [
        [
            name,
            value(totals[key], unit),
            value(previous[key], unit),
            change(totals[key], previous[key], unit),
        ]
        for name, key, unit in TOTAL_ROWS
    ]
    out.append(("Totals", [f"Compared with {dates(document['previous_period'])}."], rows))
    out += breakdown_sections(document)
    wellbeing = document.get("wellbeing")
    if wellbeing is not None:
        out.append(("Well-being (shared by choice)", _wellbeing_lines(wellbeing), None))
    return out


def breakdown_sections(source: dict[str, Any]) -> list[Section]:
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
        severity = [["Severity", *source["incidents_by_severity"].keys()]]
        severity += [["Incidents", *(f"{v:,}" for v in source["incidents_by_severity"].values())]]
        out.append(("Incidents by category", [], categories))
        out.append(("Incidents by severity (1 mild – 5 severe)", [], severity))
    else:
        out.append(("Incidents", ["None logged."], None))
    weeks = [WEEK_HEADER]
    weeks += [
        [
            day_label(w["week_start"]),
            value(w["hours_worked"], " h"),
            value(w["hours_scheduled"], " h"),
            value(w["overtime_hours"], " h"),
            f"{w['after_hours_pings']:,}",
            f"{w['oncall_pings']:,}",
            f"{w['incidents']:,}",
        ]
        for w in source["weeks"]
    ]
    out.append(_table_or_none("Week by week", weeks))
    return out


def _table_or_none(heading: str, rows: list[list[str]]) -> Section:
    return (heading, [], rows) if len(rows) > 1 else (heading, ["None."], None)


def _wellbeing_lines(wellbeing: dict[str, Any]) -> list[str]:
    lines = []
    if wellbeing["mood_average"] is not None:
        lines.append(
            f"- Mood averaged {wellbeing['mood_average']:.1f} of 5 and stress "
            f"{wellbeing['stress_average']:.1f} of 10 over {wellbeing['reflection_days']} "
            "end-of-day reflections."
        )
    if wellbeing["who5"]:
        scores = ", ".join(f"{p['score']} ({day_label(p['date'])})" for p in wellbeing["who5"])
        lines.append(f"- WHO-5 Well-Being Index (0–100): {scores}.")
    elif wellbeing["latest_who5"] is not None:
        latest = wellbeing["latest_who5"]
        lines.append(
            f"- Latest WHO-5 Well-Being Index: {latest['score']} ({day_label(latest['date'])})."
        )
    return lines or ["- No reflections or check-ins in this period."]


def day_label(text: str) -> str:
    """An ISO date as ``26 Oct 2026``."""
    day = date.fromisoformat(text)
    return f"{day.day} {day:%b %Y}"


def to_markdown(document: dict[str, Any]) -> str:
    lines = [f"# {title(document)}", ""]
    for heading, paragraphs, rows in sections(document):
        lines += [f"## {heading}", ""]
        if paragraphs:
            lines += [
                *(_quote(p) if heading == "What I am asking for" else p for p in paragraphs),
                "",
            ]
        if rows:
            lines += [*markdown_table(rows), ""]
    lines += ["---", "", FOOTER, ""]
    return "\n".join(lines)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def markdown_table(rows: list[list[str]]) -> list[str]:
    """A pipe table: the first column left, the figures right-aligned."""
    head = "| " + " | ".join(_cell(c) for c in rows[0]) + " |"
    rule = "|" + "|".join(["---"] + ["---:"] * (len(rows[0]) - 1)) + "|"
    return [head, rule, *("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows[1:])]


def _cell(text: str) -> str:
    """A table cell: a name from someone's file must not break the table."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def html_table(rows: list[list[str]]) -> str:
    e = html.escape
    head = "".join(f"<th>{e(c)}</th>" for c in rows[0])
    body = "".join(
        f'<tr><td align="left">{e(row[0])}</td>'
        + "".join(f'<td align="right">{e(c)}</td>' for c in row[1:])
        + "</tr>"
        for row in rows[1:]
    )
    return f'<table border="1" cellspacing="0" cellpadding="4"><tr>{head}</tr>{body}</table>'


def to_html(document: dict[str, Any], charts: Sequence[tuple[str, str]] = ()) -> str:
    """The summary as simple HTML (the subset Qt's rich text lays out), with ``charts`` as
    (image name, caption) pairs placed after the totals."""
    e = html.escape
    parts = [f"<h1>Workload summary</h1><p><b>{e(dates(document['period']))}</b></p>"]
    for heading, paragraphs, rows in sections(document):
        parts.append(f"<h2>{e(heading)}</h2>")
        items = [p[2:] for p in paragraphs if p.startswith("- ")]
        if items:
            parts.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in items) + "</ul>")
        for p in paragraphs:
            if not p.startswith("- "):
                parts.append(f"<p>{e(p)}</p>".replace("\n", "<br>"))
        if rows:
            parts.append(html_table(rows))
        if heading == "Totals":
            for name, caption in charts:
                parts.append(f'<p><img src="{e(name)}" alt="{e(caption)}"></p>')
    parts.append(f"<hr><p><small>{e(FOOTER)}</small></p>")
    return "\n".join(parts)
