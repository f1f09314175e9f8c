"""``autostart on|off|status`` on Linux, for real: an XDG autostart entry in
$XDG_CONFIG_HOME/autostart that desktop-file-validate accepts, whose Exec starts the Wellbeing
that wrote it (run here with --version), and errors in one line with exit status 1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import run_process
from tests.platforms.test_autostart_xdg import read_exec
from wellbeing_app.cli import main
from wellbeing_app.core.store.paths import ENV_DATA_DIR

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktops")


@pytest.fixture
def config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A fresh $XDG_CONFIG_HOME; the usual data folder under a fresh $XDG_DATA_HOME."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    return tmp_path / "config"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def validate(entry: Path) -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    done = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout == "", done.stdout


def test_on_status_off(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entry = config / "autostart" / "wellbeing.desktop"
    status, out, _ = run(capsys, "autostart", "status", "--json")
    assert status == 0
    before = json.loads(out)
    assert before["on"] is False and before["command"] is None
    assert before["path"] == str(entry)

    status, out, err = run(capsys, "autostart", "on")
    assert (status, err) == (0, "")
    assert out.strip() == f"Wellbeing starts when you log in: {entry} runs {before['current']}."
    validate(entry)
    assert f"Exec={before['current']}\n" in entry.read_text(encoding="utf-8")

    status, out, _ = run(capsys, "autostart", "status", "--json")
    assert json.loads(out) == before | {"on": True, "command": before["current"]}
    _, out, _ = run(capsys, "autostart", "status")
    assert out.startswith("On: Wellbeing starts when you log in")

    status, out, _ = run(capsys, "autostart", "off")
    assert status == 0 and "no longer starts" in out
    assert not entry.exists()
    _, out, _ = run(capsys, "autostart", "status")
    assert out.startswith("Off: Wellbeing does not start when you log in.")
    assert not (config.parent / "data-home").exists()  # no database was opened, nor made


def test_the_entry_starts_this_wellbeing(config: Path, tmp_path: Path) -> None:
    """Written by a real process, the Exec line runs, from the home folder, the Wellbeing that
    wrote it (asked for its --version rather than a tray)."""
    env = {"XDG_CONFIG_HOME": str(config), "XDG_DATA_HOME": str(tmp_path / "data-home")}
    done = run_process(tmp_path / "data", "autostart", "on", env=env)
    assert done.returncode == 0, done.stderr
    entry = config / "autostart" / "wellbeing.desktop"
    validate(entry)
    exec_line = next(
        line.removeprefix("Exec=")
        for line in entry.read_text(encoding="utf-8").splitlines()
        if line.startswith("Exec=")
    )
    argv = read_exec(exec_line)
    assert argv[-2:] == ["--data-dir", str((tmp_path / "data").resolve())]
    started = subprocess.run(
        [*argv, "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", ENV_DATA_DIR)},
        timeout=60,
        check=False,
    )
    assert started.returncode == 0, started.stderr
    assert started.stdout.startswith("wellbeing-app ")


def test_a_bundle_in_a_folder_with_spaces(
    config: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bundle = tmp_path / 'My "Apps" & $tuff 100%' / "wellbeing-app"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle))
    monkeypatch.delenv("APPIMAGE", raising=False)
    assert run(capsys, "autostart", "on", "--data-dir", str(tmp_path / "my data"))[0] == 0
    entry = config / "autostart" / "wellbeing.desktop"
    validate(entry)
    keys = dict(
        line.split("=", 1) for line in entry.read_text(encoding="utf-8").splitlines()[1:] if line
    )
    assert read_exec(keys["Exec"]) == [str(bundle), "--data-dir", str(tmp_path / "my data")]

    appimage = tmp_path / "Wellbeing-x86_64.AppImage"
    appimage.write_bytes(b"")
    monkeypatch.setenv("APPIMAGE", str(appimage))
    _, out, _ = run(capsys, "autostart", "status")
    assert "That is not the Wellbeing you ran this with" in out  # the bundle became an AppImage
    assert run(capsys, "autostart", "on")[0] == 0
    validate(entry)
    assert f"Exec={appimage}\n" in entry.read_text(encoding="utf-8")


def test_a_hidden_entry_is_off(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "autostart", "on")[0] == 0
    entry = config / "autostart" / "wellbeing.desktop"
    entry.write_text(entry.read_text(encoding="utf-8") + "Hidden=true\n", encoding="utf-8")
    _, out, _ = run(capsys, "autostart", "status", "--json")
    assert json.loads(out)["on"] is False


@pytest.mark.parametrize("action", ["on", "off", "status"])
def test_what_cannot_be_written_or_read_is_one_line_and_exit_1(
    config: Path, capsys: pytest.CaptureFixture[str], action: str
) -> None:
    if action == "on":
        config.parent.mkdir(exist_ok=True)
        config.write_text("a file where a folder should be")
    else:
        (config / "autostart" / "wellbeing.desktop" / "x").mkdir(parents=True)  # not a file
    status, out, err = run(capsys, "autostart", action)
    assert (status, out) == (1, "")
    expected = "Cannot turn start at login on: " if action == "on" else "Cannot read "
    assert err.startswith(f"wellbeing-app: {expected}{config}")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_folder_name_no_entry_can_hold(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(config.parent / "caf\udce9")  # bytes that are not UTF-8, as a shell passes them
    status, out, err = run(capsys, "autostart", "on", "--data-dir", folder)
    assert status == 1
    assert "is not UTF-8 text, which the entry cannot hold" in err
    assert err.count("\n") == 1
    assert not (config / "autostart" / "wellbeing.desktop").exists()
    status, out, _ = run(capsys, "autostart", "status", "--data-dir", folder, "--json")
    assert status == 0 and json.loads(out)["current"] is None


def test_bad_input_is_exit_2(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "autostart", "maybe")
    assert status == 2 and "invalid choice" in err
