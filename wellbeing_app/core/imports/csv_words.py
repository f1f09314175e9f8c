"""How a CSV import is put in words, the same in the command line and the app: how many rows
were (or would be) added, and how many were skipped and why."""

from __future__ import annotations

from wellbeing_app.core.imports.csv_store import ALREADY_PRESENT, STILL_RUNNING, CsvImport


def counted(report: CsvImport) -> str:
    """``Would add 12 pings; 3 already present (skipped).`` (``Added`` once written)."""
    kind = report.kind
    count = len(report.added)
    noun = kind if count != 1 else kind.removesuffix("s")
    return f"{'Would add' if report.dry_run else 'Added'} {count} {noun}{skipped(report)}."


def default_zone(zone: str) -> str:
    """Said when a time without an offset, in a row naming no zone, was read in ``zone``."""
    return f"Times without an offset, in rows naming no zone, were read in {zone}."


def skipped(report: CsvImport) -> str:
    """``; 3 already present, 1 repeated in the file (skipped)``, or nothing."""
    reasons = [s.reason for s in report.skipped]
    present = reasons.count(ALREADY_PRESENT)
    running = reasons.count(STILL_RUNNING)
    repeated = len(reasons) - present - running
    parts = [
        f"{present} already present" if present else "",
        f"{repeated} repeated in the file" if repeated else "",
        f"{running} still running (no end)" if running else "",
    ]
    said = ", ".join(part for part in parts if part)
    return f"; {said} (skipped)" if said else ""
