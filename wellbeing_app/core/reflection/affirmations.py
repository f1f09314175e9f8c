"""The day's closing line: short affirmations around "you are not your brand", and the line
that names the day's incidents that followed a decision made against the user's advice.

They live in resources/affirmations.txt and resources/affirmations_against_advice.txt, one per
line (plain UTF-8), so they can be translated or replaced; a line rotates by date, so the same
day always gets the same one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

import wellbeing_app.resources
from wellbeing_app.core.records.incidents import IncidentRow
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.core.vocabulary import IncidentCategory, category_label

RESOURCES = Path(wellbeing_app.resources.__file__).parent
AFFIRMATIONS = RESOURCES / "affirmations.txt"
AGAINST_ADVICE = RESOURCES / "affirmations_against_advice.txt"
FALLBACK = "You are not your brand."
AGAINST_ADVICE_FALLBACK = "You said so, and it was not your call. The reaction is not on you."
NAMED = 3  # incidents named before "and N more"


@cache
def lines_of(path: Path, fallback: str) -> tuple[str, ...]:
    """Every non-blank line of the file, read once; a missing file leaves just the fallback."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return (fallback,)
    return tuple(line.strip() for line in text.splitlines() if line.strip()) or (fallback,)


def affirmations() -> tuple[str, ...]:
    return lines_of(AFFIRMATIONS, FALLBACK)


def affirmation_for(day: date) -> str:
    lines = affirmations()
    return lines[day.toordinal() % len(lines)]


def against_advice_affirmation_for(day: date) -> str:
    lines = lines_of(AGAINST_ADVICE, AGAINST_ADVICE_FALLBACK)
    return lines[day.toordinal() % len(lines)]


def against_advice_line(incidents: Sequence[IncidentRow], day: date, zone: str) -> str | None:
    """The day's incidents that followed a decision made against the user's advice, named by
    kind and local time, with a detaching line; None when there were none. E.g. ``The crisis
    at 21:30 followed a decision made against your advice. Warning about a storm does not make
    you its cause.``"""
    marked = [i for i in incidents if i.against_advice]
    if not marked:
        return None
    named = [f"the {_kind(i.category)} at {in_zone(i.at, zone):%H:%M}" for i in marked[:NAMED]]
    if len(marked) > NAMED:
        named.append(f"{len(marked) - NAMED} more")
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    decisions = "a decision" if len(marked) == 1 else "decisions"
    return (
        f"{listed[0].upper()}{listed[1:]} followed {decisions} made against your advice. "
        f"{against_advice_affirmation_for(day)}"
    )


def _kind(category: str) -> str:
    return "incident" if category == IncidentCategory.OTHER else category_label(category).lower()
