"""A summary as a page of sections, and the one Markdown and one HTML renderer that every summary
(a member's or a team's) is written with; the HTML is the subset Qt's rich text lays out."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple


class Image(NamedTuple):
    """A picture (a chart) by the name its PNG is looked up with, and its caption."""

    name: str
    caption: str


@dataclass(frozen=True)
class Section:
    """A part of a summary under one heading: paragraphs, a bulleted list, a table (the first
    row its header), then images; any of them may be empty."""

    heading: str
    paragraphs: Sequence[str] = ()
    items: Sequence[str] = ()
    table: Sequence[Sequence[str]] = ()
    quoted: bool = False  # the paragraphs are the user's own words: a quote in Markdown
    images: Sequence[Image] = ()  # HTML only: Markdown carries no pictures


@dataclass(frozen=True)
class Page:
    """A whole summary. Markdown heads it ``heading: subtitle``; HTML puts the subtitle in bold
    under the heading. The footer's paragraphs follow a rule, the last in small print."""

    heading: str
    subtitle: str
    sections: Sequence[Section]
    footer: Sequence[str]

    @property
    def title(self) -> str:
        return f"{self.heading}: {self.subtitle}" if self.subtitle else self.heading


def render_markdown(page: Page) -> str:
    """For chat or email: headings, lists, quotes, pipe tables and plain paragraphs."""
    lines = [f"# {page.title}", ""]
    for section in page.sections:
        lines += [f"## {section.heading}", ""]
        said = [_quote(p) if section.quoted else p for p in section.paragraphs]
        said += [f"- {item}" for item in section.items]
        if said:
            lines += [*said, ""]
        if section.table:
            lines += [*markdown_table(section.table), ""]
    lines += ["---", ""]
    lines += [line for paragraph in page.footer for line in (paragraph, "")]
    return "\n".join(lines)


def render_html(page: Page) -> str:
    """Simple HTML that Qt's rich text lays out (for the PDF and the preview)."""
    e = html.escape
    subtitle = f"<p><b>{e(page.subtitle)}</b></p>" if page.subtitle else ""
    parts = [f"<h1>{e(page.heading)}</h1>{subtitle}"]
    for section in page.sections:
        parts.append(f"<h2>{e(section.heading)}</h2>")
        parts += [f"<p>{e(p)}</p>".replace("\n", "<br>") for p in section.paragraphs]
        if section.items:
            parts.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in section.items) + "</ul>")
        if section.table:
            parts.append(html_table(section.table))
        parts += [f'<p><img src="{e(i.name)}" alt="{e(i.caption)}"></p>' for i in section.images]
    *body, small = page.footer
    parts.append(
        "<hr>" + "".join(f"<p>{e(p)}</p>" for p in body) + f"<p><small>{e(small)}</small></p>"
    )
    return "\n".join(parts)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def markdown_table(rows: Sequence[Sequence[str]]) -> list[str]:
    """A pipe table: the first column left, the figures right-aligned."""
    head = "| " + " | ".join(_cell(c) for c in rows[0]) + " |"
    rule = "|" + "|".join(["---"] + ["---:"] * (len(rows[0]) - 1)) + "|"
    return [head, rule, *("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows[1:])]


def _cell(text: str) -> str:
    """A table cell: a name from someone's file must not break the table."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def html_table(rows: Sequence[Sequence[str]]) -> str:
    """The first row as the table's head, which a printed table repeats on each new page."""
    e = html.escape
    head = "".join(f"<th>{e(c)}</th>" for c in rows[0])
    body = "".join(
        f'<tr><td align="left">{e(row[0])}</td>'
        + "".join(f'<td align="right">{e(c)}</td>' for c in row[1:])
        + "</tr>"
        for row in rows[1:]
    )
    return (
        f'<table border="1" cellspacing="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead>{body}</table>"
    )
