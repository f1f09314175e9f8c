"""Only one app per data folder: a lock file decides, a local socket carries "show yourself".

The lock needs only QtCore, so it is taken before the tray icon shows; QtNetwork and the
listening socket follow once the icon is up (a later launch retries briefly meanwhile).
"""

from __future__ import annotations

import hashlib
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, QThread, Signal

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
        digest = hashlib.sha1(str(data_dir).encode(), usedforsecurity=False).hexdigest()[:16]
        self._name = f"wellbeing-app-{digest}"
        self._lock = QLockFile(str(data_dir / "wellbeing-app.lock"))
        self._lock.setStaleLockTime(0)  # only a dead owner's lock is stale, never a slow one
        self._server: QLocalServer | None = None

    @property
    def server_name(self) -> str:
        return self._name

    def acquire(self) -> bool:
        """True when this process is the only instance for the data folder."""
        return bool(self._lock.tryLock(0))

    def listen(self) -> None:
        """Start answering later launches (call after ``acquire``)."""
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self._name)  # a socket left behind by a crash
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
            "wellbeing-app: another Wellbeing is running for this data folder but does not "
            "answer; close it, or use another --data-dir.",
            file=sys.stderr,
        )
        return 1

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

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
