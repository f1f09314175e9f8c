"""Reading pings or shifts from a CSV file into checked rows, before anything is stored.

The columns are those of ``list pings --json`` and ``list shifts --json``, so a listing saved as
CSV comes back in. Every value passes the rules of logging by hand (``records``): a known
source or an app name, minutes from 0 to a day, no time in the future or before 1970, a shift's
end after its start, a note of at most 2,000 characters. A time without an offset is wall-clock
time in the row's ``zone``, or in the user's zone when the row names none (a time the clocks
repeat means its first occurrence, as when typed; one they skip is refused).

Problems are ValidationErrors in one line. The file itself (unreadable, not UTF-8, empty, too
large, not CSV) is named as given: ``field`` is the name. A row's problem names the row as a
spreadsheet numbers it (the header is row 1) and the column: ``field`` is
``pings.csv: row 14, column "at"``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _, formats, ngettext
from wellbeing_app.core.records.fields import check_minutes, check_not_future, clean_text
from wellbeing_app.core.records.rules import MAX_NOTE, check_source
from wellbeing_app.core.store.reading import read_text
from wellbeing_app.core.time.clock import is_zone
from wellbeing_app.core.time.local_time import check_in_range, out_of_range, resolve_local

MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_ROWS = 250_000  # ten years of pings from the demo history is about 62,000
# The columns read, the ones a row cannot do without, and those a listing adds that are
# worked out again (or given anew) on import, so they are accepted and their values ignored.
COLUMNS = {
    "pings": ("at", "source", "minutes", "note", "zone"),
    "shifts": ("start", "end", "note", "zone"),
}
REQUIRED = {"pings": ("at", "source"), "shifts": ("start", "end")}
IGNORED = {
    "pings": ("id", "after_hours", "on_call", "judged", "origin"),
    "shifts": ("id", "hours", "origin"),
}
_MINUTES = re.compile(r"[0-9]{1,6}")


@dataclass(frozen=True)
class PingDraft:
    """A ping as a CSV row gives it, checked; ``row`` is its row number in the file."""

    row: int
    at: datetime  # UTC
    zone: str
    source: str
    minutes: int
    note: str | None


@dataclass(frozen=True)
class ShiftDraft:
    """A shift as a CSV row gives it, checked; ``end`` None: a row of a shift still running."""

    row: int
    start: datetime  # UTC
    end: datetime | None
    zone: str
    note: str | None


@dataclass
class CsvRows:
    """The checked rows of a file (pings or shifts), and whether a time without an offset was
    read in the user's zone."""

    kind: str
    pings: list[PingDraft] = field(default_factory=list)
    shifts: list[ShiftDraft] = field(default_factory=list)
    used_default_zone: bool = False


def read_csv(path: Path, name: str, kind: str, now: datetime, zone: str) -> CsvRows:
    """Every row of the CSV file at ``path`` (``name``: as the user gave it), checked at ``now``;
    ``zone`` is the user's, for times without an offset and rows without a zone."""
    if "\x00" in str(path):  # no file has such a name, and os.open would raise ValueError
        raise ValidationError(name, _("cannot be read (a file name holds no NUL character)"))
    what = _("a CSV file of pings") if kind == "pings" else _("a CSV file of shifts")
    text = read_text(path, name, MAX_CSV_BYTES, what)
    if "\x00" in text:
        raise ValidationError(name, _("holds NUL bytes, so it is not a CSV text file"))
    if not text.strip():
        raise ValidationError(
            name,
            _("is empty; the first row must name the columns ({columns})").format(
                columns=_names(kind)
            ),
        )
    records = _records(text, name)
    header = _header(next(records), name, kind)
    reader = _RowReader(name, kind, header, now, zone)
    problems: list[ValidationError] = []
    rows = CsvRows(kind)
    for number, record in enumerate(records, start=2):
        if not any(value.strip() for value in record):
            continue  # a blank row, as spreadsheets leave at the end
        if number - 1 > MAX_ROWS:
            raise ValidationError(
                name,
                ngettext(
                    "has more than {count} row; split it into smaller files",
                    "has more than {count} rows; split it into smaller files",
                    MAX_ROWS,
                ).format(count=formats.number(MAX_ROWS)),
            )
        try:
            draft = reader.draft(number, record)
        except ValidationError as exc:
            problems.append(exc)
            continue
        if isinstance(draft, PingDraft):
            rows.pings.append(draft)
        else:
            rows.shifts.append(draft)
    refuse_first(problems)
    rows.used_default_zone = reader.used_default_zone
    return rows


