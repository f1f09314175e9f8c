"""Running a platforms module as another system would: ``sys.platform`` set, the system modules
of the other systems made unimportable (or replaced by fakes), and on Windows the POSIX-only
functions of ``os`` taken away, so a test sees every POSIX-only call that path would make."""

from __future__ import annotations

import importlib.util
import os
import sys
from types import ModuleType

import pytest

POSIX_ONLY_MODULES = ("fcntl", "termios", "pwd", "grp", "resource")
WINDOWS_ONLY_MODULES = ("msvcrt", "winreg", "winsound", "_winapi")
POSIX_ONLY_OS = ("getuid", "geteuid", "statvfs", "mkfifo", "fchmod", "fchown", "O_NONBLOCK")
WINDOWS_O_BINARY = 0x8000


def as_system(
    monkeypatch: pytest.MonkeyPatch, platform: str, fakes: dict[str, ModuleType] | None = None
) -> None:
    """Make this test's process look like ``platform`` ("win32", "darwin", "linux")."""
    monkeypatch.setattr(sys, "platform", platform)
    windows = platform == "win32"
    for name in POSIX_ONLY_MODULES if windows else WINDOWS_ONLY_MODULES:
        monkeypatch.setitem(sys.modules, name, None)  # importing it raises ImportError
    for name, module in (fakes or {}).items():
        monkeypatch.setitem(sys.modules, name, module)
    if windows:
        for name in POSIX_ONLY_OS:
            monkeypatch.delattr(os, name, raising=False)
        monkeypatch.setattr(os, "O_BINARY", WINDOWS_O_BINARY, raising=False)


def load_fresh(name: str) -> ModuleType:
    """A new copy of the module ``name``, run now (as the simulated system); the copy in
    ``sys.modules`` stays as it was."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class FakeMsvcrt(ModuleType):
    """``msvcrt.locking`` over byte ranges, held per open file like Windows does."""

    LK_UNLCK = 0
    LK_NBLCK = 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held: dict[tuple[int, int, int], int] = {}

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        info = os.fstat(fd)
        key = (info.st_dev, info.st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        holder = self.held.get(key)
        if mode == self.LK_NBLCK:
            if holder is not None and holder != fd:
                raise PermissionError(13, "Permission denied")
            self.held[key] = fd
        elif mode == self.LK_UNLCK:
            if holder != fd:
                raise PermissionError(13, "Permission denied")
            del self.held[key]
        else:
            raise AssertionError(f"mode {mode} is not used")
