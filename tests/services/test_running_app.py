"""The real program in its own process: starts without D-Bus, hands over, quits on SIGTERM."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DEADLINE_S = 60  # generous: CI machines are busy; nothing waits this long when all is well


def read_until(proc: subprocess.Popen[str], text: str) -> str:
    """Read the process's stderr until it contains ``text`` (waits on the pipe, no sleep).

    Reads the pipe itself, not through Python's buffered file: a line already buffered there
    would not wake the selector, and the wait would last until the deadline."""
    assert proc.stderr is not None
    fd = proc.stderr.fileno()
    seen = ""
    deadline = time.monotonic() + DEADLINE_S
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not selector.select(timeout=deadline - time.monotonic()):
                break
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            seen += chunk.decode(errors="replace")
            if text in seen:
                return seen
    raise AssertionError(f"never saw {text!r}; stderr was:\n{seen}")


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DBUS_")}
    env["DBUS_SYSTEM_BUS_ADDRESS"] = f"unix:path={tmp_path}/no-system-bus"
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["WELLBEING_APP_DATA_DIR"] = str(tmp_path / "data")
    return env


def test_runs_without_dbus_hands_over_and_quits_cleanly(app_env: dict[str, str]) -> None:
    first = subprocess.Popen(
        [sys.executable, "-m", "wellbeing_app"], env=app_env, stderr=subprocess.PIPE, text=True
    )
    try:
        read_until(first, "database ready")
        second = subprocess.run(
            [sys.executable, "-m", "wellbeing_app"],
            env=app_env,
            capture_output=True,
            text=True,
            timeout=DEADLINE_S,
        )
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        read_until(first, "asked this instance to show itself")
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=DEADLINE_S) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
