"""A team summary document (see ``team.merge``) as the files a team lead hands on: JSON,
Markdown for chat or email, and the HTML that the PDF is laid out from.

Everything is rendered from the team document alone, so no format carries more than it does:
no member's note or well-being figures, and breakdowns only when the group was large enough.
"""

from __future__ import annotations

from wellbeing_app.core.language import N_, _, formats
from wellbeing_app.core.reports import layout
from wellbeing_app.core.reports.counts import counted
from wellbeing_app.core.reports.document import TeamSummary
from wellbeing_app.core.reports.formats import (
    Comparison,
    breakdown_sections,
    dates,
    to_json,
)
from wellbeing_app.core.reports.layout import Page, Section
from wellbeing_app.core.reports.team_advice import sentence as advice_sentence
from wellbeing_app.core.workload import figures

HEADING = N_("Team workload summary")
FOOTER = N_("Aggregates merged from each member's own summary, made with the Wellbeing app.")
NO_EARLIER_DATA = N_(
    "At least one member's summary holds no earlier data (the previous period lies before their "
    "first record), so no change is stated."
)
NO_HOURS_THEN = N_(
    "At least one member had no working hours set all through the previous period, so "
    "after-hours figures are not compared."
)


def render_text(document: TeamSummary, fmt: str) -> str:
    """``fmt`` is ``json`` or ``md``."""
    return to_json(document) if fmt == "json" else team_markdown(document)


def title(document: TeamSummary) -> str:
    return f"{_(HEADING)}: {dates(document['period'])}"


def page(document: TeamSummary) -> Page:
    """The team summary as a page of sections, headed by its title (the HTML too)."""
    footer = [document["not_rolled_up"], _(FOOTER)]
    return Page(title(document), "", sections(document), footer)


def sections(document: TeamSummary) -> list[Section]:
    """The team summary's sections, shared by Markdown and HTML."""
    members, days = document["members"], document["period"]["days"]
    # TRANSLATORS: {people} and {days} are counts with their nouns: "5 people, 28 days".
    intro = _(
        "{people}, {days}, compared with the previous period ({dates}). Per person: the team "
        "total divided by {members}."
    ).format(
        people=counted(members, "person", "people"),
        days=counted(days, "day"),
        dates=dates(document["previous_period"]),
        members=formats.number(members),
    )
    against = Comparison(
        previous_has_data=document["previous_has_data"],
        previous_judged=document["previous_working_hours_set"],
    )
    if not against.previous_has_data:
        intro += f" {_(NO_EARLIER_DATA)}"
    elif not against.previous_judged:
        intro += f" {_(NO_HOURS_THEN)}"
    totals, averages, previous = document["totals"], document["averages"], document["previous"]
    rows = [["", _("Team total"), _("Per person"), _("Previous period"), _("Change")]]
    rows += [
        [
            _(figure.label),
            figure.text(totals[figure.key]),
            figure.unit.with_unit(formats.number(averages[figure.key], 2)),
            figure.text(previous[figure.key]),
            against.cell(figure, totals[figure.key], previous[figure.key]),
        ]
        for figure in figures.ROWS
        if not figure.opt_in  # summed from those who included it: said in a sentence
    ]
    advice = advice_sentence(document)
    out = [Section(_("Totals"), [intro, *([advice] if advice else [])], table=rows)]
    breakdowns = document["breakdowns"]
    if breakdowns is None:
        out.append(Section(_("Breakdowns"), [document["breakdowns_withheld"] or ""]))
    else:
        out += breakdown_sections(breakdowns)
    return out


def team_markdown(document: TeamSummary) -> str:
    """For chat or email: headings, pipe tables and plain paragraphs."""
    return layout.render_markdown(page(document))


def team_html(document: TeamSummary) -> str:
    """The team summary as simple HTML (the subset Qt's rich text lays out), for the PDF."""
    return layout.render_html(page(document))
