"""The user's private runtime folder, where local sockets live: on POSIX ``$XDG_RUNTIME_DIR``,
else ``wellbeing-app-UID`` in the temporary folder, made 0700, and only ever a folder of the
user's own that nobody else can enter; on Windows none is needed (Qt's local sockets are named
pipes, private to the user)."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

#: Whether local sockets need a private folder here (POSIX: they are files; Windows: pipes).
NEEDED = sys.platform != "win32"

if sys.platform == "win32":

    def runtime_folder() -> Path | None:
        """None: Windows needs no folder for local sockets."""
        return None

else:

    def runtime_folder() -> Path | None:
        """``$XDG_RUNTIME_DIR`` when it is private to the user, else a private folder of the
        user's own in the temporary folder; None when there is neither."""
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        if runtime and os.path.isabs(runtime) and is_private(Path(runtime)):
            return Path(runtime)
        folder = Path(tempfile.gettempdir()) / f"wellbeing-app-{os.getuid()}"
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
        return folder if is_private(folder) else None

    def is_private(folder: Path) -> bool:
        """A real folder (not a link), owned by this user, closed to everyone else."""
        try:
            info = os.lstat(folder)
        except OSError:
            return False
        return (
            stat.S_ISDIR(info.st_mode)
            and info.st_uid == os.getuid()
            and stat.S_IMODE(info.st_mode) & 0o077 == 0
        )
