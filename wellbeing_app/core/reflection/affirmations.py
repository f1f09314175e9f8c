"""The day's closing line: short affirmations around "you are not your brand", and the line
that names the day's incidents that followed a decision made against the user's advice.

They live in resources/affirmations.txt and resources/affirmations_against_advice.txt, one per
line (plain UTF-8), so they can be translated or replaced; a line rotates by date, so the same
day always gets the same one. A language has its own in resources/locale/LANG/ (the same file
names); a language without them reads the English ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

import wellbeing_app.resources
from wellbeing_app.core.language import N_, _, current_language, locale_dir, ngettext
from wellbeing_app.core.records.incidents import IncidentRow
from wellbeing_app.core.time.local_time import in_zone
from wellbeing_app.core.vocabulary import IncidentCategory, category_label

RESOURCES = Path(wellbeing_app.resources.__file__).parent
AFFIRMATIONS = RESOURCES / "affirmations.txt"
AGAINST_ADVICE = RESOURCES / "affirmations_against_advice.txt"
FALLBACK = N_("You are not your brand.")
AGAINST_ADVICE_FALLBACK = N_("You said so, and it was not your call. The reaction is not on you.")
NAMED = 3  # incidents named before "and N more"


@cache
def lines_of(path: Path, fallback: str) -> tuple[str, ...]:
    """Every non-blank line of the file, read once; a missing file leaves just the fallback."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return (fallback,)
    return tuple(line.strip() for line in text.splitlines() if line.strip()) or (fallback,)


def in_language(english: Path) -> Path:
    """The file of the language in use (``resources/locale/pl/affirmations.txt``) when there is
    one, else ``english``."""
    translated = locale_dir() / current_language() / english.name
    return translated if translated.is_file() else english


def affirmations() -> tuple[str, ...]:
    return lines_of(in_language(AFFIRMATIONS), _(FALLBACK))


def affirmation_for(day: date) -> str:
    lines = affirmations()
    return lines[day.toordinal() % len(lines)]


def against_advice_affirmation_for(day: date) -> str:
    lines = lines_of(in_language(AGAINST_ADVICE), _(AGAINST_ADVICE_FALLBACK))
    return lines[day.toordinal() % len(lines)]


def against_advice_line(incidents: Sequence[IncidentRow], day: date, zone: str) -> str | None:
    """The day's incidents that followed a decision made against the user's advice, named by
    kind and local time, with a detaching line; None when there were none. E.g. ``The crisis
    at 21:30 followed a decision made against your advice. Warning about a storm does not make
    you its cause.``"""
    marked = [i for i in incidents if i.against_advice]
    if not marked:
        return None
    named = [_named(i, zone) for i in marked[:NAMED]]
    if len(marked) > NAMED:
        more = len(marked) - NAMED
        named.append(ngettext("{count} more", "{count} more", more).format(count=more))
    listed = named[0]
    if len(named) > 1:
        # TRANSLATORS: the last of the incidents named: "the crisis at 21:30, the threats at
        # 22:10 and 2 more"; {items} are the ones before it, separated by commas.
        listed = _("{items} and {last}").format(items=", ".join(named[:-1]), last=named[-1])
    # TRANSLATORS: {incidents} names them: "the crisis at 21:30 and the incident at 22:00".
    sentence = ngettext(
        "{incidents} followed a decision made against your advice.",
        "{incidents} followed decisions made against your advice.",
        len(marked),
    ).format(incidents=listed)
    return f"{sentence[0].upper()}{sentence[1:]} {against_advice_affirmation_for(day)}"


def _named(incident: IncidentRow, zone: str) -> str:
    """``the crisis at 21:30``."""
    time = f"{in_zone(incident.at, zone):%H:%M}"
    if incident.category == IncidentCategory.OTHER:
        return _("the incident at {time}").format(time=time)
    # TRANSLATORS: {kind} is an incident's category in lower case ("crisis", "threats").
    return _("the {kind} at {time}").format(
        kind=category_label(incident.category).lower(), time=time
    )
