"""The three notification services a desktop runs, played for tests on a private bus:

- org.freedesktop.Notifications (Notify; answers like a real server, ids counting up, a
  replaces_id kept);
- org.gtk.Notifications (AddNotification, as GNOME Shell takes GLib's notifications);
- org.freedesktop.impl.portal.desktop.gnome (the portal backend: AddNotification, which it
  forwards to org.gtk.Notifications, as xdg-desktop-portal-gnome does).

    python capture_servers.py BUS_ADDRESS

Prints "ready" once every name is owned, then nothing (so a burst cannot fill the pipe). It
exits when stdin closes.
"""

from __future__ import annotations

import os
import selectors
import sys
from itertools import count

from jeepney import (
    DBusAddress,
    HeaderFields,
    Message,
    MessageType,
    new_error,
    new_method_call,
    new_method_return,
)
from jeepney.bus_messages import DBusNameFlags, message_bus
from jeepney.io.blocking import DBusConnection, Proxy, open_dbus_connection
from jeepney.low_level import MessageFlag

FDO = "org.freedesktop.Notifications"
GTK = "org.gtk.Notifications"
PORTAL_NAME = "org.freedesktop.impl.portal.desktop.gnome"
PORTAL = "org.freedesktop.impl.portal.Notification"
SHELL = DBusAddress("/org/gtk/Notifications", bus_name=GTK, interface=GTK)


def own(connection: DBusConnection, *names: str) -> None:
    proxy = Proxy(message_bus, connection, timeout=5)
    for name in names:
        (owned,) = proxy.RequestName(name, DBusNameFlags.do_not_queue)
        assert owned == 1, f"could not own {name}: {owned}"


class Desktop:
    def __init__(self, shell: DBusConnection, portal: DBusConnection) -> None:
        self.shell = shell
        self.portal = portal
        self.ids = count(1)

    def answer(self, connection: DBusConnection, call: Message) -> None:
        fields = call.header.fields
        member = fields.get(HeaderFields.member)
        interface = fields.get(HeaderFields.interface)
        if member == "Notify":
            replaces_id = call.body[1]
            reply = new_method_return(call, "u", (replaces_id or next(self.ids),))
        elif member == "GetCapabilities":
            reply = new_method_return(call, "as", (["body", "actions"],))
        elif member == "GetServerInformation":
            reply = new_method_return(call, "ssss", ("fake", "wellbeing tests", "1.0", "1.2"))
        elif member == "AddNotification" and interface == PORTAL:
            app_id, notification_id, notification = call.body
            forward = new_method_call(
                SHELL, "AddNotification", "ssa{sv}", (app_id, notification_id, notification)
            )
            forward.header.flags |= MessageFlag.no_reply_expected
            self.portal.send(forward)
            reply = new_method_return(call)
        elif member in ("AddNotification", "RemoveNotification", "CloseNotification"):
            reply = new_method_return(call)
        else:
            reply = new_error(call, "org.freedesktop.DBus.Error.UnknownMethod", "s", (str(member),))
        if not call.header.flags & MessageFlag.no_reply_expected:
            connection.send(reply)

    def read(self, connection: DBusConnection) -> None:
        try:
            while True:
                message = connection.receive(timeout=0)
                if message.header.message_type == MessageType.method_call:
                    self.answer(connection, message)
        except TimeoutError:
            pass


def main() -> None:
    address = sys.argv[1]
    shell = open_dbus_connection(address)
    own(shell, FDO, GTK)
    portal = open_dbus_connection(address)
    own(portal, PORTAL_NAME)
    desktop = Desktop(shell, portal)
    print("ready", flush=True)
    selector = selectors.DefaultSelector()
    selector.register(shell.sock, selectors.EVENT_READ, shell)
    selector.register(portal.sock, selectors.EVENT_READ, portal)
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ, None)
    while True:
        for key, _ in selector.select():
            if key.data is None:
                if not os.read(sys.stdin.fileno(), 4096):
                    return
                continue
            desktop.read(key.data)


if __name__ == "__main__":
    main()
