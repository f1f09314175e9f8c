"""The real program in its own process, as a shell or a keyboard shortcut runs it: exit statuses
0, 1 and 2 with one line on stderr, --version, a reader that goes away, several at once, and the
quick commands loading no SQLAlchemy (everything else is tested in-process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.cli_runner import BERLIN, run_process, tables
from wellbeing_app import __version__
from wellbeing_app.core.store.paths import DATABASE_NAME, ENV_DATA_DIR


def test_done_refused_and_bad_input_exit_0_1_and_2(tmp_path: Path) -> None:
    done = run_process(tmp_path, "shift", "start", "--at", "2026-03-10T09:00")
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "Shift started at 2026-03-10 09:00.\n",
        "",
    )
    refused = run_process(tmp_path, "shift", "start", "--at", "2026-03-10T10:00")
    assert (refused.returncode, refused.stdout, refused.stderr) == (
        1,
        "",
        "wellbeing-app: a shift is already running since 2026-03-10 09:00; end it first\n",
    )
    new = tmp_path / "new"
    bad = run_process(new, "log", "ping", "--source", "my app")
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr.startswith("wellbeing-app: argument --source: 'my app' is not a source")
    assert bad.stderr.count("\n") == 1
    assert not new.exists()
    edited = run_process(tmp_path, "edit", "shift", "1", "--start", "2026-03-10T08:30")
    assert (edited.returncode, edited.stderr) == (0, "")
    missing = run_process(tmp_path, "delete", "ping", "1")
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr.startswith("wellbeing-app: there is no ping #1;")
    listed = run_process(tmp_path, "list", "shifts", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [row["start"] for row in json.loads(listed.stdout)] == ["2026-03-10T08:30:00+01:00"]


def test_version_from_the_installed_command_and_the_module(tmp_path: Path) -> None:
    installed = Path(sys.executable).with_name("wellbeing-app")
    if not installed.exists():
        pytest.skip("the package is not installed into this interpreter's environment")
    for command in ([str(installed)], [sys.executable, "-m", "wellbeing_app"]):
        result = subprocess.run(
            [*command, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
        assert (result.returncode, result.stdout, result.stderr) == (
            0,
            f"wellbeing-app {__version__}\n",
            "",
        )


@pytest.mark.parametrize("args", [["shift", "status"], ["list", "shifts"], ["--help"]])
def test_a_reader_that_has_gone_is_no_error(tmp_path: Path, args: list[str]) -> None:
    """As with ``| head -1`` that has already exited: no traceback, exit status 0."""
    run_process(tmp_path, "shift", "start", "--at", "2026-03-10T09:00")
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read: the first write fails with EPIPE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "wellbeing_app", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, ENV_DATA_DIR: str(tmp_path), "TZ": BERLIN},
            timeout=30,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "")


def test_several_at_once_all_get_through(tmp_path: Path) -> None:
    """Keyboard shortcuts pressed in quick succession, and a listing meanwhile: the database is
    never reported locked."""
    run_process(tmp_path, "shift", "status")  # the database exists: the quick path takes pings
    jobs = [["log", "ping", "--source", "slack", "--minutes", str(n)] for n in range(6)]
    jobs.append(["list", "pings", "--json"])
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        results = list(pool.map(lambda args: run_process(tmp_path, *args), jobs))
    assert [(r.returncode, r.stderr) for r in results] == [(0, "")] * len(jobs)
    minutes = sorted(row[4] for row in tables(tmp_path, ("ping",))["ping"])
    assert minutes == list(range(6))


_PROBE = """
import json, sys
from wellbeing_app.cli import main
commands = [
    ["shift", "status"], ["shift", "start"], ["log", "ping", "--source", "slack"],
    ["shift", "end"], ["shift", "status"],
]
statuses = [main(args) for args in commands]
heavy = ["sqlalchemy", "sqlmodel", "alembic", "PySide6", "matplotlib"]
print(json.dumps({"statuses": statuses, "loaded": [m for m in heavy if m in sys.modules]}))
"""


def test_the_quick_commands_load_no_sqlalchemy(tmp_path: Path) -> None:
    run_process(tmp_path, "shift", "status")  # creates the database, through the full path
    assert (tmp_path / DATABASE_NAME).exists()
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        env={**os.environ, ENV_DATA_DIR: str(tmp_path), "TZ": BERLIN},
        timeout=30,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    report = json.loads(probe.stdout.strip().splitlines()[-1])
    assert report == {"statuses": [0, 0, 0, 0, 0], "loaded": []}
    [shift] = tables(tmp_path, ("shift",))["shift"]
    assert shift[2] is not None and shift[2] > shift[1]  # started, then ended, in order
