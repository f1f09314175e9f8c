"""Where the app keeps its files: the platform's user data folder, unless told otherwise.

Order of precedence: an explicit ``--data-dir``, then ``WELLBEING_APP_DATA_DIR``, then
platformdirs' user data folder (``~/.local/share/wellbeing-app`` on Linux).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "WELLBEING_APP_DATA_DIR"
DATABASE_NAME = "wellbeing.sqlite3"
BACKUP_FOLDER = "backups"  # beside the database: rotating verified copies (core.store.backups)


@dataclass(frozen=True)
class AppPaths:
    """The folder and files the app owns."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.data_dir / BACKUP_FOLDER

    @property
    def log_file(self) -> Path:
        return self.data_dir / "wellbeing-app.log"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "wellbeing-app.lock"

    def ensure(self) -> None:
        """Create the data folder, private to the user on POSIX."""
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """The app's paths for an optional explicit data folder.

    Paths are resolved (symlinks, ``..``) so that one folder is one instance, however named.
    """
    if data_dir:
        return AppPaths(Path(data_dir).expanduser().resolve())
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return AppPaths(Path(from_env).expanduser().resolve())
    return AppPaths(usual_data_dir())


def usual_data_dir() -> Path:
    """platformdirs' user data folder for the app, the one used when none is chosen."""
    from platformdirs import user_data_path

    return user_data_path("wellbeing-app", appauthor=False)


def data_dir_arguments(data_dir: Path) -> list[str]:
    """The arguments that start the app on ``data_dir``: none for the usual folder, else
    ``--data-dir`` (a process started at login does not inherit WELLBEING_APP_DATA_DIR)."""
    if data_dir.resolve() == usual_data_dir().resolve():
        return []
    return ["--data-dir", str(data_dir)]
