"""The app's instance lock: an exclusive lock on a file, held for as long as the process lives.

The operating system lets go of it when the process ends, however it ends, so a lock left by
a crash is never mistaken for a running app, and a process id reused by another program cannot
fake one (as a lock file holding a PID can). The PID is written into the file for people only.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path


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
        if not _try_lock(fd):
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
            _unlock(fd)
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


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
