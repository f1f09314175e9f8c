"""Noticing rows written by other processes (the CLI) without polling: the OS tells us."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

_SETTLE_MS = 300


class DataWatcher(QObject):
    """Emits ``changed`` shortly after another process changed the database.

    SQLite in WAL mode appends every commit to ``<db>-wal``; the folder changes when that file
    appears or goes. Bursts are folded into one check; ``changed_elsewhere`` tells the app's
    own writes (which it already knows about) from others'. No timer runs while idle.
    """

    changed = Signal()

    def __init__(
        self,
        database: Path,
        changed_elsewhere: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._changed_elsewhere = changed_elsewhere
        changed_elsewhere()  # remember where the data stands now
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(_SETTLE_MS)
        self._settle.timeout.connect(self._check)
        self._watcher.fileChanged.connect(self._on_change)
        self._watcher.directoryChanged.connect(self._on_change)
        self._watch()

    def stop(self) -> None:
        """Stop watching: no notification, timer or socket notifier stays behind."""
        self._settle.stop()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)

    def dispose(self) -> None:
        """Stop, drop every listener, and leave the deleting to the event loop: Python's garbage
        collector freed the inotify notifier in the middle of an event once (heap corruption)."""
        self.changed.disconnect()
        self.stop()
        self.deleteLater()

    def _files(self) -> list[str]:
        wal = self._database.with_name(self._database.name + "-wal")
        return [str(p) for p in (self._database, wal) if p.exists()]

    def _watch(self) -> None:
        wanted = [*self._files(), str(self._database.parent)]
        missing = [
            p for p in wanted if p not in self._watcher.files() + self._watcher.directories()
        ]
        if missing:
            self._watcher.addPaths(missing)

    def _on_change(self, _path: str) -> None:
        self._watch()  # a file replaced or newly created must be watched again
        self._settle.start()

    def _check(self) -> None:
        if self._changed_elsewhere():
            self.changed.emit()
