"""The language people read: every user-visible string goes through ``_`` (or ``ngettext`` for
counts) from here, one mechanism for the core, the command line, the services and the UI, with
no Qt in it (stdlib gettext; Babel extracts the strings and formats dates and numbers).

The language comes from the environment as gettext reads it (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``), once, at the first string asked for; ``use_language`` sets it
(tests, the pseudo-locale). English is the source language: with no catalogue for the language
asked for, the strings stay English. ``LANGUAGE=pseudo`` stretches every string by 40% with
accented letters, to find clipped text.

Strings defined at import time (labels in tables) are marked with ``N_`` for extraction and
translated with ``_`` where they are shown.

HOW TO MARK STRINGS (the rules every module follows) are in docs/translating.md: read it before
marking a file.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "wellbeing"
PSEUDO = "pseudo"
_ENV = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_active: gettext.NullTranslations | None = None
_language = "en"


def locale_dir() -> Path:
    """Where the catalogues are: ``resources/locale/LANG/LC_MESSAGES/wellbeing.mo``."""
    import wellbeing_app.resources

    return Path(wellbeing_app.resources.__file__).parent / "locale"


def asked_languages() -> list[str]:
    """The languages the environment asks for, most wanted first (``pl_PL.UTF-8`` → ``pl``)."""
    for name in _ENV:
        value = os.environ.get(name, "")
        if value:
            wanted = []
            for part in value.split(":"):
                code = part.split(".")[0].split("@")[0]
                if code and code not in ("C", "POSIX"):
                    wanted.append(code)
            return wanted
    return []


def use_language(language: str | None = None) -> str:
    """Translate into ``language`` (``pl``, ``en``, ``pseudo``; None: as the environment asks).
    Returns the language in use (``en`` when there is no catalogue for the one asked for)."""
    global _active, _language
    wanted = [language] if language else asked_languages()
    if wanted and wanted[0] == PSEUDO:
        from wellbeing_app.core.language.pseudo import PseudoTranslations

        _active, _language = PseudoTranslations(), PSEUDO
        return _language
    for code in wanted:
        for candidate in (code, code.split("_")[0]):
            if candidate == "en" or candidate.startswith("en_"):
                _active, _language = gettext.NullTranslations(), "en"
                return _language
            path = locale_dir() / candidate / "LC_MESSAGES" / f"{DOMAIN}.mo"
            if path.is_file():
                with path.open("rb") as file:
                    _active, _language = gettext.GNUTranslations(file), candidate
                return _language
    _active, _language = gettext.NullTranslations(), "en"
    return _language


def current_language() -> str:
    if _active is None:
        use_language()
    return _language


def _(message: str) -> str:
    """``message`` in the language in use."""
    if _active is None:
        use_language()
    assert _active is not None
    return _active.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` for ``count`` in the language in use (Polish has
    three: 1 ping, 2-4 pingi, 5 pingów)."""
    if _active is None:
        use_language()
    assert _active is not None
    return _active.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks ``message`` for translation where it is defined; ``_`` translates it when shown."""
    return message
