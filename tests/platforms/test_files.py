"""Private files, durable renames, reading flags and full disks: POSIX for real, Windows
simulated (no os.getuid, os.statvfs or O_NONBLOCK there; a folder cannot be opened)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tests.platforms.simulate import WINDOWS_O_BINARY, as_system, load_fresh
from wellbeing_app.platforms import files


def test_posix_files_are_made_private_and_renames_durable(tmp_path: Path) -> None:
    path = tmp_path / "backup.sqlite3"
    old = os.umask(0)
    try:
        files.create_private(path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        files.create_private(path)
    path.chmod(0o644)
    files.keep_private(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    files.sync_folder(tmp_path)
    assert files.READ_FLAGS & os.O_NONBLOCK  # opening a pipe never waits


def test_the_umask_is_read_without_being_changed(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        assert files.current_umask() == 0o027
        assert os.umask(0o027) == 0o027
    finally:
        os.umask(old)


def test_write_whole_replaces_a_file_in_one_step(tmp_path: Path) -> None:
    path = tmp_path / "entry.desktop"
    path.write_text("old")
    files.write_whole(path, b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.desktop"]  # no temporary left
    with pytest.raises(OSError):
        files.write_whole(tmp_path / "missing" / "entry.desktop", b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["entry.desktop"]


def test_windows_makes_no_posix_only_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    as_system(monkeypatch, "win32")
    windows = load_fresh("wellbeing_app.platforms.files")
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    monkeypatch.setattr(os, "chmod", _refused("os.chmod"))
    monkeypatch.setattr(os, "umask", _refused("os.umask"))

    assert windows.READ_FLAGS & WINDOWS_O_BINARY  # bytes as they are: no newline translation
    path = tmp_path / "backup.sqlite3"
    windows.create_private(path)
    assert path.exists()
    windows.keep_private(path)
    windows.sync_folder(tmp_path)  # a folder cannot be opened on Windows: nothing is tried
    assert synced == []
    assert windows.current_umask() == 0
    assert windows.read_only_disk(tmp_path) is False
    full = shutil._ntuple_diskusage(total=100, used=100, free=0)  # type: ignore[attr-defined]
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: full)
    assert windows.no_room_left(tmp_path) is True  # asked of shutil.disk_usage, not statvfs


def test_a_full_disk_is_told_on_posix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert files.no_room_left(tmp_path) is False
    assert files.read_only_disk(tmp_path) is False
    assert files.no_room_left(tmp_path / "missing") is False


def _refused(name: str) -> object:
    def call(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{name} called on the Windows path")

    return call
