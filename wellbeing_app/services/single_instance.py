"""Only one app per data folder: a lock decides, a local socket carries "show yourself".

The lock is held for the process's lifetime (``core.store.lock``: the system drops it when the
process ends, so neither a crash nor a reused PID can leave a stale one), and it is taken before
the tray icon shows; QtNetwork and the listening socket follow once the icon is up (a later
launch retries briefly meanwhile). On POSIX the socket lives in the user's runtime folder
(``platforms.runtime_folder``: ``$XDG_RUNTIME_DIR``, else a 0700 folder of the user's own in the
temporary folder), never under a name another user could take first; on Windows it is a named
pipe, private to the user.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QObject, QThread, Signal

from wellbeing_app.core.language import _
from wellbeing_app.core.store.lock import InstanceLock
from wellbeing_app.platforms.runtime_folder import NEEDED, runtime_folder

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

_SHOW = b"show\n"
_TIMEOUT_MS = 3000
_RETRY_MS = 50


class SingleInstance(QObject):
    """The first launch holds the lock and listens; later launches hand over and exit."""

    activated = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        digest = hashlib.sha1(os.fsencode(data_dir), usedforsecurity=False).hexdigest()[:16]
        folder = runtime_folder()
        name = f"wellbeing-app-{digest}"
        self._name = str(folder / name) if folder is not None else name
        self._lock = InstanceLock(data_dir / "wellbeing-app.lock")
        self._server: QLocalServer | None = None

    @property
    def server_name(self) -> str:
        return self._name

    def acquire(self) -> bool:
        """True when this process is the only instance for the data folder."""
        return self._lock.acquire()

    def listen(self) -> None:
        """Start answering later launches (call after ``acquire``)."""
        from PySide6.QtNetwork import QLocalServer

        if NEEDED and runtime_folder() is None:
            log.warning("no private runtime folder: a later launch cannot hand over to this one")
            return
        QLocalServer.removeServer(self._name)  # a socket left behind by a crash: the lock is ours
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        server.listen(self._name)
        self._server = server

    def hand_over(self) -> bool:
        """Ask the running instance to show itself. False when it could not be reached."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        deadline = QDeadlineTimer(_TIMEOUT_MS)
        while True:
            socket.connectToServer(self._name)
            if socket.waitForConnected(deadline.remainingTime()):
                break
            if deadline.hasExpired():
                return False
            QThread.msleep(_RETRY_MS)  # the first instance may be a moment from listening
        socket.write(_SHOW)
        delivered = socket.waitForBytesWritten(_TIMEOUT_MS)
        socket.disconnectFromServer()
        return bool(delivered)

    def hand_over_and_report(self) -> int:
        """A second launch: ask the running instance to show itself; the exit status (0 handed
        over, 1 it does not answer, said on stderr)."""
        from wellbeing_app.services.logs import configure_logging

        configure_logging(None)
        if self.hand_over():
            log.info("Wellbeing is already running; it was asked to show itself")
            return 0
        print(
            # TRANSLATORS: wellbeing-app and --data-dir are a command and an option: keep them.
            _(
                "wellbeing-app: another Wellbeing is running for this data folder but does not "
                "answer; close it, or use another --data-dir."
            ),
            file=sys.stderr,
        )
        return 1

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.release()

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._on_message)
            socket.disconnected.connect(socket.deleteLater)

    def _on_message(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()
        if isinstance(socket, QLocalSocket) and bytes(socket.readAll().data()).startswith(b"show"):
            self.activated.emit()
