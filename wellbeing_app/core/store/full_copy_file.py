"""The file of a full copy: the document's shape and its JSON text, and reading one back with
every check made before anything of it is written (format, version, schema, tables, columns,
and each value's type, named by table, row and column).

The document: ``{"format": "wellbeing-app full copy", "version": 1, "schema": <revision>,
"exported_utc": ..., "tables": {table: [{column: value}, ...]}}``, with instants in ISO 8601
with their UTC offset, dates as ISO dates, flags as JSON booleans, and every row's id.
"""

from __future__ import annotations

import contextlib
import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import Boolean, Column, Date, DateTime, Integer, String, Table, TypeDecorator
from sqlmodel import SQLModel

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import N_, _, formats
from wellbeing_app.core.store import models  # noqa: F401  (the tables, into SQLModel.metadata)
from wellbeing_app.core.store.reading import json_depth, no_constants, read_text
from wellbeing_app.core.store.revisions import known_revisions

FORMAT = "wellbeing-app full copy"
VERSION = 1
# Ten years of the busy demo history (2,500 shifts, 63,000 pings, 4,400 incidents, 2,400
# reflections) make 11.6 MB, read back in 5 s with 170 MB of memory: 100 MB leaves room for
# decades, and for long notes, while a file read whole stays within a desktop's memory.
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_DEPTH = 4  # the document, its tables, a table's rows, a row
WHAT = N_("a full copy written by 'export-all'")
_LARGEST = 2**63 - 1  # SQLite's integers
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z", re.ASCII)
# DateTime before Date: a column's type decides how its values are read.
_KINDS = ((Boolean, bool), (DateTime, datetime), (Date, date), (Integer, int), (String, str))
_REVISION = re.compile(r"\d{4}\Z", re.ASCII)  # as the migrations' file names start


def data_tables() -> list[Table]:
    """Every table of the schema, parents before the tables that refer to them."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name != "alembic_version"]


def document(
    schema: str, exported: datetime, tables: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """A full copy of ``tables`` (rows as the columns hand them back) at ``schema``."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": schema,
        "exported_utc": exported.astimezone(UTC).isoformat(),
        "tables": {
            name: [{key: exported_value(value) for key, value in row.items()} for row in rows]
            for name, rows in tables.items()
        },
    }


def full_copy_text(copy: dict[str, Any]) -> str:
    """The document as JSON text, one row a line (easy to read, and to compare)."""
    head = {key: value for key, value in copy.items() if key != "tables"}
    lines = ["{", *(f"  {json.dumps(k)}: {_json(v)}," for k, v in head.items()), '  "tables": {']
    tables = list(copy["tables"].items())
    for n, (name, rows) in enumerate(tables):
        end = "," if n < len(tables) - 1 else ""
        if not rows:
            lines.append(f"    {json.dumps(name)}: []{end}")
            continue
        lines.append(f"    {json.dumps(name)}: [")
        lines.extend(
            f"      {_json(row)}{',' if i < len(rows) - 1 else ''}" for i, row in enumerate(rows)
        )
        lines.append(f"    ]{end}")
    lines.extend(["  }", "}", ""])
    return "\n".join(lines)


