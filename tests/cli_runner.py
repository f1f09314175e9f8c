"""Running the real CLI in a subprocess, as a user's shell or keyboard shortcut would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

BERLIN = "Europe/Berlin"


def run(
    data_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "WELLBEING_APP_DATA_DIR": str(data_dir),
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


def run_all(jobs: list[tuple[Path, list[str]]]) -> list[subprocess.CompletedProcess[str]]:
    """Independent CLI calls side by side: most of each call is importing SQLAlchemy."""
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return list(pool.map(lambda job: run(job[0], *job[1]), jobs))


def ok(data_dir: Path, *args: str) -> str:
    result = run(data_dir, *args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.strip()


def listed(data_dir: Path, what: str, *args: str) -> list[dict[str, Any]]:
    rows = json.loads(ok(data_dir, "list", what, "--json", *args))
    assert isinstance(rows, list)
    return rows
