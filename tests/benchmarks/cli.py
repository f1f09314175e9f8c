"""Benchmark the CPU time of the commands people bind to keyboard shortcuts, quick path vs full.

Run it from the repository root (a standalone script, not a pytest test)::

    python tests/benchmarks/cli.py                      # 15 rounds, limit 0.35 s
    python tests/benchmarks/cli.py --runs 30 --limit 0.35

It fills a database with a year of made-up history (``wellbeing-app demo --years 1``, schedule,
shifts, thousands of pings) in a temporary folder and copies it, one copy per path. Then, after
one uncounted warm-up round, each round runs ``shift start``, ``log ping --source slack``,
``shift status`` and ``shift end`` as separate processes, once per path, the paths alternating:

- quick: the installed ``wellbeing-app`` command (``python -m wellbeing_app`` when it is not
  installed), as shipped: the lean path on SQLite alone;
- full: the same command lines with the lean path switched off in the child
  (``wellbeing_app.cli.quick.run`` hands every command to the full path), i.e. what every call
  cost before the lean path existed.

A process's CPU time is its user + system time as the kernel accounts it to that child alone
(``os.wait4``), so time spent waiting (disk, a busy machine) is not counted. Prints, per command
and path, the median with min, max and interquartile range in ms, the full/quick ratio, and PASS
or FAIL of each quick median against ``--limit`` seconds. Exit status: 0 pass, 1 fail, 2 setup
error (a command that does not succeed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
COMMANDS = [
    ["shift", "start"],
    ["log", "ping", "--source", "slack"],
    ["shift", "status"],
    ["shift", "end"],
]
FULL_PATH = (
    "import sys; import wellbeing_app.cli.quick as quick; quick.run = lambda *args: None; "
    "from wellbeing_app.cli import main; sys.exit(main(sys.argv[1:]))"
)
EXIT_PASS, EXIT_FAIL, EXIT_SETUP = 0, 1, 2


class SetupError(Exception):
    """A command did not succeed: there is nothing meaningful to measure."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="counted rounds (default: 15)")
    parser.add_argument("--limit", type=float, default=0.35, help="seconds of CPU (default: 0.35)")
    args = parser.parse_args()
    installed = Path(sys.executable).with_name("wellbeing-app")
    quick = [str(installed)] if installed.exists() else [sys.executable, "-m", "wellbeing_app"]
    paths = {"quick": quick, "full": [sys.executable, "-c", FULL_PATH]}
    print(f"quick: {' '.join(quick)} COMMAND\nfull:  {sys.executable} -c <lean path off> COMMAND")
    with tempfile.TemporaryDirectory() as folder:
        try:
            folders = _databases(Path(folder), quick, list(paths))
            times = _measure(paths, folders, args.runs)
        except SetupError as exc:
            print(f"setup error: {exc}", file=sys.stderr)
            return EXIT_SETUP
    return EXIT_PASS if _report(times, args.limit) else EXIT_FAIL


def _environment(data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "WELLBEING_APP_DATA_DIR": str(data_dir),
        "TZ": "Europe/Berlin",
        "PYTHONPATH": str(REPO_ROOT),
    }


def _databases(root: Path, command: list[str], names: list[str]) -> dict[str, Path]:
    """One copy per path of a database holding a year of demo history."""
    first = root / "demo"
    result = subprocess.run(
        [*command, "demo", "--years", "1"],
        capture_output=True,
        text=True,
        env=_environment(first),
        check=False,
    )
    if result.returncode != 0:
        raise SetupError(f"demo: {result.stderr.strip()}")
    print(result.stdout.strip())
    folders = {}
    for name in names:
        folders[name] = root / name
        shutil.copytree(first, folders[name])
    return folders


def _cpu_seconds(command: list[str], data_dir: Path) -> float:
    """Run ``command`` to its end; the user + system CPU time the kernel charged to it."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(data_dir),
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    assert process.stdout is not None and process.stderr is not None
    out, err = process.stdout.read().decode(), process.stderr.read().decode()
    process.stdout.close()
    process.stderr.close()
    if process.returncode != 0:
        raise SetupError(f"{' '.join(command[-3:])}: exit {process.returncode}: {err.strip()}")
    if not out.strip():
        raise SetupError(f"{' '.join(command[-3:])}: printed nothing")
    return usage.ru_utime + usage.ru_stime


def _measure(
    paths: dict[str, list[str]], folders: dict[str, Path], runs: int
) -> dict[tuple[str, str], list[float]]:
    times: dict[tuple[str, str], list[float]] = {
        (" ".join(c), name): [] for c in COMMANDS for name in paths
    }
    for round_number in range(runs + 1):  # round 0 warms the disk caches up, uncounted
        order = list(paths) if round_number % 2 else list(reversed(paths))
        for name in order:
            for command in COMMANDS:
                seconds = _cpu_seconds([*paths[name], *command], folders[name])
                if round_number:
                    times[(" ".join(command), name)].append(seconds)
    return times


def _report(times: dict[tuple[str, str], list[float]], limit: float) -> bool:
    def ms(seconds: float) -> str:
        return f"{seconds * 1000:4.0f}"

    passed = True
    print(f"\nCPU time per call (user + sys), ms: median [min-max] IQR; limit {limit * 1000:.0f}")
    for command in COMMANDS:
        label = " ".join(command)
        medians = {}
        for name in ("quick", "full"):
            values = sorted(times[(label, name)])
            quartiles = statistics.quantiles(values, n=4)
            medians[name] = statistics.median(values)
            print(
                f"  {label:<28} {name:<5} {ms(medians[name])} "
                f"[{ms(values[0])}-{ms(values[-1])}] IQR {ms(quartiles[2] - quartiles[0])}"
            )
        ok = medians["quick"] <= limit
        passed = passed and ok
        ratio = medians["full"] / medians["quick"]
        print(f"  {'':<28} full/quick {ratio:.1f}x  {'PASS' if ok else 'FAIL'}")
    return passed


if __name__ == "__main__":
    sys.exit(main())
