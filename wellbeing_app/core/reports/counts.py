"""A count with its noun in the right number, for the sentences of a summary: ``1 end-of-day
reflection``, ``2 end-of-day reflections``, ``1 person``, ``3 people``, in the language in
use (Polish has three forms: ``1 dzień``, ``2 dni``, ``5 dni``).

Only for a count that stands on its own (in a list, before a comma): a count inside a sentence
goes in that sentence's own ``ngettext``, so a translation can give it the case it needs."""

from __future__ import annotations

from collections.abc import Callable

from wellbeing_app.core.language import formats, ngettext

Counted = Callable[[int], str]

# The nouns ``counted`` knows in every language, by their English singular.
NOUNS: dict[str, Counted] = {
    "day": lambda n: ngettext("{count} day", "{count} days", n),
    "person": lambda n: ngettext("{count} person", "{count} people", n),
    "end-of-day reflection": lambda n: ngettext(
        "{count} end-of-day reflection", "{count} end-of-day reflections", n
    ),
}


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` and the noun (one of ``NOUNS``, translated); another noun stays English, its
    ``plural`` defaulting to the singular plus "s"."""
    words = NOUNS.get(singular)
    if words is not None:
        return words(number).format(count=formats.number(number))
    noun = singular if number == 1 else plural or f"{singular}s"
    return f"{formats.number(number)} {noun}"
