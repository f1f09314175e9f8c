"""Reading a member's summary file with care, as input from elsewhere: only a regular file (a
pipe, a device or a folder is refused before anything is read), at most ``MAX_FILE_BYTES``,
UTF-8 JSON without NaN or Infinity, nested no deeper than a summary is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NoReturn

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.store.reading import json_depth, no_constants, read_bytes

MAX_FILE_BYTES = 4 * 1024 * 1024  # ten years of weeks make about 175 KB
MAX_DEPTH = 6  # a member's summary nests 4 deep (document, weeks, a week, its figures)


def load_member_file(path: Path, name: str) -> Any:
    """The JSON document in the file at ``path``; ValidationError naming it as ``name``."""
    data = _read_regular(path, name)
    try:
        document = json.loads(data.decode("utf-8"), parse_constant=no_constants)
    except UnicodeDecodeError:
        _refuse(name, _("is not UTF-8 text; expected a summary in JSON"))
    except json.JSONDecodeError as exc:
        # TRANSLATORS: {problem} is the JSON parser's own words, in English.
        said = _("is not valid JSON ({problem} at line {line}, column {column})")
        _refuse(name, said.format(problem=exc.msg, line=exc.lineno, column=exc.colno))
    except RecursionError:
        _refuse(name, _too_deep())
    except ValueError as exc:  # NaN, Infinity, or a whole number of thousands of digits
        _refuse(name, _("holds a value no summary has ({problem})").format(problem=str(exc)[:60]))
    if json_depth(document, MAX_DEPTH) > MAX_DEPTH:
        _refuse(name, _too_deep())
    return document


def _too_deep() -> str:
    return _("nests deeper than a summary does (at most {most} levels)").format(most=MAX_DEPTH)


def _read_regular(path: Path, name: str) -> bytes:
    return read_bytes(path, name, MAX_FILE_BYTES, _("a member's summary file"))


def _refuse(name: str, problem: str) -> NoReturn:
    raise ValidationError(name, problem)
