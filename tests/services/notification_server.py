"""A tiny org.freedesktop.Notifications server for tests, run as a script on a private bus.

    python notification_server.py BUS_ADDRESS [--capabilities body,actions]

It prints "ready" once it owns the name, then one JSON line per Notify it receives (what a user
would have seen). A JSON line on stdin, {"invoke": ID, "action": "snooze"}, plays a click on a
button: ActionInvoked then NotificationClosed, as real servers do. It exits when stdin closes.
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import sys
from itertools import count
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    Message,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import DBusNameFlags, message_bus
from jeepney.io.blocking import DBusConnection, Proxy, open_dbus_connection

SERVICE = "org.freedesktop.Notifications"
EMITTER = DBusAddress("/org/freedesktop/Notifications", interface=SERVICE)
INTROSPECTION = f"""<node>
  <interface name="{SERVICE}">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{{sv}}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
</node>"""
DISMISSED = 2


class FakeServer:
    def __init__(self, connection: DBusConnection, capabilities: list[str]) -> None:
        self.connection = connection
        self.capabilities = capabilities
        self.ids = count(1)

    def answer(self, call: Message) -> Message:
        member = call.header.fields.get(HeaderFields.member)
        if member == "Notify":
            app_name, replaces_id, icon, summary, body, actions, hints, expire = call.body
            notification_id = replaces_id or next(self.ids)
            record = {
                "id": notification_id,
                "app_name": app_name,
                "app_icon": icon,
                "summary": summary,
                "body": body,
                "actions": actions,
                "hints": sorted(hints),
                "expire_timeout": expire,
            }
            print(json.dumps(record), flush=True)
            return new_method_return(call, "u", (notification_id,))
        if member == "GetCapabilities":
            return new_method_return(call, "as", (self.capabilities,))
        if member == "GetServerInformation":
            return new_method_return(call, "ssss", ("fake", "wellbeing tests", "1.0", "1.2"))
        if member == "CloseNotification":
            self.emit("NotificationClosed", "uu", (call.body[0], 3))
            return new_method_return(call)
        if member == "Introspect":
            return new_method_return(call, "s", (INTROSPECTION,))
        return new_error(call, "org.freedesktop.DBus.Error.UnknownMethod", "s", (str(member),))

    def emit(self, signal: str, signature: str, body: tuple[Any, ...]) -> None:
        self.connection.send(new_signal(EMITTER, signal, signature, body))

    def click(self, notification_id: int, action: str) -> None:
        self.emit("ActionInvoked", "us", (notification_id, action))
        self.emit("NotificationClosed", "uu", (notification_id, DISMISSED))

    def read_bus(self) -> None:
        try:
            while True:
                message = self.connection.receive(timeout=0)
                if message.header.message_type == MessageType.method_call:
                    self.connection.send(self.answer(message))
        except TimeoutError:
            pass  # nothing more to read now


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("address")
    parser.add_argument("--capabilities", default="body")
    args = parser.parse_args()

    connection = open_dbus_connection(args.address)
    (owned,) = Proxy(message_bus, connection, timeout=5).RequestName(
        SERVICE, DBusNameFlags.do_not_queue
    )
    assert owned == 1, f"could not own {SERVICE}: {owned}"
    server = FakeServer(connection, args.capabilities.split(","))
    print("ready", flush=True)

    selector = selectors.DefaultSelector()
    selector.register(connection.sock, selectors.EVENT_READ, "bus")
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ, "stdin")
    pending = b""
    while True:
        for key, _ in selector.select():
            if key.data == "bus":
                server.read_bus()
                continue
            chunk = os.read(sys.stdin.fileno(), 4096)
            if not chunk:
                return
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                command = json.loads(line)
                server.click(command["invoke"], command["action"])


if __name__ == "__main__":
    main()
