"""The instance lock on each system: flock on Linux (for real), msvcrt.locking on Windows
(simulated: fcntl cannot be imported there)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.platforms.simulate import FakeMsvcrt, as_system, load_fresh
from wellbeing_app.core.store import lock
from wellbeing_app.core.store.lock import InstanceLock, held_elsewhere


def test_on_windows_the_lock_is_msvcrt_locking_and_fcntl_is_never_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    msvcrt = FakeMsvcrt()
    as_system(monkeypatch, "win32", {"msvcrt": msvcrt})
    windows = load_fresh("wellbeing_app.platforms.file_lock")
    monkeypatch.setattr(lock, "try_lock", windows.try_lock)
    monkeypatch.setattr(lock, "unlock", windows.unlock)
    path = tmp_path / "wellbeing-app.lock"

    first, second = InstanceLock(path), InstanceLock(path)
    assert first.acquire()
    assert msvcrt.held  # the first byte, locked through msvcrt
    assert not second.acquire()
    assert held_elsewhere(path)
    first.release()
    assert not msvcrt.held
    assert not held_elsewhere(path)
    assert second.acquire()
    second.release()
    assert sys.modules["fcntl"] is None  # blocked all along: any import of it would have failed


def test_elsewhere_the_lock_is_flock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    as_system(monkeypatch, "darwin")
    posix = load_fresh("wellbeing_app.platforms.file_lock")
    assert posix.fcntl is sys.modules["fcntl"]
    path = tmp_path / "wellbeing-app.lock"
    monkeypatch.setattr(lock, "try_lock", posix.try_lock)
    monkeypatch.setattr(lock, "unlock", posix.unlock)
    first, second = InstanceLock(path), InstanceLock(path)
    assert first.acquire() and not second.acquire()
    first.release()
    assert second.acquire()
    second.release()
