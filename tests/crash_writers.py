"""Writers killed at random: ``kill -9`` lands on command-line writes mid-flight, hundreds of
times, and afterwards every write that was acknowledged is still there, in a sound file.

Run standalone (``python tests/crash_writers.py --kills 600``) or from
tests/test_crash_writers.py. It prints one JSON object: kills, acknowledged writes by kind,
rows found, writes lost (must be 0), the integrity check, and problems seen on the writers'
stderr (tracebacks, "database is locked": must be none).

How: this process imports the command line once (quick path and full path), then forks writer
processes, two at a time. Each writer runs ``main([...])`` in a loop, as keyboard shortcuts and
scripts would (``log ping`` on the quick path, ``log incident`` and ``shift start|end`` on the full
path), and after each call that exits 0 writes an acknowledgement to a pipe. The parent reads the
pipes and, at a random moment, kills a writer with SIGKILL and forks a new one. No Qt is loaded.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import select
import signal
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))


@dataclass
class Writer:
    pid: int
    pipe: int
    buffer: bytes = b""


@dataclass
class Tally:
    kills: int = 0
    acknowledged: dict[str, set[str]] = field(
        default_factory=lambda: {"ping": set(), "incident": set(), "shift": set()}
    )


def writer_loop(generation: int, pipe: int, seed: int) -> None:
    """In a forked child: write until killed; acknowledge each write that exited 0."""
    from wellbeing_app.cli import main

    rng = random.Random(seed)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # replies are not needed, only exit statuses
    for n in range(1_000_000):
        tag = f"w{generation}-{n}"
        roll = rng.random()
        if roll < 0.7:
            kind, argv = "ping", ["log", "ping", "--source", "slack", "--note", tag]
        elif roll < 0.9:
            kind = "incident"
            argv = ["log", "incident", "--category", "other", "--severity", "2", "--summary", tag]
        else:
            kind, argv = "shift", ["shift", rng.choice(["start", "end"])]
        if main(argv) == 0:  # the write is committed: acknowledge it
            os.write(pipe, f"{kind} {tag}\n".encode())


def spawn(generation: int, rng: random.Random, stderr_path: Path) -> Writer:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer
        os.close(read)
        fd = os.open(stderr_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.dup2(fd, 2)
        try:
            writer_loop(generation, write, rng.randrange(2**32))
        finally:
            os._exit(0)
    os.close(write)
    return Writer(pid, read)


def collect(writer: Writer, tally: Tally, data: bytes) -> None:
    writer.buffer += data
    *lines, writer.buffer = writer.buffer.split(b"\n")
    for line in lines:
        kind, _, tag = line.decode().partition(" ")
        tally.acknowledged[kind].add(tag)


def drain(writer: Writer, tally: Tally) -> None:
    """What a killed writer acknowledged before it died is still in its pipe."""
    while data := os.read(writer.pipe, 65536):
        collect(writer, tally, data)
    os.close(writer.pipe)


def run(data_dir: Path, kills: int, seconds: float, seed: int) -> dict[str, object]:
    os.environ["WELLBEING_APP_DATA_DIR"] = str(data_dir)
    from wellbeing_app.cli import main

    # The full path imported in the parent, so each writer starts writing at once.
    for module in ("cli.log", "cli.shift", "core.journal", "core.store.database"):
        importlib.import_module(f"wellbeing_app.{module}")

    sys.stdout.flush()
    devnull = os.open(os.devnull, os.O_WRONLY)
    saved = os.dup(1)
    os.dup2(devnull, 1)
    try:
        assert main(["shift", "status"]) == 0  # the database exists before anyone is killed
    finally:
        os.dup2(saved, 1)
    rng = random.Random(seed)
    stderr_path = data_dir.parent / "writers-stderr.txt"
    tally = Tally()
    writers = [spawn(g, rng, stderr_path) for g in range(2)]
    generation = len(writers)
    end = time.monotonic() + seconds
    while tally.kills < kills and time.monotonic() < end:
        victim = rng.randrange(len(writers))
        moment = time.monotonic() + rng.uniform(0.003, 0.05)
        while (left := moment - time.monotonic()) > 0:  # read acknowledgements meanwhile
            ready, _, _ = select.select([w.pipe for w in writers], [], [], left)
            for writer in writers:
                if writer.pipe in ready:
                    collect(writer, tally, os.read(writer.pipe, 65536))
        target = writers[victim]
        os.kill(target.pid, signal.SIGKILL)
        os.waitpid(target.pid, 0)
        drain(target, tally)
        tally.kills += 1
        writers[victim] = spawn(generation, rng, stderr_path)
        generation += 1
    for writer in writers:
        os.kill(writer.pid, signal.SIGKILL)
        os.waitpid(writer.pid, 0)
        drain(writer, tally)
    return report(data_dir, tally, stderr_path)


def report(data_dir: Path, tally: Tally, stderr_path: Path) -> dict[str, object]:
    conn = sqlite3.connect(data_dir / "wellbeing.sqlite3")
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        pings = {row[0] for row in conn.execute("SELECT note FROM ping")}
        incidents = {row[0] for row in conn.execute("SELECT summary FROM incident")}
        shifts = conn.execute("SELECT count(*) FROM shift").fetchone()[0]
    finally:
        conn.close()
    errors = stderr_path.read_text(errors="replace") if stderr_path.exists() else ""
    problems = [
        line
        for line in errors.splitlines()
        if "Traceback" in line or "locked" in line or "Error" in line
    ]
    # Shifts start and end one row: their acknowledgements are counted, rows checked by count.
    lost = (tally.acknowledged["ping"] - pings) | (tally.acknowledged["incident"] - incidents)
    return {
        "kills": tally.kills,
        "acknowledged": {k: len(v) for k, v in tally.acknowledged.items()},
        "rows": {"ping": len(pings), "incident": len(incidents), "shift": shifts},
        "lost": sorted(lost)[:20],
        "lost_count": len(lost),
        "integrity": integrity,
        "problems": problems[:20],
    }


def main_() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="default: a new temporary folder")
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=60.0, help="stop early after this")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    if options.data_dir is None:
        import tempfile

        options.data_dir = Path(tempfile.mkdtemp()) / "data"
    result = run(options.data_dir, options.kills, options.seconds, options.seed)
    print(json.dumps(result, indent=2))
    return 0 if result["lost_count"] == 0 and result["integrity"] == "ok" else 1


if __name__ == "__main__":
    sys.exit(main_())