def exported_value(value: Any) -> Any:
    """A value as JSON holds it: instants in ISO 8601 with their offset, dates as ISO dates."""
    if isinstance(value, datetime):  # aware UTC, as the columns hand them back
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def load_full_copy(path: Path, name: str = "FILE") -> Any:
    """The JSON document in the file at ``path`` (a regular file, at most ``MAX_FILE_BYTES``,
    UTF-8, no NaN or Infinity, nested no deeper than a full copy); ValidationError naming
    ``name`` otherwise."""
    text = read_text(path, name, MAX_FILE_BYTES, _(WHAT))
    too_deep = _("nests deeper than a full copy does (at most {count} levels)").format(
        count=MAX_DEPTH
    )
    try:
        document = json.loads(text, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        _refuse(
            name,
            _("is not valid JSON ({error} at line {line}, column {column})").format(
                error=exc.msg, line=exc.lineno, column=exc.colno
            ),
        )
    except RecursionError:
        _refuse(name, too_deep)
    except ValueError as exc:  # NaN, Infinity, or a whole number of thousands of digits
        _refuse(name, _("holds a value no full copy has ({error})").format(error=str(exc)[:60]))
    if json_depth(document, MAX_DEPTH) > MAX_DEPTH:
        _refuse(name, too_deep)
    return document


def checked_rows(document: Any, name: str = "FILE") -> list[tuple[Table, list[dict[str, Any]]]]:
    """The rows of a full copy, each value of its column's type, tables in the order they can
    be written; ValidationError naming ``name`` for the first thing that is not right."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        _refuse(
            name,
            _('is not a full copy from \'export-all\' (no "format": "{format}")').format(
                format=FORMAT
            ),
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        _refuse(
            name,
            _("is a full copy of no version this app knows ({value})").format(
                value=_shown(version)
            ),
        )
    if version > VERSION:
        _refuse(
            name,
            _(
                "was written by a newer Wellbeing (full copy version {version}; this one reads "
                "version {known}); update Wellbeing to bring it in"
            ).format(version=version, known=VERSION),
        )
    schema, known = document.get("schema"), known_revisions()
    if not isinstance(schema, str):
        _refuse(name, _("does not say its schema revision ({value})").format(value=_shown(schema)))
    if schema not in known and _REVISION.match(schema) and schema > known[-1]:
        _refuse(
            name,
            _(
                "was written by a newer Wellbeing (schema {schema}; this one knows up to "
                "{known}); update Wellbeing to bring it in"
            ).format(schema=schema, known=known[-1]),
        )
    if schema not in known:
        _refuse(
            name,
            _("names a schema revision this app never had ({value})").format(value=_shown(schema)),
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        _refuse(name, _('has no "tables" object'))
    known_tables = {table.name: table for table in data_tables()}
    for table_name in tables:
        if table_name not in known_tables:
            _refuse(
                name,
                _("holds a table this version does not know ({value})").format(
                    value=_shown(table_name)
                ),
            )
    result = []
    for table in known_tables.values():
        raw_rows = tables.get(table.name, [])
        if not isinstance(raw_rows, list):
            _refuse(
                name, _("has a table {table} that is not a list of rows").format(table=table.name)
            )
        result.append(
            (table, [_checked_row(table, n, raw, name) for n, raw in enumerate(raw_rows, 1)])
        )
    return result


def _checked_row(table: Table, number: int, raw: Any, name: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        _refuse(
            name,
            _("has something other than a row (an object of columns) {where}").format(
                where=located(table, number)
            ),
        )
    unknown = sorted(set(raw) - set(table.columns.keys()))
    if unknown:
        _refuse(
            name,
            _("has a column this version does not know {where}: {value}").format(
                where=located(table, number), value=_shown(unknown[0])
            ),
        )
    row = {}
    for column in table.columns:
        if column.name in raw:
            value, problem = _value(column, raw[column.name])
        else:  # a copy from an older schema, before the column was added
            value, problem = _missing(column)
        if problem is not None:
            _refuse(
                name,
                _("has a value that does not fit {where}, column {column}: {problem}").format(
                    where=located(table, number), column=column.name, problem=problem
                ),
            )
        row[column.name] = value
    return row


def _value(column: Column[Any], value: Any) -> tuple[Any, str | None]:
    """The value to store for ``column`` and None, or what is wrong with it."""
    if value is None:
        return None, None if column.nullable else _("has no value (null), and needs one")
    kind = _kind(column)
    got = _shown(value)
    if kind is bool:
        if isinstance(value, bool):
            return value, None
        return None, _("expected true or false, not {value}").format(value=got)
    if kind is int:
        whole = isinstance(value, int) and not isinstance(value, bool)
        if whole and -_LARGEST - 1 <= value <= _LARGEST:
            return value, None
        return None, _("expected a whole number, not {value}").format(value=got)
    if kind is str:
        if not isinstance(value, str):
            return None, _("expected text, not {value}").format(value=got)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return None, _("is not valid text (it holds a lone surrogate)")
        return value, None
    if kind is datetime:
        return _instant(value, got)
    if kind is date:
        if isinstance(value, str) and _ISO_DATE.match(value):
            with contextlib.suppress(ValueError):
                return date.fromisoformat(value), None
        return None, _("expected a date (2026-11-15), not {value}").format(value=got)
    return None, _("is of a kind this version cannot bring in ({kind})").format(kind=kind.__name__)


def _kind(column: Column[Any]) -> type:
    """The Python type of a column's values (a decorated type by the type it decorates)."""
    sql_type: Any = column.type
    if isinstance(sql_type, TypeDecorator):
        sql_type = sql_type.impl_instance
    for kind, python_type in _KINDS:
        if isinstance(sql_type, kind):
            return python_type
    return object


def _instant(value: Any, got: str) -> tuple[Any, str | None]:
    expected = _(
        "expected a date and time with its UTC offset (2026-11-15T12:00:00+00:00), not {value}"
    ).format(value=got)
    if not isinstance(value, str):
        return None, expected
    try:
        instant = datetime.fromisoformat(value)
        if instant.utcoffset() is None:
            return None, expected
        return instant.astimezone(UTC), None
    except (ValueError, OverflowError):
        return None, expected


def _missing(column: Column[Any]) -> tuple[Any, str | None]:
    default = column.default
    if default is not None and default.is_scalar:
        return getattr(default, "arg", None), None
    if column.nullable:
        return None, None
    return None, _("is missing, and has no default")


def located(table: Table, number: int) -> str:
    """Where a row is in the file: its table, and its place there counted from 1."""
    return _("in table {table}, row {number}").format(
        table=table.name, number=formats.number(number)
    )


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else f"{text[:37]}..."


def _refuse(name: str, problem: str) -> NoReturn:
    raise ValidationError(name, problem)
