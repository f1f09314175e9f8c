"""A pseudo-locale for finding clipped text: every string comes back 40% longer, its letters
accented, with placeholders (``{name}``, ``%s``, ``%(name)s``), mnemonics (``&S``), markup
(``<b>``, ``&amp;``) and line breaks left as they are, so the app still works in it."""

from __future__ import annotations

import gettext
import math
import re

STRETCH = 0.4
_ACCENTED = str.maketrans("AEIOUYaeiouycnszCNSZ", "ÂÉÎÕÜÝâéîõüýçñšžÇÑŠŽ")
# Left exactly as they are: {placeholders}, %-formats, tags, entities, mnemonics, escapes.
_KEEP = re.compile(r"\{[^{}]*\}|%(\([^)]*\))?[-#0 +]*\d*(\.\d+)?[sdifr%]|<[^>]*>|&\w+;|&&|&.")


def pseudo(message: str) -> str:
    """``Save`` → ``[Šâvé··]``: accented, padded to 140% (at least one extra character)."""
    if not message.strip():
        return message
    parts, last = [], 0
    for match in _KEEP.finditer(message):
        parts.append(message[last : match.start()].translate(_ACCENTED))
        parts.append(match.group(0))
        last = match.end()
    parts.append(message[last:].translate(_ACCENTED))
    padding = "·" * max(1, math.ceil(len(message) * STRETCH) - 2)
    return "[" + "".join(parts) + padding + "]"


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
