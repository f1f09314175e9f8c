"""Start at login on Windows, simulated: the Run key of the current user through a fake winreg,
with fcntl and the POSIX-only parts of os out of reach, by the command line and by the module."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.platforms.fake_winreg import FakeWinreg
from tests.platforms.simulate import as_system
from wellbeing_app.cli import main
from wellbeing_app.platforms import autostart

RUN = r"Software\Microsoft\Windows\CurrentVersion\Run"
APPROVED = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
MODULE = "wellbeing_app.platforms.autostart_windows"


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeWinreg]:
    """Windows, as far as this process can tell; Python installed in a folder with a space."""
    fake = FakeWinreg()
    folder = tmp_path / "Program Files" / "Python311"
    folder.mkdir(parents=True)
    for name in ("python.exe", "pythonw.exe"):
        (folder / name).write_bytes(b"")
    monkeypatch.setattr(sys, "executable", str(folder / "python.exe"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv("WELLBEING_APP_DATA_DIR", raising=False)
    sys.modules.pop(MODULE, None)
    as_system(monkeypatch, "win32", {"winreg": fake})
    yield fake
    sys.modules.pop(MODULE, None)  # imported with the fake: never reused


def test_the_windows_module_is_chosen(registry: FakeWinreg) -> None:
    place = autostart.for_this_system()
    assert type(place).__name__ == "RunKey"
    assert place.path == rf"HKEY_CURRENT_USER\{RUN}\Wellbeing"


def test_on_status_off_through_the_command_line(
    registry: FakeWinreg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pythonw = str(tmp_path / "Program Files" / "Python311" / "pythonw.exe")
    assert main(["autostart", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    expected = subprocess.list2cmdline([pythonw, "-m", "wellbeing_app"])
    assert status == {
        "on": False,
        "path": rf"HKEY_CURRENT_USER\{RUN}\Wellbeing",
        "command": None,
        "current": expected,
    }
    assert expected.startswith(f'"{pythonw}"')  # the path with a space is quoted

    assert main(["autostart", "on"]) == 0
    assert "Wellbeing starts when you log in" in capsys.readouterr().out
    assert registry.keys[RUN]["Wellbeing"] == (expected, registry.REG_SZ)

    assert main(["autostart", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["on"] is True and status["command"] == expected

    assert main(["autostart", "off"]) == 0
    assert "no longer starts" in capsys.readouterr().out
    assert "Wellbeing" not in registry.keys[RUN]
    assert main(["autostart", "off"]) == 0
    assert "nothing to turn off" in capsys.readouterr().out


def test_another_data_folder_is_passed_on(
    registry: FakeWinreg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "My Data"
    assert main(["autostart", "on", "--data-dir", str(folder)]) == 0
    value, _ = registry.keys[RUN]["Wellbeing"]
    assert isinstance(value, str) and value.endswith(f'--data-dir "{folder}"')
    assert not folder.exists()  # no database was opened, nor a folder made


def test_disabled_in_task_manager_counts_as_off_and_on_enables_it(
    registry: FakeWinreg, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["autostart", "on"]) == 0
    registry.keys[APPROVED] = {"Wellbeing": (b"\x03\x00\x00\x00" + bytes(8), registry.REG_BINARY)}
    capsys.readouterr()
    assert main(["autostart", "status"]) == 0
    assert capsys.readouterr().out.startswith("Off:")
    assert main(["autostart", "on"]) == 0
    assert "Wellbeing" not in registry.keys[APPROVED]
    capsys.readouterr()
    assert main(["autostart", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["on"] is True


def test_a_refused_write_is_one_line_and_exit_1(
    registry: FakeWinreg, capsys: pytest.CaptureFixture[str]
) -> None:
    registry.refuse_writes = True
    assert main(["autostart", "on"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("wellbeing-app: Cannot turn start at login on: HKEY_CURRENT_USER\\")
    assert "Access is denied" in err


def test_no_posix_module_was_reached(registry: FakeWinreg) -> None:
    place = autostart.for_this_system()
    place.write(["C:\\Wellbeing\\wellbeing-app.exe"])
    assert place.read().on
    assert sys.modules["fcntl"] is None and sys.modules[MODULE].winreg is registry