def refuse_first(problems: list[ValidationError]) -> None:
    """Raise the first problem (of the earliest row), saying how many more there are."""
    if problems:
        first, more = problems[0], len(problems) - 1
        also = ngettext(
            "(and {count} more problem in later rows)",
            "(and {count} more problems in later rows)",
            more,
        ).format(count=more)
        raise ValidationError(first.field, first.message + (" " + also if more else ""))


def where(name: str, row: int, column: str | None = None) -> str:
    """``pings.csv: row 14`` or ``pings.csv: row 14, column "at"``: a place in the file."""
    if column is None:
        return _("{file}: row {row}").format(file=name, row=row)
    return _('{file}: row {row}, column "{column}"').format(file=name, row=row, column=column)


def _names(kind: str) -> str:
    return ", ".join(COLUMNS[kind])


def _records(text: str, name: str) -> Iterator[list[str]]:
    """The file's records, row 1 first; a blank line is an empty record, as a spreadsheet
    shows an empty row. Commas, or semicolons or tabs when the first row holds more of them
    (spreadsheets in many languages write semicolons)."""
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0
    while True:
        number += 1
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                limit = csv.field_size_limit()
                problem = ngettext(
                    "holds a value longer than {count} character",
                    "holds a value longer than {count} characters",
                    limit,
                ).format(count=formats.number(limit))
            else:
                # TRANSLATORS: {error} is Python's csv module's own words, in English.
                problem = _("cannot be read as CSV ({error})").format(error=exc)
            raise ValidationError(where(name, number), problem) from None


def _header(record: list[str], name: str, kind: str) -> list[str | None]:
    """The column names of row 1, lowercase; None for a column without one."""
    first_row = where(name, 1)
    names = [cell.strip().lower() or None for cell in record]
    known = set(COLUMNS[kind]) | set(IGNORED[kind])
    if not known.intersection(n for n in names if n):
        raise ValidationError(
            first_row,
            _("does not name the columns; the first row must hold {columns}").format(
                columns=_names(kind)
            ),
        )
    unknown = [n for n in names if n and n not in known]
    if unknown:
        raise ValidationError(first_row, _unknown_columns(kind, unknown))
    for column in names:
        if column and names.count(column) > 1:
            raise ValidationError(
                first_row, _('names the column "{column}" twice').format(column=column)
            )
    missing = [repr(c) for c in REQUIRED[kind] if c not in names]
    if len(missing) == 1:
        raise ValidationError(first_row, _("has no {column} column").format(column=missing[0]))
    if missing:
        raise ValidationError(
            first_row,
            _("has no {first} and no {second} column").format(first=missing[0], second=missing[-1]),
        )
    return names


def _unknown_columns(kind: str, unknown: list[str]) -> str:
    listed = ", ".join(f'"{n}"' for n in unknown)
    if kind == "pings":
        said = ngettext(
            "an unknown column {listed}; the columns of pings are {columns} ({ignored} are "
            "accepted and ignored)",
            "unknown columns {listed}; the columns of pings are {columns} ({ignored} are "
            "accepted and ignored)",
            len(unknown),
        )
    else:
        said = ngettext(
            "an unknown column {listed}; the columns of shifts are {columns} ({ignored} are "
            "accepted and ignored)",
            "unknown columns {listed}; the columns of shifts are {columns} ({ignored} are "
            "accepted and ignored)",
            len(unknown),
        )
    return said.format(listed=listed, columns=_names(kind), ignored=", ".join(IGNORED[kind]))


