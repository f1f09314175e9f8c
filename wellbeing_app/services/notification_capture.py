"""Watching the session bus for other apps' desktop notifications (Linux, jeepney), and telling
the app about each one from a work app: which app, the source it counts as, and when.

The watch runs on a connection of its own, since a monitor connection can only listen
(``org.freedesktop.DBus.Monitoring.BecomeMonitor``). A QSocketNotifier on its socket wakes the
GUI thread only when the bus has sent something: no thread, no timer, no wake-ups while nothing
arrives. Each message is read into the sending app's names and then dropped (see
``core.capture.reading``); the text of a notification is never logged or kept, and neither is
the name of an app that is not a work app. jeepney, installed on Linux only, is imported when
watching starts, so that the app imports this module on Windows and macOS too.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from wellbeing_app.core.capture.apps import is_ours, source_for
from wellbeing_app.core.capture.availability import NO_SESSION_BUS, session_bus_address
from wellbeing_app.core.capture.bursts import ForwardedCopies
from wellbeing_app.core.capture.reading import FDO, MATCH_RULES, WorkNotification, read_message
from wellbeing_app.core.capture.seen import AppsSeen
from wellbeing_app.core.language import N_, _

if TYPE_CHECKING:
    from jeepney import Message
    from jeepney.io.blocking import DBusConnection

log = logging.getLogger(__name__)

MONITORING = "org.freedesktop.DBus.Monitoring"
NO_SERVER = N_(
    "No notification server is running on this desktop, so no notification is shown or "
    "counted until one starts."
)
REFUSED = N_(
    "The session bus does not let Wellbeing watch notifications ({name}). Log pings by hand "
    "meanwhile."
)
# TRANSLATORS: {name} is the name of the error, for whoever looks into it.
UNREACHABLE = N_("The session bus could not be reached ({name}). Log pings by hand meanwhile.")
LOST = N_("The session bus went away; counting stopped until Wellbeing can watch it again.")


class NotificationCapture(QObject):
    """Emits ``noticed`` with a :class:`WorkNotification` for each new notification of a work
    app, on the GUI thread; keeps the apps seen since start-up in ``seen``."""

    noticed = Signal(object)  # WorkNotification
    status_changed = Signal()

    def __init__(
        self,
        now: Callable[[], datetime],
        parent: QObject | None = None,
        timeout: float = 1.0,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._timeout = timeout
        self._environ = environ
        self._connection: DBusConnection | None = None
        self._watcher: QSocketNotifier | None = None
        self._mappings: dict[str, str] = {}
        self._forwarded = ForwardedCopies()
        self.seen = AppsSeen()
        self.problem: str | None = None  # why not listening, or why nothing will come
        self.server_running: bool | None = None  # a notification server on the bus?

    @property
    def listening(self) -> bool:
        return self._connection is not None

    def set_mappings(self, mappings: Mapping[str, str]) -> None:
        """The user's mappings (app -> source or ``ignore``), applied from the next message."""
        self._mappings = dict(mappings)

    def start(self) -> bool:
        """Start watching; False (and ``problem`` says why) when the bus cannot be watched."""
        if self._connection is not None:
            return True
        address = session_bus_address(os.environ if self._environ is None else self._environ)
        if address is None:
            return self._failed(_(NO_SESSION_BUS))
        from jeepney import DBusAddress, new_method_call
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import Proxy, open_dbus_connection
        from jeepney.wrappers import DBusErrorResponse, unwrap_msg

        monitoring = DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus", MONITORING)
        try:
            connection = open_dbus_connection(address, auth_timeout=self._timeout)
        except Exception as exc:  # no socket, refused, a silent bus...
            return self._failed(_(UNREACHABLE).format(name=type(exc).__name__))
        try:
            (owned,) = Proxy(message_bus, connection, timeout=self._timeout).NameHasOwner(FDO)
            call = new_method_call(monitoring, "BecomeMonitor", "asu", (list(MATCH_RULES), 0))
            unwrap_msg(connection.send_and_get_reply(call, timeout=self._timeout))
        except DBusErrorResponse as exc:
            connection.close()
            return self._failed(_(REFUSED).format(name=exc.name))
        except Exception as exc:
            connection.close()
            return self._failed(_(UNREACHABLE).format(name=type(exc).__name__))
        self._connection = connection
        self.server_running = bool(owned)
        self.problem = None if owned else _(NO_SERVER)
        self._watcher = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._watcher.activated.connect(self.read_bus)
        log.info("counting work notifications: watching the session bus")
        self.read_bus()  # whatever arrived with the reply
        self.status_changed.emit()
        return True

    def stop(self) -> None:
        """Stop watching (the apps seen are kept until the app quits)."""
        if self._watcher is not None:
            self._watcher.setEnabled(False)
            self._watcher.deleteLater()
            self._watcher = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
            log.info("counting work notifications: stopped watching")
            self.status_changed.emit()

    def read_bus(self, *_args: object) -> None:
        """Read every message the bus has sent, without blocking."""
        connection = self._connection
        if connection is None:
            return
        try:
            while True:
                self._on_message(connection.receive(timeout=0))
        except TimeoutError:
            return  # nothing more now
        except Exception as exc:  # the bus went away, or sent what jeepney cannot parse
            log.info("counting work notifications: lost the session bus (%s)", type(exc).__name__)
            self.stop()
            self.problem = _(LOST)
            self.status_changed.emit()

    def _on_message(self, message: Message) -> None:
        from jeepney import HeaderFields, MessageType  # loaded by start(): a lookup

        fields = message.header.fields
        member = fields.get(HeaderFields.member)
        if message.header.message_type is MessageType.signal:
            if member == "NameOwnerChanged":
                self._on_owner_changed(message.body)
            return
        if message.header.message_type is not MessageType.method_call:
            return
        sender = read_message(fields.get(HeaderFields.interface), member, message.body)
        del message  # the text goes with it
        if sender is None or sender.update or is_ours(sender.names):
            return
        source = source_for(sender.names, self._mappings)
        at = self._now()
        if source is not None and self._forwarded.is_copy(source, at, sender.path):
            return  # the portal's copy of a notification already seen
        self.seen.add(sender)
        if source is not None:
            self.noticed.emit(WorkNotification(sender.app, source, at, sender.path))

    def _on_owner_changed(self, body: Any) -> None:
        try:
            name, _old, new = body
        except (TypeError, ValueError):
            return
        if name == FDO:
            self.server_running = bool(new)
            self.problem = None if new else _(NO_SERVER)
            self.status_changed.emit()

    def _failed(self, problem: str) -> bool:
        log.info("counting work notifications is not possible: %s", problem)
        self.problem = problem
        self.status_changed.emit()
        return False
