"""Start at login on macOS, simulated: a LaunchAgent in ~/Library/LaunchAgents (HOME in a
temporary folder), by the command line and by the module."""

from __future__ import annotations

import json
import plistlib
import sys
from pathlib import Path

import pytest

from tests.platforms.simulate import as_system
from wellbeing_app import APP_ID
from wellbeing_app.cli import main
from wellbeing_app.platforms import autostart


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv("WELLBEING_APP_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # a bundle: Wellbeing.app
    monkeypatch.setattr(
        sys, "executable", "/Applications/Wellbeing Tracker.app/Contents/MacOS/wellbeing-app"
    )
    as_system(monkeypatch, "darwin")
    return home


def test_the_launch_agent_is_written_read_and_removed(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plist = home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    assert type(autostart.for_this_system()).__name__ == "LaunchAgent"
    assert main(["autostart", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["on"] is False and status["path"] == str(plist)

    assert main(["autostart", "on"]) == 0
    agent = plistlib.loads(plist.read_bytes())
    assert agent == {
        "Label": APP_ID,
        "ProgramArguments": ["/Applications/Wellbeing Tracker.app/Contents/MacOS/wellbeing-app"],
        "RunAtLoad": True,
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",
    }
    capsys.readouterr()
    assert main(["autostart", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["on"] is True
    assert status["command"] == status["current"]
    assert status["command"] == "'/Applications/Wellbeing Tracker.app/Contents/MacOS/wellbeing-app'"

    assert main(["autostart", "off"]) == 0
    assert not plist.exists()


def test_a_disabled_or_broken_agent_is_off(home: Path) -> None:
    place = autostart.for_this_system()
    place.write(["/bin/true"])
    plist = Path(place.path)
    agent = plistlib.loads(plist.read_bytes())
    plist.write_bytes(plistlib.dumps(agent | {"Disabled": True}))
    assert place.read().on is False
    plist.write_bytes(b"not a plist")
    assert place.read().on is False
    assert place.remove() is True


def test_an_unwritable_folder_is_one_line_and_exit_1(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / "Library").write_text("a file where a folder should be")
    assert main(["autostart", "on"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("wellbeing-app: Cannot turn start at login on: ")
    assert err.count("\n") == 1
