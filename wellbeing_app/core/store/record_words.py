"""How many records of each kind, in the words of a person reading what is about to be exported
or deleted; the same in the command line and the app."""

from __future__ import annotations

# What each table holds: one, many.
KINDS = {
    "shift": ("shift", "shifts"),
    "ping": ("ping", "pings"),
    "captured_ping": ("counted notification", "counted notifications"),
    "incident": ("incident", "incidents"),
    "setting": ("setting", "settings"),
    "schedule_version": ("weekly schedule", "weekly schedules"),
    "schedule_window": ("working window", "working windows"),
    "reflection": ("reflection", "reflections"),
    "handoff_item": ("hand-off item", "hand-off items"),
    "checkin": ("check-in", "check-ins"),
    "import_batch": ("calendar import", "calendar imports"),
    "rota_window": ("rota window", "rota windows"),
    "day_off": ("day off", "days off"),
    "on_call": ("on-call period", "on-call periods"),
}


def held(count: int, table: str) -> str:
    """``1,234 pings``: ``count`` rows of ``table`` in words."""
    one, many = KINDS.get(table, (f"{table} row", f"{table} rows"))
    return f"{count:,} {one if count == 1 else many}"


def rows_in_tables(counts: dict[str, int]) -> str:
    """``1,234 rows in 11 tables``: the tables that hold any."""
    tables = sum(1 for count in counts.values() if count)
    return f"{plural(sum(counts.values()), 'row')} in {plural(tables, 'table')}"


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"
