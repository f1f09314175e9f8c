"""How a file is kept private, made durable and opened for reading, and how a full or read-only
disk is told, where POSIX and Windows differ.

On POSIX a file holding well-being data gets mode 0600 and a rename is made durable by syncing
its folder; opening for reading never waits on a pipe (``O_NONBLOCK``). On Windows the user's
profile folder already keeps other users out and a folder cannot be opened to sync it, so those
steps are skipped; a file is opened in binary mode (``O_BINARY``: no newline translation, and
Ctrl-Z is not taken for the end of the file).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

#: ``os.open`` flags for reading a file that came from elsewhere, bytes as they are.
READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)

if sys.platform == "win32":

    def create_private(path: Path) -> None:
        """Create the empty file ``path`` (FileExistsError when there is one)."""
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_BINARY, 0o600))

    def keep_private(path: Path) -> None:
        """Nothing to do: the profile folder's permissions already keep other users out."""

    def sync_folder(folder: Path) -> None:
        """Nothing to do: Windows cannot open a folder to sync it, and NTFS journals renames."""

    def current_umask() -> int:
        """Windows has no umask to speak of: of a mode, only the write bit counts there."""
        return 0

    def no_room_left(folder: Path) -> bool:
        """The disk holding ``folder`` has no room left (False when it cannot be told)."""
        try:
            return shutil.disk_usage(folder).free == 0
        except OSError:
            return False

    def read_only_disk(folder: Path) -> bool:
        """False: telling would take the volume's flags; the file and folder checks remain."""
        return False

else:

    def create_private(path: Path) -> None:
        """Create the empty file ``path`` readable by its owner only (FileExistsError when
        there is one)."""
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.chmod(path, 0o600)  # os.open's mode passes through the umask, which could add bits

    def keep_private(path: Path) -> None:
        """Make ``path`` readable by its owner only if group or others could read it (a file
        that is not the user's to change is left as it is)."""
        if path.stat().st_mode & 0o077:
            with contextlib.suppress(OSError):
                os.chmod(path, 0o600)

    def sync_folder(folder: Path) -> None:
        """Make a rename in ``folder`` durable: the folder's entries reach the disk."""
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def current_umask() -> int:
        """The process's umask, read without changing it where the system allows (Linux)."""
        try:
            with open("/proc/self/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("Umask:"):
                        return int(line.split()[1], 8)
        except (OSError, ValueError):
            pass
        mask = os.umask(0o077)  # elsewhere it can only be read by setting it, then put back
        os.umask(mask)
        return mask

    def no_room_left(folder: Path) -> bool:
        """The disk holding ``folder`` has no room left for the user (False when it cannot be
        told)."""
        try:
            return os.statvfs(folder).f_bavail == 0
        except OSError:
            return False

    def read_only_disk(folder: Path) -> bool:
        """The disk holding ``folder`` is mounted read-only (False when it cannot be told)."""
        try:
            return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
        except OSError:
            return False


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file beside it, synced to the
    disk, then renamed over it; its mode follows the umask (OSError when it cannot be done)."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(name, 0o666 & ~current_umask())
        os.replace(name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    sync_folder(path.parent)
