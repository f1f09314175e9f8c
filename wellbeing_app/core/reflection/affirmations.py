"""The day's closing line: short affirmations around "you are not your brand".

They live in resources/affirmations.txt, one per line, so they can be translated or replaced;
the line rotates by date, so the same day always gets the same one.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import wellbeing_app.resources

AFFIRMATIONS = Path(wellbeing_app.resources.__file__).with_name("affirmations.txt")
FALLBACK = "You are not your brand."


@cache
def affirmations() -> tuple[str, ...]:
    """Every non-blank line of the file, read once; a missing file leaves just the fallback."""
    try:
        text = AFFIRMATIONS.read_text(encoding="utf-8")
    except OSError:
        return (FALLBACK,)
    return tuple(line.strip() for line in text.splitlines() if line.strip()) or (FALLBACK,)


def affirmation_for(day: date) -> str:
    lines = affirmations()
    return lines[day.toordinal() % len(lines)]
