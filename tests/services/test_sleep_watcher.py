"""logind's word that the machine woke up reaches the app; without a system bus, nothing breaks."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

jeepney = pytest.importorskip("jeepney")

from jeepney import DBusAddress, new_signal  # noqa: E402
from jeepney.bus_messages import message_bus  # noqa: E402
from jeepney.io.blocking import Proxy, open_dbus_connection  # noqa: E402

from wellbeing_app.services.sleep_watcher import SleepWatcher  # noqa: E402

CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*"/><allow eavesdrop="true"/><allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def system_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A system bus of our own; DBUS_SYSTEM_BUS_ADDRESS points at it."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (Debian package dbus)")
    folder = tempfile.mkdtemp(prefix="wb-sys-")
    (Path(folder) / "bus.conf").write_text(CONFIG.format(folder=folder), encoding="utf-8")
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={folder}/bus.conf", "--print-address", "--nofork"],
        stdout=subprocess.PIPE,
    )
    try:
        assert daemon.stdout is not None
        ready = select.select([daemon.stdout], [], [], 10)[0]
        assert ready, "the bus did not start"
        address = daemon.stdout.readline().decode().strip()
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", address)
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=5)
        daemon.stdout.close()  # type: ignore[union-attr]
        shutil.rmtree(folder, ignore_errors=True)


def test_waking_up_is_heard(qtbot: QtBot, system_bus: str) -> None:
    watcher = SleepWatcher()
    assert watcher.listening
    with open_dbus_connection("SYSTEM") as logind:
        Proxy(message_bus, logind).RequestName("org.freedesktop.login1")
        manager = DBusAddress("/org/freedesktop/login1", interface="org.freedesktop.login1.Manager")
        logind.send(new_signal(manager, "PrepareForSleep", "b", (True,)))
        with qtbot.waitSignal(watcher.resumed, timeout=5000):
            logind.send(new_signal(manager, "PrepareForSleep", "b", (False,)))
    watcher.close()


def test_no_system_bus_is_no_problem(qtbot: QtBot, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path}/nothing-here")
    started = time.monotonic()
    watcher = SleepWatcher()
    assert not watcher.listening
    assert time.monotonic() - started < 2
    watcher.close()
    assert os.environ["DBUS_SYSTEM_BUS_ADDRESS"].endswith("nothing-here")
