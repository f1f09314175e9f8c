"""Starting this Wellbeing when the user logs in, for the command line and the Settings alike:
the command that starts it (``platforms.this_app``, with ``--data-dir`` when its folder is not
the usual one), written where this system looks (``platforms.autostart``); a failure is a
StorageError saying what could not be done, in one line. No Qt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wellbeing_app.core.errors import StorageError
from wellbeing_app.core.language import _
from wellbeing_app.core.store.paths import data_dir_arguments
from wellbeing_app.platforms.autostart import StartAtLogin, for_this_system
from wellbeing_app.platforms.this_app import start_command


@dataclass(frozen=True)
class LoginState:
    """``on``: Wellbeing starts at login; ``path``: where that is kept (the entry file, the
    registry value or the plist); ``command``: what it runs, as written there (None when off);
    ``current``: what turning it on would write now, for the Wellbeing running this (None when
    it cannot be written there)."""

    on: bool
    path: str
    command: str | None
    current: str | None

    @property
    def points_elsewhere(self) -> bool:
        """On, but starting another copy of Wellbeing (moved, or another install or folder)."""
        return self.on and self.command != self.current


def this_wellbeing(data_dir: Path) -> list[str]:
    """The command that starts the tray app of this Wellbeing on ``data_dir``."""
    return start_command() + data_dir_arguments(data_dir)


def login_state(data_dir: Path, place: StartAtLogin | None = None) -> LoginState:
    """Whether Wellbeing starts at login (StorageError when the entry cannot be read)."""
    place = place or for_this_system()
    try:
        found = place.read()
    except OSError as exc:
        raise StorageError(
            _("Cannot read {path}: {reason}").format(path=place.path, reason=exc.strerror or exc)
        ) from None
    try:
        current: str | None = place.command_line(this_wellbeing(data_dir))
    except ValueError:
        current = None
    return LoginState(found.on, found.path, found.command, current)


def start_at_login(on: bool, data_dir: Path, place: StartAtLogin | None = None) -> LoginState:
    """Start this Wellbeing at every login from now on (``on``), or nothing; the state after.
    StorageError when the entry cannot be written or removed (it is then left as it was)."""
    place = place or for_this_system()
    try:
        if on:
            place.write(this_wellbeing(data_dir))
        else:
            place.remove()
    except OSError as exc:
        raise _cannot(on, place.path, exc.strerror or str(exc)) from None
    except ValueError:  # a path of the command is no text this entry can hold
        reason = _("a path in the command is not UTF-8 text, which the entry cannot hold")
        raise _cannot(on, place.path, reason) from None
    return login_state(data_dir, place)


def _cannot(on: bool, path: str, reason: str) -> StorageError:
    if on:
        # TRANSLATORS: {path} is the entry file or registry value; {reason} the system's words.
        return StorageError(
            _("Cannot turn start at login on: {path}: {reason}").format(path=path, reason=reason)
        )
    return StorageError(
        _("Cannot turn start at login off: {path}: {reason}").format(path=path, reason=reason)
    )
