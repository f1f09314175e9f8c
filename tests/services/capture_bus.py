"""A private session bus with a desktop's notification services on it (capture_servers.py), and
the ways apps send notifications: ``notify-send`` (libnotify), ``gdbus call`` to GLib's
org.gtk.Notifications and to the portal backend, and raw Notify calls through jeepney.

Import the fixtures into a test module: ``from tests.services.capture_bus import desktop, ...``.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.wrappers import unwrap_msg

SERVERS = Path(__file__).with_name("capture_servers.py")
FDO = "org.freedesktop.Notifications"
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def first_line(process: subprocess.Popen[bytes], timeout: float = 10.0) -> str:
    assert process.stdout is not None
    fd, data = process.stdout.fileno(), b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise AssertionError(f"no line within {timeout} s")
        chunk = os.read(fd, 1)
        if not chunk:
            raise AssertionError("the process closed its output")
        data += chunk
    return data.decode().strip()


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


class Bus:
    """A dbus-daemon of our own; ``address`` is where it listens."""

    def __init__(self) -> None:
        # A short folder: socket paths are limited to about 100 bytes.
        self.folder = tempfile.mkdtemp(prefix="wb-cap-")
        config = Path(self.folder) / "bus.conf"
        config.write_text(BUS_CONFIG.format(folder=self.folder), encoding="utf-8")
        self.daemon = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--print-address", "--nofork"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # it says who became a monitor, and fd limits
        )
        self.address = first_line(self.daemon)

    def close(self) -> None:
        stop(self.daemon)
        shutil.rmtree(self.folder, ignore_errors=True)


class Desktop:
    """The notification services of a desktop, running in a child process."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.process = subprocess.Popen(
            [sys.executable, str(SERVERS), address], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        assert first_line(self.process) == "ready"
        self._connection: DBusConnection | None = None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        stop(self.process)

    def notify_send(self, app: str, summary: str, body: str = "", *options: str) -> str:
        """``notify-send -a APP`` as a user's app would run it; returns what it printed."""
        result = subprocess.run(
            ["notify-send", "-a", app, *options, summary, body],
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.address},
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        )
        return result.stdout.strip()

    def gtk(self, app_id: str, notification_id: str, fields: str) -> None:
        """GLib's GNotification, as GNOME Shell receives it (``fields`` in GVariant text)."""
        self._gdbus(
            "org.gtk.Notifications",
            "/org/gtk/Notifications",
            "org.gtk.Notifications.AddNotification",
            app_id,
            notification_id,
            fields,
        )

    def portal(self, app_id: str, notification_id: str, fields: str) -> None:
        """A Flatpak app's notification, as xdg-desktop-portal hands it to the backend."""
        self._gdbus(
            "org.freedesktop.impl.portal.desktop.gnome",
            "/org/freedesktop/portal/desktop",
            "org.freedesktop.impl.portal.Notification.AddNotification",
            app_id,
            notification_id,
            fields,
        )

    def notify(
        self,
        app: str,
        summary: str,
        body: str = "",
        hints: dict[str, tuple[str, Any]] | None = None,
        replaces_id: int = 0,
        icon: str = "",
        actions: list[str] | None = None,
    ) -> int:
        """A raw Notify call (as Electron or Chrome make it); returns the notification's id."""
        if self._connection is None:
            self._connection = open_dbus_connection(self.address)
        address = DBusAddress("/org/freedesktop/Notifications", FDO, FDO)
        call = new_method_call(
            address,
            "Notify",
            "susssasa{sv}i",
            (app, replaces_id, icon, summary, body, actions or [], hints or {}, -1),
        )
        (notification_id,) = unwrap_msg(self._connection.send_and_get_reply(call, timeout=10))
        return int(notification_id)

    def _gdbus(self, destination: str, path: str, method: str, *arguments: str) -> None:
        subprocess.run(
            [
                "gdbus",
                "call",
                "--session",
                "--dest",
                destination,
                "--object-path",
                path,
                "--method",
                method,
                *arguments,
            ],
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.address},
            capture_output=True,
            timeout=20,
            check=True,
        )


@pytest.fixture
def private_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[Bus]:
    """A session bus of our own with nothing on it; the environment points at it."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (Debian package dbus)")
    bus = Bus()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    try:
        yield bus
    finally:
        bus.close()


@pytest.fixture
def desktop(private_bus: Bus) -> Iterator[Desktop]:
    """The private bus with a desktop's notification services on it."""
    for tool in ("notify-send", "gdbus"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (packaging/system-deps.sh installs it)")
    running = Desktop(private_bus.address)
    try:
        yield running
    finally:
        running.close()
