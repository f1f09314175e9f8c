"""Start at login on Windows: the value ``Wellbeing`` of the per-user Run key,
``HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``, holding the command
line. Task Manager's Startup tab may disable it without removing it (a flag under
``Explorer\\StartupApproved\\Run``): a disabled one counts as off, and turning it on clears the
flag. Imported on Windows only (``winreg``)."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import winreg
from collections.abc import Sequence

from wellbeing_app.platforms.autostart import LoginStart

assert sys.platform == "win32"  # mypy then checks the rest as Windows code (--platform win32)

RUN = r"Software\Microsoft\Windows\CurrentVersion\Run"
APPROVED = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
NAME = "Wellbeing"
# StartupApproved's flag: its first byte is even (2, 6) when enabled, odd (3, 7) when disabled.
_DISABLED_BIT = 0x01


class RunKey:
    """The ``Wellbeing`` value of the current user's Run key."""

    @property
    def path(self) -> str:
        return f"HKEY_CURRENT_USER\\{RUN}\\{NAME}"

    def command_line(self, argv: Sequence[str]) -> str:
        if not argv:
            raise ValueError("there is no program to start")
        return subprocess.list2cmdline(list(argv))

    def read(self) -> LoginStart:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN, 0, winreg.KEY_READ) as key:
                value, kind = winreg.QueryValueEx(key, NAME)
        except FileNotFoundError:
            return LoginStart(False, self.path, None)
        on = kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ) and bool(value) and not _disabled()
        return LoginStart(on, self.path, str(value) if on else None)

    def write(self, argv: Sequence[str]) -> LoginStart:
        command = self.command_line(argv)
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN, 0, winreg.KEY_SET_VALUE) as key:
            winreg.SetValueEx(key, NAME, 0, winreg.REG_SZ, command)
        with (
            contextlib.suppress(FileNotFoundError),  # disabled in Task Manager: no longer
            winreg.OpenKey(winreg.HKEY_CURRENT_USER, APPROVED, 0, winreg.KEY_SET_VALUE) as approved,
        ):
            winreg.DeleteValue(approved, NAME)
        return LoginStart(True, self.path, command)

    def remove(self) -> bool:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, NAME)
        except FileNotFoundError:
            return False
        return True


def _disabled() -> bool:
    """Task Manager's Startup tab has disabled the entry."""
    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, APPROVED, 0, winreg.KEY_READ) as key:
            flag, _ = winreg.QueryValueEx(key, NAME)
    except FileNotFoundError:
        return False
    return isinstance(flag, bytes) and bool(flag) and bool(flag[0] & _DISABLED_BIT)
