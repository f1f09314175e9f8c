"""Hearing logind say the machine woke up (PrepareForSleep false), where a system bus exists.

A bonus on top of the wall-clock check in the reminder service, never a dependency: with no
system bus, no logind, or no permission, this quietly does nothing.
"""

from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)

LOGIN1 = "org.freedesktop.login1"
MANAGER = "org.freedesktop.login1.Manager"


class SleepWatcher(QObject):
    """Emits ``resumed`` when logind reports the end of a sleep."""

    resumed = Signal()

    def __init__(self, parent: QObject | None = None, timeout: float = 1.0) -> None:
        super().__init__(parent)
        self._connection = None
        self._notifier: QSocketNotifier | None = None
        self._signals: deque[object] = deque()
        try:
            from jeepney.bus_messages import MatchRule, message_bus
            from jeepney.io.blocking import Proxy, open_dbus_connection

            connection = open_dbus_connection("SYSTEM", auth_timeout=timeout)
            fields = {
                "type": "signal",
                "interface": MANAGER,
                "member": "PrepareForSleep",
                "path": "/org/freedesktop/login1",
            }
            # The bus checks the sender by name; messages then carry logind's unique name,
            # which the local filter cannot know, so it matches on the rest.
            Proxy(message_bus, connection, timeout=timeout).AddMatch(
                MatchRule(sender=LOGIN1, **fields)
            )
            connection.filter(MatchRule(**fields), queue=self._signals)
        except Exception as exc:  # no system bus here: the wall-clock check still works
            log.info("no system bus to hear about sleep (%s)", type(exc).__name__)
            return
        self._connection = connection
        self._notifier = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    @property
    def listening(self) -> bool:
        return self._connection is not None

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _read(self, *_: object) -> None:
        if self._connection is None:
            return
        try:
            while True:
                self._connection.recv_messages(timeout=0)
        except TimeoutError:
            pass
        except Exception as exc:
            log.info("lost the system bus (%s)", type(exc).__name__)
            self.close()
        while self._signals:
            message = self._signals.popleft()
            going_to_sleep = bool(getattr(message, "body", (True,))[0])
            if not going_to_sleep:
                self.resumed.emit()
