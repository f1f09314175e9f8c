"""How many records of each kind, in the words of a person reading what is about to be exported
or deleted; the same in the command line and the app, in the language in use (``1,234 pings``,
``1 234 pingi``)."""

from __future__ import annotations

from collections.abc import Callable

from wellbeing_app.core.language import formats, ngettext

Counted = Callable[[int], str]

# What each table holds, as "{count} rows of it" in words.
KINDS: dict[str, Counted] = {
    "shift": lambda n: ngettext("{count} shift", "{count} shifts", n),
    "ping": lambda n: ngettext("{count} ping", "{count} pings", n),
    "captured_ping": lambda n: ngettext(
        "{count} counted notification", "{count} counted notifications", n
    ),
    "incident": lambda n: ngettext("{count} incident", "{count} incidents", n),
    "setting": lambda n: ngettext("{count} setting", "{count} settings", n),
    "schedule_version": lambda n: ngettext(
        "{count} weekly schedule", "{count} weekly schedules", n
    ),
    "schedule_window": lambda n: ngettext("{count} working window", "{count} working windows", n),
    "reflection": lambda n: ngettext("{count} reflection", "{count} reflections", n),
    "handoff_item": lambda n: ngettext("{count} hand-off item", "{count} hand-off items", n),
    "checkin": lambda n: ngettext("{count} check-in", "{count} check-ins", n),
    "import_batch": lambda n: ngettext("{count} calendar import", "{count} calendar imports", n),
    "rota_window": lambda n: ngettext("{count} rota window", "{count} rota windows", n),
    "day_off": lambda n: ngettext("{count} day off", "{count} days off", n),
    "on_call": lambda n: ngettext("{count} on-call period", "{count} on-call periods", n),
}

# The words ``plural`` knows in every language; any other stays English.
_WORDS: dict[str, Counted] = {
    "row": lambda n: ngettext("{count} row", "{count} rows", n),
    "table": lambda n: ngettext("{count} table", "{count} tables", n),
    "backup file": lambda n: ngettext("{count} backup file", "{count} backup files", n),
}


def held(count: int, table: str) -> str:
    """``1,234 pings``: ``count`` rows of ``table`` in words."""
    words = KINDS.get(table)
    if words is None:
        return ngettext("{count} {table} row", "{count} {table} rows", count).format(
            count=formats.number(count), table=table
        )
    return words(count).format(count=formats.number(count))


def rows_in_tables(counts: dict[str, int]) -> str:
    """``1,234 rows in 11 tables``: the tables that hold any."""
    tables = sum(1 for count in counts.values() if count)
    return ngettext("{rows} in {count} table", "{rows} in {count} tables", tables).format(
        rows=plural(sum(counts.values()), "row"), count=formats.number(tables)
    )


def plural(count: int, word: str) -> str:
    """``3 backup files``: ``count`` and ``word`` (one of ``row``, ``table``, ``backup file``)
    in the form the count takes."""
    words = _WORDS.get(word)
    if words is None:
        return f"{formats.number(count)} {word if count == 1 else word + 's'}"
    return words(count).format(count=formats.number(count))
