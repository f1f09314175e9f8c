"""A count with its noun in the right number, for the sentences of a summary: ``1 end-of-day
reflection``, ``2 end-of-day reflections``, ``1 day off``, ``3 days off``."""

from __future__ import annotations


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` and the noun; ``plural`` defaults to the singular plus "s"."""
    noun = singular if number == 1 else plural or f"{singular}s"
    return f"{number:,} {noun}"
