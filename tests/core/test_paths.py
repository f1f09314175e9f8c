"""Where the data lives: --data-dir, then WELLBEING_APP_DATA_DIR, then the platform's folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from wellbeing_app.core.store.paths import DATABASE_NAME, ENV_DATA_DIR, resolve_paths


def test_explicit_folder_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    paths = resolve_paths(tmp_path / "explicit")
    assert paths.data_dir == tmp_path / "explicit"
    assert paths.database == tmp_path / "explicit" / DATABASE_NAME


def test_environment_variable_next(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert resolve_paths().data_dir == tmp_path / "from-env"
    assert resolve_paths("").data_dir == tmp_path / "from-env"


def test_platform_folder_last(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    data_dir = resolve_paths().data_dir
    assert data_dir.name == "wellbeing-app"
    assert data_dir.is_absolute()
    if os.name == "posix" and not data_dir.as_posix().startswith("/Users"):
        assert data_dir == tmp_path / "xdg" / "wellbeing-app"


def test_relative_and_home_paths_become_absolute(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert resolve_paths("~/data").data_dir == tmp_path / "data"
    assert resolve_paths("rel").data_dir == tmp_path / "rel"


def test_files_live_in_the_data_folder(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "d")
    assert {p.parent for p in (paths.database, paths.log_file, paths.lock_file)} == {tmp_path / "d"}
    assert len({paths.database, paths.log_file, paths.lock_file}) == 3


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_ensure_creates_a_private_folder(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "a" / "b")
    paths.ensure()
    paths.ensure()  # twice is fine
    assert paths.data_dir.is_dir()
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) & 0o077 == 0