class _RowReader:
    """Turns one record into a checked draft, naming the row and column of a problem."""

    def __init__(
        self, name: str, kind: str, header: list[str | None], now: datetime, zone: str
    ) -> None:
        self.name, self.kind, self.header = name, kind, header
        self.now, self.zone = now, zone
        self.used_default_zone = False

    def draft(self, number: int, record: list[str]) -> PingDraft | ShiftDraft:
        if len(record) != len(self.header):
            # TRANSLATORS: English says "values" for any count; {columns} is 2 or more.
            said = ngettext(
                "has {count} values but row 1 names {columns} columns",
                "has {count} values but row 1 names {columns} columns",
                len(record),
            )
            raise ValidationError(
                where(self.name, number),
                said.format(count=len(record), columns=len(self.header)),
            )
        values: dict[str, str] = {}
        for index, (column, value) in enumerate(zip(self.header, record, strict=True), start=1):
            if column is not None:
                values[column] = value
            elif value.strip():
                raise ValidationError(
                    _("{file}: row {row}, column {number}").format(
                        file=self.name, row=number, number=index
                    ),
                    _("holds {value} but row 1 gives the column no name").format(
                        value=repr(value.strip()[:40])
                    ),
                )
        try:
            return self._checked(number, values)
        except ValidationError as exc:
            raise ValidationError(where(self.name, number, exc.field), exc.message) from None

    def _checked(self, number: int, values: dict[str, str]) -> PingDraft | ShiftDraft:
        zone = values.get("zone", "").strip()
        if zone and not is_zone(zone):
            raise ValidationError(
                "zone",
                _("{zone} is not a time zone (e.g. Europe/Berlin)").format(zone=repr(zone[:60])),
            )
        note = clean_text(values.get("note"), "note", MAX_NOTE)
        if self.kind == "pings":
            at = self._time(values["at"], zone, "at")
            source = values["source"]
            if not source.strip():
                raise ValidationError("source", _("is empty; every ping needs its source"))
            minutes = self._minutes(values.get("minutes", ""))
            return PingDraft(number, at, zone or self.zone, check_source(source), minutes, note)
        start = self._time(values["start"], zone, "start")
        end = None
        if values["end"].strip():  # empty: a shift still running when it was listed
            end = self._time(values["end"], zone, "end")
            if end <= start:
                raise ValidationError("end", _("must come after the start"))
        return ShiftDraft(number, start, end, zone or self.zone, note)

    def _time(self, text: str, zone: str, column: str) -> datetime:
        raw = text.strip()
        if not raw:
            raise ValidationError(column, _("is empty; give a date and time like 2026-03-10T21:30"))
        shown = repr(raw[:60])
        try:
            parsed = datetime.fromisoformat(raw) if ("T" in raw or " " in raw) else None
        except ValueError:
            parsed = None
        if parsed is None:
            raise ValidationError(
                column,
                _(
                    "{value} is not a date and time in ISO 8601 form "
                    "(like 2026-03-10T21:30 or 2026-03-10T21:30:00+01:00)"
                ).format(value=shown),
            )
        try:
            if parsed.tzinfo is None:
                self.used_default_zone = self.used_default_zone or not zone
                parsed = resolve_local(parsed, zone or self.zone, column)
            instant = check_in_range(parsed, self.now, column)
        except OverflowError:  # e.g. 0001-01-01T00:00+14:00 has no UTC form
            raise ValidationError(column, out_of_range(shown)) from None
        return check_not_future(instant.astimezone(UTC), self.now, column)

    @staticmethod
    def _minutes(text: str) -> int:
        raw = text.strip()
        if not raw:
            return 0
        if not _MINUTES.fullmatch(raw):
            raise ValidationError(
                "minutes",
                _("must be a whole number of minutes, got {value}").format(value=repr(raw[:40])),
            )
        return check_minutes(int(raw))
