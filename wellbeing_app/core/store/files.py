"""Writing a file the user asked for, whole or not at all: a temporary file in the same folder,
flushed to the disk, then an atomic rename over the target. A failure (a full disk) leaves an
existing file as it was.

Where it may go is checked first (``check_output``): never over the database or anything else
in the data folder, nor onto a directory or a device. Its mode follows the user's umask, except
that a file holding well-being figures is readable by the user alone (0600).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from wellbeing_app.core.errors import StorageError, ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.platforms.files import current_umask, sync_folder


def check_output(path: Path, data_dir: Path, field: str = "-o") -> Path:
    """``path`` resolved, or ValidationError naming ``field`` when a file must not go there."""
    target = Path(os.path.abspath(path.expanduser()))
    try:
        resolved = target.resolve()
        data = data_dir.resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise ValidationError(
            field, _("{path} cannot be used ({error})").format(path=path, error=exc)
        ) from None
    if resolved == data or data in resolved.parents:
        raise ValidationError(
            field,
            _(
                "{path} is in Wellbeing's data folder ({folder}), which holds your data; "
                "choose a file elsewhere"
            ).format(path=path, folder=data),
        )
    try:
        mode = resolved.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ValidationError(
            field,
            _("{path} cannot be used ({error})").format(path=path, error=exc.strerror or exc),
        ) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise ValidationError(
            field, _("{path} is a folder; give a file name in it").format(path=path)
        )
    if mode is not None and not stat.S_ISREG(mode):
        raise ValidationError(
            field, _("{path} is not a regular file (a device or a pipe)").format(path=path)
        )
    if not resolved.parent.is_dir():
        raise ValidationError(
            field, _("the folder {folder} does not exist").format(folder=resolved.parent)
        )
    return resolved


def write_text(path: Path, text: str, private: bool = True) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole; ``private``: mode 0600, else the umask's."""
    write_bytes(path, text.encode("utf-8", errors="surrogateescape"), private)


def write_bytes(path: Path, data: bytes, private: bool = True) -> None:
    with replacing(path, private) as temporary, open(temporary, "wb") as out:
        out.write(data)


@contextlib.contextmanager
def replacing(path: Path, private: bool = True) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; once the block ends it is flushed to the
    disk, given its mode and renamed over ``path``. On any failure ``path`` is left as it was
    and StorageError says why (a full disk in words)."""
    target = path.resolve()
    folder = target.parent
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise _failed(folder, exc, _("Cannot write to {folder}").format(folder=folder)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with _opened(temporary, os.O_RDWR) as fd:
            os.fsync(fd)
        os.chmod(temporary, 0o600 if private else 0o666 & ~current_umask())
        os.replace(temporary, target)
        sync_folder(folder)
    except OSError as exc:
        raise _failed(folder, exc, _("Cannot write {path}").format(path=path)) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _failed(folder: Path, exc: OSError, what: str) -> StorageError:
    from wellbeing_app.core.store.health import disk_full

    if disk_full(folder, exc):
        return StorageError(
            _("{what}: the disk is full; nothing was changed. Free some space.").format(what=what)
        )
    return StorageError(
        _("{what}: {error}; nothing was changed.").format(what=what, error=exc.strerror or exc)
    )


@contextlib.contextmanager
def _opened(path: Path, flags: int) -> Iterator[int]:
    fd = os.open(path, flags)
    try:
        yield fd
    finally:
        os.close(fd)
