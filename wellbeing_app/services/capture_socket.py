"""The tray app's answer to ``capture apps``: the apps seen since start-up, which only its memory
holds, handed to the command line over a Unix socket that only the same user can open.

Each connection gets one JSON line and is closed; a QSocketNotifier wakes the GUI thread only
when someone connects.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import stat
import struct
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

SEND_TIMEOUT = 0.5  # seconds: a reader that does not read is dropped


class CaptureAnswer(QObject):
    """Listens on ``path``; each connection receives ``answer()`` as one JSON line."""

    def __init__(
        self, path: Path, answer: Callable[[], dict[str, Any]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._answer = answer
        self._socket: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None

    def listen(self) -> bool:
        if self._socket is not None:
            return True
        if sys.platform == "win32":  # no Unix sockets, and nothing counted to answer about
            return False
        try:
            if self.path.exists() and stat.S_ISSOCK(self.path.lstat().st_mode):
                self.path.unlink()  # left by an instance that ended without cleaning up
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            old_mask = os.umask(0o177)  # created 0600: only the user can connect
            try:
                listener.bind(str(self.path))
            finally:
                os.umask(old_mask)
            listener.listen(4)
            listener.setblocking(False)
        except OSError as exc:
            log.info("cannot answer 'capture apps' (%s)", type(exc).__name__)
            return False
        self._socket = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        return True

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None
            with contextlib.suppress(OSError):
                self.path.unlink()

    def _accept(self, *_: object) -> None:
        if self._socket is None:
            return
        while True:
            try:
                connection, _ = self._socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                log.info("'capture apps' connection failed (%s)", type(exc).__name__)
                return
            with connection:
                if not _same_user(connection):
                    continue
                try:
                    connection.settimeout(SEND_TIMEOUT)
                    connection.sendall(json.dumps(self._answer()).encode() + b"\n")
                except OSError:
                    pass  # the reader gave up: nothing to do


def _same_user(connection: socket.socket) -> bool:
    """The socket's mode already keeps others out; where the system says who connected, check."""
    peer_credentials = getattr(socket, "SO_PEERCRED", None)
    if peer_credentials is None or sys.platform == "win32":
        return True
    raw = connection.getsockopt(socket.SOL_SOCKET, peer_credentials, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", raw)
    return bool(uid == os.getuid())
