"""Start at login on macOS: a LaunchAgent, ``~/Library/LaunchAgents/<app id>.plist``, which
launchd loads at the next login and runs at once (``RunAtLoad``), in the graphical session
only."""

from __future__ import annotations

import plistlib
import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wellbeing_app import APP_ID
from wellbeing_app.platforms.autostart import LoginStart
from wellbeing_app.platforms.files import write_whole


class LaunchAgent:
    """The app's LaunchAgent in ``folder`` (default: ``~/Library/LaunchAgents``)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else Path.home() / "Library" / "LaunchAgents"

    @property
    def file(self) -> Path:
        return self.folder / f"{APP_ID}.plist"

    @property
    def path(self) -> str:
        return str(self.file)

    def command_line(self, argv: Sequence[str]) -> str:
        if not argv:
            raise ValueError("there is no program to start")
        return shlex.join(argv)

    def read(self) -> LoginStart:
        try:
            with self.file.open("rb") as file:
                agent = plistlib.load(file)
        except (FileNotFoundError, NotADirectoryError):  # no entry, or not even its folder
            return LoginStart(False, self.path, None)
        except (ValueError, plistlib.InvalidFileException):  # launchd cannot read it either
            return LoginStart(False, self.path, None)
        if not isinstance(agent, dict):
            return LoginStart(False, self.path, None)
        arguments = agent.get("ProgramArguments")
        if not isinstance(arguments, list) or not all(isinstance(a, str) for a in arguments):
            arguments = []
        on = (
            bool(arguments) and agent.get("RunAtLoad") is True and agent.get("Disabled") is not True
        )
        return LoginStart(on, self.path, self.command_line(arguments) if on else None)

    def write(self, argv: Sequence[str]) -> LoginStart:
        command = self.command_line(argv)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_whole(self.file, plistlib.dumps(agent(argv)))
        return LoginStart(True, self.path, command)

    def remove(self) -> bool:
        try:
            self.file.unlink()
        except FileNotFoundError:
            return False
        return True


def agent(argv: Sequence[str]) -> dict[str, Any]:
    """The LaunchAgent that runs ``argv`` at login, in the user's graphical session."""
    return {
        "Label": APP_ID,
        "ProgramArguments": list(argv),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",
    }
