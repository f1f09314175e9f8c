"""Opening the database off the GUI thread, so the tray icon shows before the heavy imports."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from wellbeing_app.core.store.database import Database


class DatabaseLoader(QObject):
    """Imports the database layer and opens the file in a worker thread.

    ``loaded(Database)`` or ``failed(message)`` arrives on the GUI thread (queued signals).
    """

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="open-database", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from wellbeing_app.core.errors import StorageError
        from wellbeing_app.core.store.database import open_database

        try:
            db: Database = open_database(self._database)
        except StorageError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # an unexpected failure must still reach the user
            self.failed.emit(f"The database could not be opened: {exc}")
            return
        self.loaded.emit(db)
