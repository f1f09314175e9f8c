"""Start-up: what must hold before any window can show (a display, a data folder), said where a
person sees it when it does not; and opening the database off the GUI thread, so the tray icon
shows before the heavy imports, then the daily backup."""

from __future__ import annotations

import os
import socket
import sys
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from wellbeing_app.core.language import _

if TYPE_CHECKING:
    from wellbeing_app.core.store.database import Database
    from wellbeing_app.core.store.paths import AppPaths

_HEADLESS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def display_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """Why no window could be shown, in words (Linux: no display set, or none answering), or
    None. Qt cannot say it: without a display it aborts the process."""
    platform = environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if not sys.platform.startswith("linux") or platform in _HEADLESS:
        return None
    wayland, display = environ.get("WAYLAND_DISPLAY", ""), environ.get("DISPLAY", "")
    if wayland and platform != "xcb":
        runtime = environ.get("XDG_RUNTIME_DIR", "")
        if _answers(wayland if os.path.isabs(wayland) else os.path.join(runtime, wayland)):
            return None
    if display and platform != "wayland" and _x_answers(display):
        return None
    if not (wayland or display):
        reason = _("no display is set (neither DISPLAY nor WAYLAND_DISPLAY)")
    else:
        # TRANSLATORS: {display} is the display's name, such as :0 or wayland-0.
        reason = _("the display {display} does not answer").format(display=display or wayland)
    # TRANSLATORS: {reason} is one of the two sentences just above.
    return _(
        "Wellbeing cannot show its window: {reason}. Start it from your desktop session; "
        "the command line works anywhere ('wellbeing-app --help')."
    ).format(reason=reason)


def folder_problem(paths: AppPaths) -> str | None:
    """Make the data folder (and the instance lock's file) if need be; why it cannot be used,
    in words, or None."""
    try:
        paths.ensure()
        os.close(os.open(paths.lock_file, os.O_CREAT | os.O_RDWR, 0o600))
    except OSError as exc:
        not_folder = paths.data_dir.is_file()
        what = _("a file, not a folder") if not_folder else exc.strerror or str(exc)
        # TRANSLATORS: {folder} is a path; {problem} is why it cannot be used.
        return _(
            "Wellbeing cannot keep its data in {folder}: {problem}. Use another --data-dir."
        ).format(folder=paths.data_dir, problem=what)
    return None


def cannot_start(message: str, show: bool = True) -> int:
    """Say why the app cannot start: one line on stderr, and a dialog when there is a display
    (a QApplication exists); returns the exit status, 1."""
    print(f"wellbeing-app: {message}", file=sys.stderr)
    if show:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Wellbeing", message)
    return 1


def _x_answers(display: str) -> bool:
    """An X server is listening for ``[host]:N[.screen]``."""
    host, _colon, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        return _answers("\0" + path) or _answers(path)  # Linux's abstract socket, or the file
    try:
        with socket.create_connection((host, 6000 + int(number)), timeout=1):
            return True
    except OSError:
        return False


def _answers(path: str) -> bool:
    if sys.platform == "win32":  # display_problem asks on Linux only
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        try:
            sock.connect(path)
        except OSError:
            return False
    return True


class DatabaseLoader(QObject):
    """Imports the database layer and opens the file in a worker thread, then makes the daily
    backup when it is due.

    ``loaded(Database)`` or ``failed(message, damaged)`` (``damaged``: the file is, and a backup
    may be restored) arrives on the GUI thread (queued signals); ``noted(message)`` before
    ``loaded`` when something is worth saying (the daily backup could not be made).
    """

    loaded = Signal(object)
    failed = Signal(str, bool)
    noted = Signal(str)

    def __init__(
        self, database: Path, now: Callable[[], datetime], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._now = now
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="open-database", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from wellbeing_app.core.errors import StorageError
        from wellbeing_app.core.store.backups import make_backup_if_due
        from wellbeing_app.core.store.database import open_database
        from wellbeing_app.core.store.health import DamagedDatabase

        try:
            db: Database = open_database(self._database, now=self._now())
        except DamagedDatabase as exc:
            self.failed.emit(exc.problem, True)
            return
        except StorageError as exc:
            self.failed.emit(str(exc), False)
            return
        except Exception as exc:  # an unexpected failure must still reach the user
            self.failed.emit(
                _("The database could not be opened: {error}").format(error=exc), False
            )
            return
        if not db.created and db.refused is None:
            try:
                make_backup_if_due(db.path, self._now())
            except DamagedDatabase as exc:  # found by the backup's full check: never written to
                db.close()
                self.failed.emit(exc.problem, True)
                return
            except StorageError as exc:
                self.noted.emit(_("The daily backup was not made: {error}").format(error=exc))
        self.loaded.emit(db)
