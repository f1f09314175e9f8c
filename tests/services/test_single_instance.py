"""One app per data folder: the second launch hands over to the first and leaves; the lock and
the hand-over socket cannot be faked or taken by another user."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from wellbeing_app.core.store.lock import held_elsewhere
from wellbeing_app.services.single_instance import SingleInstance, runtime_folder


def test_second_instance_hands_over_to_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.acquire()
    first.listen()
    second = SingleInstance(tmp_path)
    assert not second.acquire()
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.hand_over()
    first.release()


def test_another_data_folder_is_another_instance(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = SingleInstance(tmp_path / "a"), SingleInstance(tmp_path / "b")
    assert a.server_name != b.server_name
    assert a.acquire() and b.acquire()
    a.release()
    b.release()


def test_released_lock_can_be_taken_again(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.acquire()
    first.release()
    again = SingleInstance(tmp_path)
    assert again.acquire()
    again.release()


def test_hand_over_fails_cleanly_when_nobody_listens(qtbot: QtBot, tmp_path: Path) -> None:
    assert not SingleInstance(tmp_path).hand_over()


def test_one_folder_under_two_names_is_one_instance(qtbot: QtBot, tmp_path: Path) -> None:
    from wellbeing_app.core.store.paths import resolve_paths

    (tmp_path / "data").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "data")
    first = SingleInstance(resolve_paths(tmp_path / "data").data_dir)
    assert first.acquire()
    first.listen()
    second = SingleInstance(resolve_paths(tmp_path / "link" / ".." / "link").data_dir)
    assert not second.acquire()
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.hand_over()
    first.release()


# --- a lock and a socket no one else can fake or take ---------------------------------------


def private_folder(path: Path) -> Path:
    path.mkdir(mode=0o700)
    path.chmod(0o700)
    return path


def test_the_socket_lives_in_the_users_runtime_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = private_folder(tmp_path / "run")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    (tmp_path / "data").mkdir()
    first = SingleInstance(tmp_path / "data")
    assert Path(first.server_name).parent == runtime
    assert first.acquire()
    first.listen()
    assert stat.S_ISSOCK(os.stat(first.server_name).st_mode)
    second = SingleInstance(tmp_path / "data")
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.hand_over()
    first.release()


def test_without_a_runtime_folder_a_private_one_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = runtime_folder()
    assert folder == tmp_path / f"wellbeing-app-{os.getuid()}"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert Path(SingleInstance(tmp_path).server_name).parent == folder


def test_a_folder_others_can_enter_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared-run"
    shared.mkdir()
    shared.chmod(0o777)  # as XDG_RUNTIME_DIR set wrongly, or a folder someone made first
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    taken = tmp_path / f"wellbeing-app-{os.getuid()}"
    taken.mkdir()
    taken.chmod(0o755)
    assert runtime_folder() is None
    link = tmp_path / "link"
    link.symlink_to(private_folder(tmp_path / "real"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(link))
    assert runtime_folder() is None  # a symbolic link could be swapped: not trusted


def test_a_lock_left_with_a_reused_pid_does_not_block_the_start(tmp_path: Path) -> None:
    # A crashed app left its lock file; its PID now belongs to a live process (this one, and
    # PID 1): only a process holding the lock counts, so the app starts.
    for pid in (os.getpid(), 1):
        (tmp_path / "wellbeing-app.lock").write_text(f"{pid}\nwellbeing-app\nlocalhost\n")
        instance = SingleInstance(tmp_path)
        assert instance.acquire()
        instance.release()


def test_the_lock_is_free_the_moment_its_holder_is_killed(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from wellbeing_app.core.store.lock import InstanceLock\n"
            "lock = InstanceLock(Path(sys.argv[1]))\n"
            "print(lock.acquire(), flush=True)\n"
            "sys.stdin.readline()\n",
            str(tmp_path / "wellbeing-app.lock"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        assert not SingleInstance(tmp_path).acquire()
        assert held_elsewhere(tmp_path / "wellbeing-app.lock")
    finally:
        holder.kill()
        holder.wait(timeout=10)
    instance = SingleInstance(tmp_path)
    assert instance.acquire()
    instance.release()
