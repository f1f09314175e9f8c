"""Quitting cleanly on SIGTERM / SIGINT while Qt's event loop runs, without a polling timer."""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class QuitOnSignals(QObject):
    """Routes SIGTERM and SIGINT through a socket pair that Qt watches, then calls ``on_quit``."""

    def __init__(self, on_quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno())
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: None)  # the wakeup fd does the work
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)
        self._on_quit = on_quit

    def _on_wakeup(self) -> None:
        try:
            self._reader.recv(64)
        except BlockingIOError:
            return
        self._on_quit()
