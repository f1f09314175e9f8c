"""The app's instance lock: an exclusive lock on a file, held for as long as the process lives.

The operating system lets go of it when the process ends, however it ends, so a lock left by
a crash is never mistaken for a running app, and a process id reused by another program cannot
fake one (as a lock file holding a PID can). The PID is written into the file for people only.
How a file is locked differs by system: ``platforms.file_lock``.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from wellbeing_app.platforms.file_lock import try_lock, unlock


class InstanceLock:
    """``acquire()`` once; the lock holds until ``release()`` or the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another process does."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not try_lock(fd):
            os.close(fd)
            return False
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            unlock(fd)
            os.close(fd)


def held_elsewhere(path: Path) -> bool:
    """True when another process holds the lock at ``path`` (a running Wellbeing)."""
    if not path.exists():
        return False
    probe = InstanceLock(path)
    try:
        if probe.acquire():
            probe.release()
            return False
    except OSError:
        return False
    return True
