"""Notifications reach a real notification server on a private session bus, or else the tray;
a failure never raises and never logs the text."""

from __future__ import annotations

import json
import logging
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import plyer
import pytest
from pytestqt.qtbot import QtBot

from wellbeing_app.services.notifier import Notifier

# The D-Bus side is Linux only (jeepney is installed there alone).
desktop_notifications = pytest.importorskip("wellbeing_app.services.desktop_notifications")

SERVER_SCRIPT = Path(__file__).with_name("notification_server.py")
TITLE = "Time to disconnect"
TEXT = "Your shift ended at 17:00."
HEADS_UP = "Its choices wait in Wellbeing until you answer."
from tests.services.capture_bus import BUS_CONFIG  # noqa: E402  (Linux only, like jeepney)


class Lines:
    """A child's stdout, line by line, waiting for each at most ``timeout`` seconds."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        self._fd = process.stdout.fileno()
        self._pending = b""

    def next(self, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._pending:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._fd], [], [], left)[0]:
                raise AssertionError(f"no line within {timeout} s")
            chunk = os.read(self._fd, 4096)
            if not chunk:
                raise AssertionError("the process closed its output")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return line.decode()


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


@pytest.fixture
def private_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A session bus of our own, with nothing on it that could be started on demand; the
    environment points at it. Yields its address."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (Debian package dbus)")
    # A short folder: socket paths are limited to about 100 bytes.
    folder = tempfile.mkdtemp(prefix="wb-bus-")
    config = Path(folder) / "bus.conf"
    config.write_text(BUS_CONFIG.format(folder=folder), encoding="utf-8")
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--print-address", "--nofork"],
        stdout=subprocess.PIPE,
    )
    try:
        address = Lines(daemon).next()
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address
    finally:
        stop(daemon)
        shutil.rmtree(folder, ignore_errors=True)


class NotificationServer:
    """The fake server of notification_server.py, running in a child process."""

    def __init__(self, address: str, capabilities: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(SERVER_SCRIPT), address, f"--capabilities={capabilities}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.lines = Lines(self.process)
        assert self.lines.next() == "ready"

    def received(self) -> dict[str, Any]:
        """The next notification the server was asked to show."""
        record: dict[str, Any] = json.loads(self.lines.next())
        return record

    def click(self, notification_id: int, action: str) -> None:
        assert self.process.stdin is not None
        command = {"invoke": notification_id, "action": action}
        self.process.stdin.write(json.dumps(command).encode() + b"\n")
        self.process.stdin.flush()


@pytest.fixture
def start_server(private_bus: str) -> Iterator[Callable[[str], NotificationServer]]:
    """Starts a notification server on the private bus with the given capabilities."""
    servers: list[NotificationServer] = []

    def start(capabilities: str = "body") -> NotificationServer:
        servers.append(NotificationServer(private_bus, capabilities))
        return servers[-1]

    yield start
    for server in servers:
        stop(server.process)


class TrayMessages:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(self, title: str, text: str) -> None:
        self.shown.append((title, text))


@pytest.fixture
def notifier(qtbot: QtBot) -> Iterator[tuple[Notifier, TrayMessages]]:
    tray = TrayMessages()
    notifier = Notifier(tray)
    yield notifier, tray
    notifier.close()


@pytest.fixture
def plyer_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replaces plyer's notify with a recorder that succeeds."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(plyer.notification, "notify", lambda **kw: calls.append(kw))
    return calls


def test_a_reminder_reaches_a_real_notification_server(
    start_server: Callable[[str], NotificationServer],
    notifier: tuple[Notifier, TrayMessages],
) -> None:
    server = start_server("body")
    notify, tray = notifier
    assert notify.notify(TITLE, TEXT) == "desktop"
    arrived = server.received()
    assert (arrived["summary"], arrived["body"]) == (TITLE, TEXT)
    assert arrived["app_name"] == "Wellbeing"
    assert tray.shown == []


def test_buttons_reach_the_server_and_a_click_comes_back(
    qtbot: QtBot,
    start_server: Callable[[str], NotificationServer],
    notifier: tuple[Notifier, TrayMessages],
) -> None:
    server = start_server("actions,body")
    notify, _ = notifier
    buttons = [("end_shift", "End shift"), ("snooze", "Snooze 15 min")]
    sent = notify.notify(TITLE, TEXT, key="end-of-shift-1", actions=buttons, heads_up=HEADS_UP)
    assert sent == "desktop"
    arrived = server.received()
    assert (arrived["summary"], arrived["body"]) == (TITLE, TEXT)  # the buttons are right there
    assert arrived["actions"] == [
        *("end_shift", "End shift", "snooze", "Snooze 15 min"),
        *("default", "Open"),
    ]
    assert arrived["app_icon"].endswith("wellbeing-app.svg")
    assert Path(arrived["app_icon"]).is_file()
    with qtbot.waitSignal(notify.activated, timeout=5000) as clicked:
        server.click(arrived["id"], "snooze")
    assert clicked.args == ["end-of-shift-1", "snooze"]


def test_without_buttons_on_the_server_plyer_sends_the_text_alone(
    start_server: Callable[[str], NotificationServer],
    notifier: tuple[Notifier, TrayMessages],
) -> None:
    server = start_server("body")
    notify, _ = notifier
    assert notify.notify(TITLE, TEXT, key="k", actions=[("snooze", "Snooze")]) == "desktop"
    arrived = server.received()
    assert (arrived["summary"], arrived["body"], arrived["actions"]) == (TITLE, TEXT, [])


@pytest.mark.parametrize("server", [None, frozenset({"body"})], ids=["tray", "no buttons"])
def test_where_buttons_cannot_show_the_text_says_where_the_choices_wait(
    server: frozenset[str] | None,
    monkeypatch: pytest.MonkeyPatch,
    plyer_calls: list[dict[str, Any]],
    notifier: tuple[Notifier, TrayMessages],
) -> None:
    monkeypatch.setattr(desktop_notifications, "server_capabilities", lambda _: server)
    notify, tray = notifier
    buttons = [("end_shift", "End shift now")]
    notify.notify(TITLE, TEXT, key="k", actions=buttons, heads_up=HEADS_UP)
    shown = tray.shown + [(call["title"], call["message"]) for call in plyer_calls]
    assert shown == [(TITLE, f"{TEXT} {HEADS_UP}")]


@pytest.mark.parametrize(
    "failure",
    [NotImplementedError(), ImportError("no plyer"), RuntimeError(f"dbus said: {TEXT}")],
    ids=["no backend", "not installed", "raises"],
)
def test_a_failing_plyer_falls_back_to_the_tray(
    failure: Exception,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    notifier: tuple[Notifier, TrayMessages],
) -> None:
    def fail(**_: object) -> None:
        raise failure

    monkeypatch.setattr(desktop_notifications, "server_capabilities", lambda _: frozenset())
    monkeypatch.setattr(plyer.notification, "notify", fail)
    notify, tray = notifier
    with caplog.at_level(logging.DEBUG):
        assert notify.notify(TITLE, TEXT) == "tray"
    assert tray.shown == [(TITLE, TEXT)]
    assert TITLE in caplog.text
    assert "17:00" not in caplog.text  # the text may quote the user's notes


def test_no_session_bus_means_the_tray(
    monkeypatch: pytest.MonkeyPatch,
    plyer_calls: list[dict[str, Any]],
    notifier: tuple[Notifier, TrayMessages],
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    notify, tray = notifier
    assert notify.notify(TITLE, TEXT) == "tray"
    assert tray.shown == [(TITLE, TEXT)]
    assert plyer_calls == []  # notify-send would have failed silently


def test_a_bus_without_a_notification_server_means_the_tray(
    private_bus: str,
    plyer_calls: list[dict[str, Any]],
    notifier: tuple[Notifier, TrayMessages],
) -> None:
    notify, tray = notifier
    assert notify.notify(TITLE, TEXT) == "tray"
    assert tray.shown == [(TITLE, TEXT)]
    assert plyer_calls == []


def test_a_silent_bus_costs_a_second_at_most(
    monkeypatch: pytest.MonkeyPatch,
    plyer_calls: list[dict[str, Any]],
    notifier: tuple[Notifier, TrayMessages],
) -> None:
    folder = tempfile.mkdtemp(prefix="wb-silent-")
    path = os.path.join(folder, "bus")
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(path)
        listener.listen()  # accepts connections, never answers them
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={path}")
        notify, tray = notifier
        started = time.monotonic()
        assert notify.notify(TITLE, TEXT) == "tray"
        assert time.monotonic() - started < 2.5
    shutil.rmtree(folder, ignore_errors=True)
    assert tray.shown == [(TITLE, TEXT)]


def test_the_server_check_is_remembered_for_a_while(
    monkeypatch: pytest.MonkeyPatch,
    plyer_calls: list[dict[str, Any]],
    notifier: tuple[Notifier, TrayMessages],
) -> None:
    checks: list[float] = []

    def check(timeout: float) -> frozenset[str]:
        checks.append(timeout)
        return frozenset({"body"})

    monkeypatch.setattr(desktop_notifications, "server_capabilities", check)
    notify, _ = notifier
    assert notify.notify(TITLE, TEXT) == notify.notify("Again", "And again.") == "desktop"
    assert len(checks) == 1
    assert checks[0] <= 1.0
    assert [call["title"] for call in plyer_calls] == [TITLE, "Again"]


def test_a_failing_tray_message_never_raises(
    monkeypatch: pytest.MonkeyPatch, plyer_calls: list[dict[str, Any]], qtbot: QtBot
) -> None:
    def broken(title: str, text: str) -> None:
        raise RuntimeError("no tray")

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert Notifier(broken).notify(TITLE, TEXT) == "tray"
