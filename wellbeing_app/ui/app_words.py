"""Messages from the core that name the command line's options or commands, said instead with
the words of the window the user is looking at, in any language: each of the core's words that
names an option is looked for as the language in use says it, and replaced by the app's words
for it, in that language too."""

from __future__ import annotations

import re
from collections.abc import Callable

from wellbeing_app.core.errors import ValidationError, WellbeingError
from wellbeing_app.core.imports.calendar_batches import ALL_DAY_AS_ROTA, LONGER_THAN_A_DAY
from wellbeing_app.core.imports.calendar_file import SKIP_NO_MATCH
from wellbeing_app.core.imports.calendar_limits import NARROW_RANGE, NARROW_TO_LEAVE_OUT
from wellbeing_app.core.language import N_, _

# The core's words, as it marks them, and the window's. A {placeholder} stands for whatever the
# core put there, and is put back in the window's words. Most specific first.
REWORDED = (
    (SKIP_NO_MATCH, N_("did not contain the text asked for")),
    (ALL_DAY_AS_ROTA, N_("all-day event (no working hours; import it as days off or on call)")),
    (LONGER_THAN_A_DAY, N_("longer than 24 hours (a rota window is one shift; on call?)")),
    (NARROW_TO_LEAVE_OUT, N_("narrow From and To or use Only events containing to leave it out")),
    (NARROW_RANGE, N_("narrow From and To or use Only events containing")),
    # core/schedule/book.py, check_window
    (
        N_("must differ from --start (a window needs some length)"),
        N_("must differ from From (a window needs some length)"),
    ),
    # core/schedule/rota.py, a rota window that overlaps another
    (
        N_(
            "overlaps the rota window of {day} "
            "('schedule rota clear {day}' removes that day's windows)"
        ),
        N_("overlaps the rota window of {day} (clear that day first)"),
    ),
)
# Options the core names as the field in trouble, by the window's labels.
FIELDS = {"--from": N_("From"), "--to": N_("To"), "--match": N_("Only events containing")}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def in_app_words(text: str) -> str:
    """``text`` (a message of the core) without command-line options: the window's labels in
    their place."""
    for core, app in REWORDED:
        text = pattern(_(core)).sub(_filled(_(app)), text)
    return text


def _filled(words: str) -> Callable[[re.Match[str]], str]:
    """``words`` with the placeholders as a match of ``pattern`` found them."""
    return lambda found: words.format(**found.groupdict())


def pattern(template: str) -> re.Pattern[str]:
    """What ``template`` looks like once its placeholders are filled: each stands for some
    text (the same text where it comes again; all of the rest at the very end)."""
    parts, named, last = [], set(), 0
    for found in _PLACEHOLDER.finditer(template):
        name = found.group(1)
        parts.append(re.escape(template[last : found.start()]))
        if name in named:
            parts.append(f"(?P={name})")
        else:
            parts.append(f"(?P<{name}>.+)" if found.end() == len(template) else f"(?P<{name}>.+?)")
            named.add(name)
        last = found.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts))


def app_error(exc: WellbeingError, name: str = "") -> str:
    """One line in the window's words: ``nights.ics is not a calendar file: ...`` for the file
    called ``name`` as a whole, ``nights.csv: row 3, column "at": ...`` for a place in it,
    ``To: ...`` for an option."""
    if not isinstance(exc, ValidationError):
        return in_app_words(str(exc))
    message = in_app_words(exc.message)
    if name and exc.field == name:
        return _("{file} {problem}").format(file=name, problem=message)
    field = _(FIELDS[exc.field]) if exc.field in FIELDS else exc.field
    return _("{field}: {message}").format(field=field, message=message)


def skip_reason(why: str) -> str:
    """Why events were left out (an English key of the core's ``skipped``), in the window's
    words and the language in use."""
    return in_app_words(_(why))
