"""Messages from the core that name the command line's options or commands, said instead with
the words of the window the user is looking at."""

from __future__ import annotations

import re

from wellbeing_app.core.errors import ValidationError, WellbeingError

# Most specific first: each pair is replaced in turn.
_REPLACED = (
    ("did not match --match", "did not contain the text asked for"),
    ("import it --as days-off or --as oncall", "import it as days off or on call"),
    ("--as oncall?", "on call?"),
    ("--from/--to", "From and To"),
    ("--match", "Only events containing"),
    ("--from", "From"),
    ("--to", "To"),
    ("--start", "From"),
)
_CLEAR_COMMAND = re.compile(r" \('schedule rota clear [^)]*\)")


def in_app_words(text: str) -> str:
    """``text`` without command-line options: the window's labels in their place."""
    for option, words in _REPLACED:
        text = text.replace(option, words)
    return _CLEAR_COMMAND.sub(" (clear that day first)", text)


def file_problem(exc: WellbeingError, name: str) -> str:
    """One line naming the file: ``nights.ics is not a calendar file: ...`` for the file as a
    whole, ``nights.csv: row 3, column "at": ...`` for a place in it."""
    if isinstance(exc, ValidationError) and exc.field == name:
        return in_app_words(f"{name} {exc.message}")
    return in_app_words(str(exc))
