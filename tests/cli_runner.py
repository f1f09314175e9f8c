"""Running the CLI in-process, as ``main(argv, clock)``: exit status, stdout and stderr, at a clock
that stands still in Berlin, on a data folder set the way a shell sets it (the environment).

Real processes are left to the smoke tests in tests/test_cli_process.py (``run_process``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from wellbeing_app.cli import main
from wellbeing_app.core.store.paths import DATABASE_NAME, ENV_DATA_DIR
from wellbeing_app.core.time.clock import FixedClock

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)  # after every time the tests log


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


class Cli:
    """The command line on one data folder, at ``NOW`` in Berlin unless told otherwise."""

    def __init__(
        self,
        data_dir: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        now: datetime = NOW,
    ) -> None:
        self.data_dir = data_dir
        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.now = now

    def run(self, *args: str, data_dir: Path | None = None, zone: str = BERLIN) -> Result:
        self.capsys.readouterr()
        self.monkeypatch.setenv(ENV_DATA_DIR, str(data_dir or self.data_dir))
        status = main(list(args), clock=FixedClock(self.now, zone))
        out, err = self.capsys.readouterr()
        return Result(status, out, err)

    def ok(self, *args: str, data_dir: Path | None = None, zone: str = BERLIN) -> str:
        result = self.run(*args, data_dir=data_dir, zone=zone)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        return result.stdout.strip()

    def listed(self, what: str, *args: str, data_dir: Path | None = None) -> list[dict[str, Any]]:
        rows = json.loads(self.ok("list", what, "--json", *args, data_dir=data_dir))
        assert isinstance(rows, list)
        return rows


def tables(data_dir: Path, names: tuple[str, ...] | None = None) -> dict[str, list[Any]]:
    """Every row of the named tables (default: all), straight from SQLite."""
    conn = sqlite3.connect(data_dir / DATABASE_NAME)
    try:
        if names is None:
            query = "SELECT name FROM sqlite_master WHERE type = 'table'"
            names = tuple(row[0] for row in conn.execute(query))
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in names}
    finally:
        conn.close()


def run_process(
    data_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real CLI in its own process, as a user's shell or keyboard shortcut runs it."""
    environment = {
        **os.environ,
        ENV_DATA_DIR: str(data_dir),
        "TZ": BERLIN,
        "PYTHONIOENCODING": "utf-8",
    }
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "wellbeing_app", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=30,
        check=False,
    )
