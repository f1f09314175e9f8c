"""Benchmark ``team-summary`` on a large team: the wall time of one in-process call.

Run it from the repository root (a standalone script, not a pytest test)::

    python tests/benchmarks/team_summary.py                    # 2,000 members, 5 runs, limit 2 s
    python tests/benchmarks/team_summary.py --members 5000 --runs 3

It writes ``--members`` summaries of one period (as ``summary --format json`` makes them, each a
different person) to a temporary folder, then times ``team-summary FILE... --format json``
(reading, checking, merging and printing) ``--runs`` times. Prints each run's time, the median,
and PASS or FAIL of the median against ``--limit`` seconds. Exit status: 0 pass, 1 fail.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from tests.core.test_team_summary import member_document  # noqa: E402
from wellbeing_app.cli import main  # noqa: E402


def write_team(folder: Path, size: int) -> list[str]:
    paths = []
    for n in range(size):
        document = member_document(n % 20)  # plausible figures; each file a different person
        document["generated_at"] = f"2026-11-02T09:{n // 60 % 60:02d}:{n % 60:02d}+00:00"
        document["note"] = f"member {n}"
        path = folder / f"member{n:05d}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(str(path))
    return paths


def main_() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=float, default=2.0, help="seconds, for the median")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = write_team(Path(folder), options.members)
        times = []
        for run in range(options.runs):
            out = io.StringIO()
            start = time.perf_counter()
            with contextlib.redirect_stdout(out):
                status = main(["team-summary", *paths, "--format", "json"])
            elapsed = time.perf_counter() - start
            if status != 0:
                print(f"team-summary failed with exit status {status}", file=sys.stderr)
                return 2
            members = json.loads(out.getvalue())["members"]
            times.append(elapsed)
            print(f"run {run + 1}: {members} members in {elapsed:.2f} s")
    median = statistics.median(times)
    verdict = "PASS" if median < options.limit else "FAIL"
    print(f"median {median:.2f} s (min {min(times):.2f}, max {max(times):.2f}): {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main_())
