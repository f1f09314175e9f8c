"""The command that starts this very Wellbeing again (at login, say): what is actually running.

In order: the bundle's program when the app is frozen by PyInstaller (the AppImage file when it
runs from one: ``$APPIMAGE``, since the bundle inside is mounted afresh at every start); else the
installed ``wellbeing-app`` command of this Python environment, when that is what was run or it
is the one on PATH; else this Python with ``-m wellbeing_app``. On Windows, where both the
command and ``python.exe`` open a console window, ``pythonw.exe -m wellbeing_app``.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from collections.abc import Mapping, Sequence
from pathlib import Path

COMMAND = "wellbeing-app"


def start_command(
    environ: Mapping[str, str] = os.environ, argv: Sequence[str] = sys.argv
) -> list[str]:
    """The program and arguments that start this Wellbeing's tray app."""
    if getattr(sys, "frozen", False):
        appimage = environ.get("APPIMAGE", "")
        if os.path.isabs(appimage) and os.path.isfile(appimage):
            return [appimage]
        return [os.path.abspath(sys.executable)]
    if sys.platform == "win32":
        windowless = Path(sys.executable).with_name("pythonw.exe")
        python = windowless if windowless.is_file() else Path(sys.executable)
        return [str(python), "-m", "wellbeing_app"]
    for candidate in (argv[0] if argv else "", shutil.which(COMMAND, path=environ.get("PATH"))):
        if candidate and _installed_here(candidate):
            return [os.path.abspath(candidate)]
    return [os.path.abspath(sys.executable), "-m", "wellbeing_app"]


def _installed_here(script: str) -> bool:
    """``script`` is the ``wellbeing-app`` command installed with this Python environment (in
    its scripts folder, or the user's scripts folder of this Python)."""
    path = Path(script)
    if path.name != COMMAND or not path.is_file():
        return False
    for scheme in {sysconfig.get_default_scheme(), sysconfig.get_preferred_scheme("user")}:
        folder = Path(sysconfig.get_path("scripts", scheme))
        try:
            if folder.is_dir() and os.path.samefile(folder, path.parent):
                return True
        except OSError:
            continue
    return False
