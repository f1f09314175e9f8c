"""Freedesktop notifications over the session bus (Linux, jeepney): whether a server is there, and
notifications with buttons whose clicks come back to us.

PySide6's QtDBus cannot marshal a valid Notify call, so this talks D-Bus with jeepney; the
connection that hears the clicks is watched by a QSocketNotifier, so no thread and no timer.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, HeaderFields, Message, new_method_call
from jeepney.bus_messages import MatchRule, message_bus
from jeepney.io.blocking import DBusConnection, Proxy, open_dbus_connection
from jeepney.wrappers import unwrap_msg
from PySide6.QtCore import QObject, QSocketNotifier, Signal

from wellbeing_app.core.language import _

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
NOTIFICATIONS = DBusAddress("/org/freedesktop/Notifications", SERVICE, SERVICE)
DESKTOP_ENTRY = "io.github.wellbeing_app.WellbeingApp"


def server_capabilities(timeout: float = 1.0) -> frozenset[str] | None:
    """What the notification server on the session bus can do ("actions", "body", ...), or None
    when there is no session bus or nobody serves notifications on it. Takes ``timeout`` at most
    (bar a bus that authenticates us and then falls silent, which jeepney cannot bound)."""
    deadline = time.monotonic() + timeout

    def left() -> float:
        return max(deadline - time.monotonic(), 0.01)

    try:
        # KeyError without DBUS_SESSION_BUS_ADDRESS, OSError without a socket, TimeoutError...
        with open_dbus_connection("SESSION", auth_timeout=timeout) as conn:
            (owned,) = Proxy(message_bus, conn).NameHasOwner(SERVICE, _timeout=left())
            if not owned:
                return None
            try:
                reply = conn.send_and_get_reply(
                    new_method_call(NOTIFICATIONS, "GetCapabilities"), timeout=left()
                )
                (capabilities,) = unwrap_msg(reply)
            except Exception as exc:  # a server that will not say: assume the basics
                log.info("Notification server gave no capabilities (%s)", type(exc).__name__)
                return frozenset()
            return frozenset(str(name) for name in capabilities)
    except Exception as exc:
        log.info("No notification server on the session bus (%s)", type(exc).__name__)
        return None


class DesktopNotifications(QObject):
    """Notifications with buttons, sent on one session-bus connection that stays open to hear
    which button the user clicked."""

    activated = Signal(str, str)  # key, action id ("default" for a click on the body)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connection: DBusConnection | None = None
        self._watcher: QSocketNotifier | None = None
        self._signals: deque[Message] = deque()
        self._keys: dict[int, str] = {}  # notification id -> the caller's key

    def send(
        self,
        title: str,
        text: str,
        key: str,
        actions: Sequence[tuple[str, str]],
        icon: Path,
        timeout: float = 1.0,
    ) -> None:
        """Show a notification with ``actions`` as (id, label) buttons; raises on any failure."""
        connection = self._connect(timeout)
        if all(action_id != "default" for action_id, _label in actions):
            actions = [*actions, ("default", _("Open"))]
        flat = [part for action in actions for part in action]
        hints = {"desktop-entry": ("s", DESKTOP_ENTRY)}
        body = ("Wellbeing", 0, str(icon), title, text, flat, hints, 10_000)
        message = new_method_call(NOTIFICATIONS, "Notify", "susssasa{sv}i", body)
        try:
            (notification_id,) = unwrap_msg(connection.send_and_get_reply(message, timeout=timeout))
        except Exception:
            self.close()
            raise
        self._keys[int(notification_id)] = key
        self._dispatch()  # signals that arrived while we waited for the reply

    def close(self) -> None:
        """Hang up; the next ``send`` connects again."""
        if self._watcher is not None:
            self._watcher.setEnabled(False)
            self._watcher.deleteLater()
            self._watcher = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self._keys.clear()

    def _connect(self, timeout: float) -> DBusConnection:
        if self._connection is not None:
            return self._connection
        connection = open_dbus_connection("SESSION", auth_timeout=timeout)
        try:
            rule = MatchRule(type="signal", interface=SERVICE, path=NOTIFICATIONS.object_path)
            Proxy(message_bus, connection, timeout=timeout).AddMatch(rule)
            connection.filter(rule, queue=self._signals)
        except Exception:
            connection.close()
            raise
        self._watcher = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._watcher.activated.connect(self._dispatch)
        self._connection = connection
        return connection

    def _dispatch(self, *_args: object) -> None:
        """Read whatever the bus has sent, without blocking, and act on our signals."""
        lost = False
        if self._connection is not None:
            try:
                while True:
                    self._connection.recv_messages(timeout=0)
            except TimeoutError:
                pass  # nothing more to read now
            except Exception as exc:  # the bus went away
                log.info("Lost the session bus (%s)", type(exc).__name__)
                lost = True
        while self._signals:
            self._on_signal(self._signals.popleft())
        if lost:
            self.close()

    def _on_signal(self, message: Message) -> None:
        member = message.header.fields.get(HeaderFields.member)
        body: Any = message.body
        if member == "ActionInvoked":
            notification_id, action_id = body
            key = self._keys.get(int(notification_id))
            if key is not None:
                self.activated.emit(key, str(action_id))
        elif member == "NotificationClosed":
            self._keys.pop(int(body[0]), None)
