"""Start at login on Linux (and the other freedesktop systems): an XDG autostart entry,
``$XDG_CONFIG_HOME/autostart/wellbeing.desktop`` (``~/.config`` by default), which the desktop
starts at every login unless it says ``Hidden=true`` (or GNOME's
``X-GNOME-Autostart-enabled=false``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from platformdirs import user_config_path

from wellbeing_app.platforms.autostart import LoginStart
from wellbeing_app.platforms.files import write_whole

FILE_NAME = "wellbeing.desktop"
GROUP = "[Desktop Entry]"
# Characters that oblige an argument of Exec to be quoted (Desktop Entry spec, "The Exec key").
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# In a quoted argument these take a backslash before them.
_ESCAPED_IN_QUOTES = frozenset('"`$\\')
# Escapes of a desktop file's string values, applied after the quoting.
_STRING_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


class DesktopEntry:
    """The autostart entry in ``folder`` (default: ``$XDG_CONFIG_HOME/autostart``)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else user_config_path() / "autostart"

    @property
    def file(self) -> Path:
        return self.folder / FILE_NAME

    @property
    def path(self) -> str:
        return str(self.file)

    def command_line(self, argv: Sequence[str]) -> str:
        return exec_value(argv)

    def read(self) -> LoginStart:
        try:
            text = self.file.read_text(encoding="utf-8", errors="replace")
        except (FileNotFoundError, NotADirectoryError):  # no entry, or not even its folder
            return LoginStart(False, self.path, None)
        keys = entry_keys(text)
        on = (
            "Exec" in keys
            and keys.get("Hidden", "false") != "true"
            and keys.get("X-GNOME-Autostart-enabled", "true") != "false"
        )
        return LoginStart(on, self.path, keys["Exec"] if on else None)

    def write(self, argv: Sequence[str]) -> LoginStart:
        command = exec_value(argv)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_whole(self.file, entry(command).encode("utf-8"))
        return LoginStart(True, self.path, command)

    def remove(self) -> bool:
        try:
            self.file.unlink()
        except FileNotFoundError:
            return False
        return True


def entry(command: str) -> str:
    """The text of the autostart entry that runs ``command`` (an Exec value)."""
    return "\n".join(
        [
            GROUP,
            "Type=Application",
            "Version=1.4",
            "Name=Wellbeing",
            "Comment=Starts Wellbeing in the tray when you log in",
            f"Exec={command}",
            "Icon=wellbeing-app",
            "Terminal=false",
            "StartupNotify=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def exec_value(argv: Sequence[str]) -> str:
    """``argv`` as the value of an Exec key: each argument quoted when it holds a reserved
    character, ``%`` doubled, then escaped as a desktop file's string (ValueError for an
    argument that is not UTF-8 text, such as a path in another encoding)."""
    if not argv:
        raise ValueError("there is no program to start")
    arguments = []
    for argument in argv:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(
                f"{argument!r} is not UTF-8 text, which a desktop entry cannot hold"
            ) from None
        argument = argument.replace("%", "%%")
        if not argument or any(c in _RESERVED for c in argument):
            inner = "".join(f"\\{c}" if c in _ESCAPED_IN_QUOTES else c for c in argument)
            argument = f'"{inner}"'
        arguments.append(argument)
    return "".join(_STRING_ESCAPES.get(c, c) for c in " ".join(arguments))


def entry_keys(text: str) -> dict[str, str]:
    """The keys of the ``[Desktop Entry]`` group of a desktop file, as written (localised keys
    and the other groups left out)."""
    keys: dict[str, str] = {}
    in_group = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            in_group = line == GROUP
        elif in_group and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            keys.setdefault(key.strip(), value.strip())
    return keys
