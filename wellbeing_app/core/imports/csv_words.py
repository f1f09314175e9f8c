"""How a CSV import is put in words, the same in the command line and the app: how many rows
were (or would be) added, and how many were skipped and why."""

from __future__ import annotations

from wellbeing_app.core.imports.csv_store import (
    ALREADY_PRESENT,
    STILL_RUNNING,
    CsvImport,
    Skipped,
)
from wellbeing_app.core.language import _, ngettext


def counted(report: CsvImport) -> str:
    """``Would add 12 pings; 3 already present (skipped).`` (``Added`` once written)."""
    count = len(report.added)
    if report.kind == "pings" and report.dry_run:
        # TRANSLATORS: {skipped} is "; 3 already present (skipped)" or nothing.
        said = ngettext(
            "Would add {count} ping{skipped}.", "Would add {count} pings{skipped}.", count
        )
    elif report.kind == "pings":
        # TRANSLATORS: {skipped} is "; 3 already present (skipped)" or nothing.
        said = ngettext("Added {count} ping{skipped}.", "Added {count} pings{skipped}.", count)
    elif report.dry_run:
        # TRANSLATORS: {skipped} is "; 3 already present (skipped)" or nothing.
        said = ngettext(
            "Would add {count} shift{skipped}.", "Would add {count} shifts{skipped}.", count
        )
    else:
        # TRANSLATORS: {skipped} is "; 3 already present (skipped)" or nothing.
        said = ngettext("Added {count} shift{skipped}.", "Added {count} shifts{skipped}.", count)
    return said.format(count=count, skipped=skipped(report))


def default_zone(zone: str) -> str:
    """Said when a time without an offset, in a row naming no zone, was read in ``zone``."""
    return _("Times without an offset, in rows naming no zone, were read in {zone}.").format(
        zone=zone
    )


def skipped(report: CsvImport) -> str:
    """``; 3 already present, 1 repeated in the file (skipped)``, or nothing."""
    reasons = [s.why for s in report.skipped]
    present = reasons.count(ALREADY_PRESENT)
    running = reasons.count(STILL_RUNNING)
    repeated = len(reasons) - present - running
    parts = []
    # English says the same for any count; each language gives each plural form its own words.
    if present:
        part = ngettext("{count} already present", "{count} already present", present)
        parts.append(part.format(count=present))
    if repeated:
        part = ngettext("{count} repeated in the file", "{count} repeated in the file", repeated)
        parts.append(part.format(count=repeated))
    if running:
        part = ngettext("{count} still running (no end)", "{count} still running (no end)", running)
        parts.append(part.format(count=running))
    if not parts:
        return ""
    # TRANSLATORS: {rows} is e.g. "3 already present, 1 repeated in the file".
    return "; " + _("{rows} (skipped)").format(rows=", ".join(parts))


def reason(row: Skipped) -> str:
    """Why ``row`` was skipped, in the language in use: ``same as row 3``."""
    return _(row.why).format(row=row.same_as)
