"""What start at login runs: the bundle when frozen (the AppImage file when there is one), the
installed command of this environment, else python -m wellbeing_app (pythonw.exe on Windows)."""

from __future__ import annotations

import os
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.platforms.simulate import as_system
from wellbeing_app.platforms.this_app import start_command


@pytest.fixture
def scripts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """This environment's scripts folder, with the installed command in it."""
    folder = tmp_path / "venv" / "bin"
    folder.mkdir(parents=True)
    command = folder / "wellbeing-app"
    command.write_text("#!/bin/sh\n")
    command.chmod(0o755)
    monkeypatch.setattr(sysconfig, "get_path", lambda name, scheme=None: str(folder))
    return folder


def test_a_bundle_starts_itself(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/Wellbeing/wellbeing-app")
    assert start_command({}, ["/opt/Wellbeing/wellbeing-app"]) == ["/opt/Wellbeing/wellbeing-app"]
    appimage = tmp_path / "Wellbeing-x86_64.AppImage"
    appimage.write_bytes(b"")
    assert start_command({"APPIMAGE": str(appimage)}, []) == [str(appimage)]
    # an AppImage that is gone, or a name that is not a path: the executable itself
    assert start_command({"APPIMAGE": str(tmp_path / "gone")}, []) == [sys.executable]
    assert start_command({"APPIMAGE": "Wellbeing.AppImage"}, []) == [sys.executable]


def test_the_installed_command_that_was_run(scripts: Path) -> None:
    command = str(scripts / "wellbeing-app")
    assert start_command({"PATH": ""}, [command]) == [command]


def test_the_installed_command_on_path(scripts: Path) -> None:
    command = str(scripts / "wellbeing-app")
    assert start_command({"PATH": str(scripts)}, ["-c"]) == [command]


def test_another_environments_command_is_not_taken(scripts: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / "bin"
    other.mkdir(parents=True)
    (other / "wellbeing-app").write_text("#!/bin/sh\n")
    (other / "wellbeing-app").chmod(0o755)
    python = [os.path.abspath(sys.executable), "-m", "wellbeing_app"]
    assert start_command({"PATH": str(other)}, [str(other / "wellbeing-app")]) == python
    assert start_command({"PATH": ""}, ["/usr/lib/python3/wellbeing_app/__main__.py"]) == python


def test_windows_starts_pythonw_without_a_console(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    as_system(monkeypatch, "win32")
    python = tmp_path / "Python311" / "python.exe"
    python.parent.mkdir()
    python.write_bytes(b"")
    monkeypatch.setattr(sys, "executable", str(python))
    assert start_command({}, []) == [str(python), "-m", "wellbeing_app"]  # no pythonw.exe
    (python.parent / "pythonw.exe").write_bytes(b"")
    windowless = str(python.parent / "pythonw.exe")
    assert start_command({}, []) == [windowless, "-m", "wellbeing_app"]
