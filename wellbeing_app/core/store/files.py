"""Writing a file the user asked for, whole or not at all: a temporary file in the same folder,
then an atomic rename over the target."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from wellbeing_app.core.errors import StorageError


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``; a reader never sees half a file, and a failure leaves
    an existing file as it was."""
    folder = path.resolve().parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise StorageError(f"Cannot write to {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        raise StorageError(f"Cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
