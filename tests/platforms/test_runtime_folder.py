"""The runtime folder for local sockets: POSIX for real (see also
tests/services/test_single_instance.py), none on Windows, where os.getuid does not exist."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import pytest

from tests.platforms.simulate import as_system, load_fresh
from wellbeing_app.platforms import runtime_folder


def test_windows_needs_no_runtime_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    as_system(monkeypatch, "win32")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    windows = load_fresh("wellbeing_app.platforms.runtime_folder")
    assert windows.NEEDED is False
    assert windows.runtime_folder() is None
    assert list(tmp_path.iterdir()) == []  # nothing made


def test_posix_makes_a_private_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert runtime_folder.NEEDED
    folder = runtime_folder.runtime_folder()
    assert folder is not None and folder.parent == tmp_path
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert runtime_folder.is_private(folder)
