"""The apps whose notifications were seen since the tray app started: kept in its memory only,
never stored, so the user can map one to a source (``capture apps`` asks the running app for
them over a socket only the user can open).

Each app is kept by name with how many notifications it sent and what became of them; nothing
else of any notification is kept.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wellbeing_app.core.capture.apps import app_key, source_for, verdict
from wellbeing_app.core.capture.reading import Sender

MAX_APPS = 200  # a misbehaving desktop cannot grow this without bound


@dataclass
class SeenApp:
    app: str  # as it names itself
    names: tuple[str, ...]
    notifications: int = 0


class AppsSeen:
    """App -> how many notifications it sent since start-up."""

    def __init__(self) -> None:
        self._apps: dict[str, SeenApp] = {}

    def add(self, sender: Sender) -> None:
        key = app_key(sender.app)
        seen = self._apps.get(key)
        if seen is None:
            if len(self._apps) >= MAX_APPS:
                return
            seen = self._apps[key] = SeenApp(sender.app, sender.names)
        seen.notifications += 1

    def listing(self, mappings: Mapping[str, str]) -> list[dict[str, Any]]:
        """Each app seen: its name (as ``capture map`` takes it), notifications, what becomes of
        them (``counted as slack``, ``ignored``, ``not counted (not mapped)``) and the source."""
        return [
            {
                "app": key,
                "notifications": seen.notifications,
                "source": source_for(seen.names, mappings),
                "verdict": verdict(seen.names, mappings),
            }
            for key, seen in sorted(self._apps.items())
        ]

    def __len__(self) -> int:
        return len(self._apps)


def socket_path(data_dir: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """Where the tray app answers ``capture apps`` for the data folder ``data_dir``: in the
    user's runtime folder (private to the user), else the temporary folder. Short, since socket
    paths are limited to about 100 bytes."""
    digest = hashlib.sha1(str(data_dir).encode(), usedforsecurity=False).hexdigest()[:16]
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    folder = Path(runtime) if runtime and Path(runtime).is_dir() else Path(tempfile.gettempdir())
    return folder / f"wellbeing-capture-{digest}.sock"
