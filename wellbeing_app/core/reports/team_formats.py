"""A team summary document (see ``team_summary.merge``) as the files a team lead hands on: JSON,
Markdown for chat or email, and the HTML that the PDF is laid out from.

Everything is rendered from the team document alone, so no format carries more than it does:
no member's note or well-being figures, and breakdowns only when the group was large enough.
"""

from __future__ import annotations

import html
from typing import Any

from wellbeing_app.core.reports.formats import (
    Section,
    breakdown_sections,
    change,
    dates,
    html_table,
    markdown_table,
    to_json,
    value,
)

# Rows of the totals table: label, key, unit (" h" for hours); every key of the totals.
TEAM_ROWS = (
    ("Hours worked", "hours_worked", " h"),
    ("Hours scheduled", "hours_scheduled", " h"),
    ("Overtime", "overtime_hours", " h"),
    ("After-hours pings", "after_hours_pings", ""),
    ("Minutes responding after hours", "after_hours_minutes", ""),
    ("Workdays", "workdays", ""),
    ("Workdays reached after hours", "evenings_with_contact", ""),
    ("Days off", "days_off", ""),
    ("Days off reached", "days_off_with_contact", ""),
    ("On-call pings", "oncall_pings", ""),
    ("Incidents", "incidents", ""),
    ("Minutes spent on incidents", "incident_minutes", ""),
    ("Incidents after hours", "incidents_after_hours", ""),
    ("Short rests (under 11 h between working days)", "short_rest_gaps", ""),
)
FOOTER = "Aggregates merged from each member's own summary, made with the Wellbeing app."


def render_text(document: dict[str, Any], fmt: str) -> str:
    """``fmt`` is ``json`` or ``md``."""
    return to_json(document) if fmt == "json" else team_markdown(document)


def title(document: dict[str, Any]) -> str:
    return f"Team workload summary: {dates(document['period'])}"


def sections(document: dict[str, Any]) -> list[Section]:
    """The team summary as (heading, paragraphs, table rows or None), shared by Markdown and
    HTML. The first row of a table is its header."""
    members, days = document["members"], document["period"]["days"]
    people = "1 person" if members == 1 else f"{members:,} people"
    intro = (
        f"{people}, {days:,} days, compared with the previous period "
        f"({dates(document['previous_period'])}). Per person: the team total divided by "
        f"{members:,}."
    )
    totals, averages, previous = document["totals"], document["averages"], document["previous"]
    rows = [["", "Team total", "Per person", "Previous period", "Change"]]
    rows += [
        [
            name,
            value(totals[key], unit),
            f"{averages[key]:,.2f}{unit}",
            value(previous[key], unit),
            change(totals[key], previous[key], unit),
        ]
        for name, key, unit in TEAM_ROWS
    ]
    out: list[Section] = [("Totals", [intro], rows)]
    breakdowns = document["breakdowns"]
    if breakdowns is None:
        out.append(("Breakdowns", [document["breakdowns_withheld"]], None))
    else:
        out += breakdown_sections(breakdowns)
    return out


def _footer(document: dict[str, Any]) -> list[str]:
    return [document["not_rolled_up"], FOOTER]


def team_markdown(document: dict[str, Any]) -> str:
    """For chat or email: headings, pipe tables and plain paragraphs."""
    lines = [f"# {title(document)}", ""]
    for heading, paragraphs, rows in sections(document):
        lines += [f"## {heading}", ""]
        if paragraphs:
            lines += [*paragraphs, ""]
        if rows:
            lines += [*markdown_table(rows), ""]
    lines += ["---", ""]
    lines += [line for paragraph in _footer(document) for line in (paragraph, "")]
    return "\n".join(lines)


def team_html(document: dict[str, Any]) -> str:
    """The team summary as simple HTML (the subset Qt's rich text lays out), for the PDF."""
    e = html.escape
    parts = [f"<h1>{e(title(document))}</h1>"]
    for heading, paragraphs, rows in sections(document):
        parts.append(f"<h2>{e(heading)}</h2>")
        parts += [f"<p>{e(p)}</p>" for p in paragraphs]
        if rows:
            parts.append(html_table(rows))
    privacy, made_with = _footer(document)
    parts.append(f"<hr><p>{e(privacy)}</p><p><small>{e(made_with)}</small></p>")
    return "\n".join(parts)
