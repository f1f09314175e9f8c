"""Command-line writers killed with SIGKILL at random, hundreds of times (tests/crash_writers.py):
no acknowledged write is lost, the file stays sound, and no writer ever sees "database is
locked" or a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("crash_writers.py")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the writers are forked (POSIX)")
@pytest.mark.timeout(120)
def test_no_acknowledged_write_is_lost_when_writers_are_killed(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(DRIVER),
            "--data-dir",
            str(tmp_path / "data"),
            "--kills",
            "250",
            "--seconds",
            "25",
        ],
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    result = json.loads(done.stdout)
    assert result["kills"] >= 200, result  # hundreds, even on a slow machine
    assert result["acknowledged"]["ping"] > 50 and result["acknowledged"]["incident"] > 10
    assert result["lost_count"] == 0, result["lost"]
    assert result["integrity"] == "ok"
    assert result["problems"] == []
    assert result["rows"]["ping"] >= result["acknowledged"]["ping"]
    assert result["rows"]["incident"] >= result["acknowledged"]["incident"]
    assert done.returncode == 0
