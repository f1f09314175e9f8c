"""Starting Wellbeing when the user logs in: one interface, ``StartAtLogin``, and one small
module per system behind it, chosen by ``sys.platform``: an XDG autostart entry on Linux and
the other freedesktop systems (``autostart_xdg``), the per-user Run key on Windows
(``autostart_windows``), a LaunchAgent on macOS (``autostart_macos``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class LoginStart:
    """Whether Wellbeing starts at login, where that is kept (a file, or a registry value) and
    the command it runs, as written there (None when it is off)."""

    on: bool
    path: str
    command: str | None


class StartAtLogin(Protocol):
    """What starts Wellbeing at login on one system."""

    @property
    def path(self) -> str:
        """Where the entry is kept: a file, or a registry key and value name."""
        ...

    def command_line(self, argv: Sequence[str]) -> str:
        """``argv`` as this system writes it in the entry (ValueError: it cannot be)."""
        ...

    def read(self) -> LoginStart:
        """What starts at login now (OSError when the entry cannot be read)."""
        ...

    def write(self, argv: Sequence[str]) -> LoginStart:
        """Start ``argv`` at every login from now on (OSError or ValueError when it cannot be
        written; an entry already there is then left as it was)."""
        ...

    def remove(self) -> bool:
        """Start nothing at login from now on; True when there was an entry to remove."""
        ...


def for_this_system() -> StartAtLogin:
    """The way this system starts a program at login."""
    if sys.platform == "win32":
        from wellbeing_app.platforms.autostart_windows import RunKey

        return RunKey()
    if sys.platform == "darwin":
        from wellbeing_app.platforms.autostart_macos import LaunchAgent

        return LaunchAgent()
    from wellbeing_app.platforms.autostart_xdg import DesktopEntry

    return DesktopEntry()
