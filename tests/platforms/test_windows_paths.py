"""Paths the app takes that are Linux's alone, walked as Windows would walk them: no Unix
sockets (AF_UNIX), no jeepney (installed on Linux only), no os.getuid. Each says "not here"
instead of raising."""

from __future__ import annotations

import socket
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.platforms.simulate import as_system, load_fresh

JEEPNEY = (
    "jeepney",
    "jeepney.bus_messages",
    "jeepney.io",
    "jeepney.io.blocking",
    "jeepney.wrappers",
)


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    as_system(monkeypatch, "win32")
    monkeypatch.delattr(socket, "AF_UNIX", raising=False)
    monkeypatch.delattr(socket, "SO_PEERCRED", raising=False)
    for name in JEEPNEY:
        monkeypatch.setitem(sys.modules, name, None)


def test_capture_apps_asks_no_running_app(windows: None, tmp_path: Path) -> None:
    from wellbeing_app.cli.capture import ask_running_app

    assert ask_running_app(tmp_path) is None


def test_the_tray_app_does_not_listen_for_capture_apps(
    windows: None, tmp_path: Path, qapp: object
) -> None:
    from wellbeing_app.services.capture_socket import CaptureAnswer

    answer = CaptureAnswer(tmp_path / "capture.sock", dict)
    assert answer.listen() is False
    answer.close()


def test_the_notification_watch_loads_without_jeepney(windows: None, qapp: object) -> None:
    capture = load_fresh("wellbeing_app.services.notification_capture")
    watch = capture.NotificationCapture(lambda: datetime(2026, 11, 15, tzinfo=UTC), environ={})
    assert watch.start() is False  # no session bus: said before jeepney would be needed
    assert watch.problem is not None


def test_no_display_check_uses_unix_sockets(windows: None) -> None:
    from wellbeing_app.services.loader import _answers, display_problem

    assert display_problem({"DISPLAY": ":0"}) is None
    assert _answers("/tmp/.X11-unix/X0") is False
