"""Reading a file that came from elsewhere with care: only a regular file (a pipe, a device or a
folder is refused before anything is read, and opening never waits on a pipe), at most
``limit`` bytes, and text only when it is UTF-8 (a byte-order mark is allowed and dropped).

Every problem is a ValidationError naming the file as the user gave it, in one line.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, NoReturn

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _, formats
from wellbeing_app.platforms.files import READ_FLAGS


def read_bytes(path: Path, name: str, limit: int, what: str) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them; ``what`` says what
    the file should be ("a calendar file"), for the messages."""
    try:
        fd = os.open(path, READ_FLAGS)
    except OSError as exc:
        _refuse(name, _("cannot be read ({error})").format(error=exc.strerror or exc))
    except ValueError:  # a NUL byte in the name
        _refuse(name, _("is not a file name (it holds a NUL byte)"))
    too_large = _("is larger than {size}, far more than {what}").format(
        size=_size(limit), what=what
    )
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            _refuse(name, _("is a folder; give {what}").format(what=what))
        if not stat.S_ISREG(info.st_mode):
            _refuse(
                name, _("is not a regular file (a pipe or a device); give {what}").format(what=what)
            )
        if info.st_size > limit:
            _refuse(name, too_large)
        with os.fdopen(os.dup(fd), "rb") as file:
            data = file.read(limit + 1)  # the file may grow while it is read
    except OSError as exc:
        _refuse(name, _("cannot be read ({error})").format(error=exc.strerror or exc))
    finally:
        os.close(fd)
    if len(data) > limit:
        _refuse(name, too_large)
    return data


def read_text(path: Path, name: str, limit: int, what: str) -> str:
    """The UTF-8 text of the file (see ``read_bytes``), a byte-order mark dropped."""
    data = read_bytes(path, name, limit, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        _refuse(
            name,
            _(
                "is not UTF-8 text (byte {number} cannot be read); save it as UTF-8 and try again"
            ).format(number=exc.start + 1),
        )


def no_constants(constant: str) -> Any:
    """For ``json.loads(parse_constant=...)``: NaN and Infinity are refused."""
    raise ValueError(_("{value} is not a number JSON allows").format(value=constant))


def json_depth(document: Any, limit: int) -> int:
    """How deep objects and lists nest in ``document``, counted up to just past ``limit``
    (without recursion: any depth is measured safely)."""
    deepest, stack = 0, [(document, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, level)
            if deepest > limit:
                return deepest
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, level + 1) for item in items)
    return deepest


def _size(limit: int) -> str:
    megabytes = limit / (1024 * 1024)
    if megabytes >= 1:
        return _("{size} MB").format(
            size=formats.number(megabytes, 0 if megabytes.is_integer() else 1)
        )
    return _("{size} KB").format(size=formats.number(limit // 1024))


def _refuse(name: str, problem: str) -> NoReturn:
    raise ValidationError(name, problem)
