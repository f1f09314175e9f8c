"""Only one app per data folder: a lock file decides, a local socket carries "show yourself"."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_SHOW = b"show\n"
_TIMEOUT_MS = 2000


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
        """True when this process is the only instance; it then listens for later launches."""
        if not self._lock.tryLock(0):
            return False
        QLocalServer.removeServer(self._name)  # a socket left behind by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        server.listen(self._name)
        self._server = server
        return True

    def hand_over(self) -> bool:
        """Ask the running instance to show itself. False when it could not be reached."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        socket.write(_SHOW)
        delivered = socket.waitForBytesWritten(_TIMEOUT_MS)
        socket.disconnectFromServer()
        return delivered

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
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and socket.readAll().data().startswith(_SHOW[:4]):
            self.activated.emit()
