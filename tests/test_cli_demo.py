"""`wellbeing-app demo` as users meet it: made-up history in a new database, never mixed into one
that already holds data. Each call is ``main(argv)`` at a clock standing at NOW in Berlin."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.cli_runner import BERLIN, NOW, Cli
from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.store.models import Origin
from wellbeing_app.core.store.paths import DATABASE_NAME
from wellbeing_app.core.time.local_time import parse_time

SUMMARY = re.compile(
    r"Demo data: (?P<years>1 year|\d+ years), (?P<shifts>[\d,]+) shifts, (?P<pings>[\d,]+) pings, "
    r"(?P<incidents>[\d,]+) incidents, (?P<reflections>[\d,]+) reflections, "
    r"(?P<checkins>[\d,]+) check-ins in (?P<path>.+)"
)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path, capsys, monkeypatch)


def number(text: str) -> int:
    return int(text.replace(",", ""))


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_demo_fills_a_new_database_and_says_how_much(cli: Cli, tmp_path: Path) -> None:
    line = cli.ok("demo", "--years", "1")
    match = SUMMARY.fullmatch(line)
    assert match, line
    assert match["years"] == "1 year"
    assert match["path"] == str(tmp_path / DATABASE_NAME)
    assert 235 <= number(match["shifts"]) <= 265
    assert 4_800 <= number(match["pings"]) <= 8_000
    assert 200 <= number(match["incidents"]) <= 750
    shift_count = number(match["shifts"])
    assert 0.9 * shift_count <= number(match["reflections"]) <= shift_count
    assert number(match["checkins"]) == 26

    counts = row_counts(tmp_path / DATABASE_NAME)
    assert counts["ping"] == number(match["pings"])
    assert counts["incident"] == number(match["incidents"])

    # What the user sees next, and a second demo, which is refused.
    shifts, reflections, checkins = (cli.listed(w) for w in ("shifts", "reflections", "checkins"))
    assert len(shifts) == number(match["shifts"])
    assert all(s["end"] is not None and s["origin"] == "import" for s in shifts)
    assert len(reflections) == number(match["reflections"])
    assert len(checkins) == number(match["checkins"])
    schedule = cli.ok("schedule", "show")
    assert "Mon  09:00-17:30" in schedule and "Fri  09:00-17:30" in schedule
    assert f"({BERLIN})" in schedule
    again = cli.run("demo", "--seed", "4")
    assert again.returncode == 1 and "already holds data" in again.stderr
    assert row_counts(tmp_path / DATABASE_NAME) == counts
    # The quick path reads and writes the demo's database too.
    assert cli.ok("shift", "status") == "No shift running."
    assert cli.ok("log", "ping", "--source", "slack").startswith("Ping from Slack logged at")


def seed(data_dir: Path) -> None:
    """A user's own shift and ping, written through the core."""
    at = parse_time("2026-03-10T09:00", NOW, BERLIN)
    db = open_database(data_dir / DATABASE_NAME)
    with db.write() as session:
        start_shift(session, at=at, now=NOW, zone=BERLIN, origin=Origin.CLI)
        end_shift(session, at=parse_time("2026-03-10T17:00", NOW, BERLIN), now=NOW)
        log_ping(session, at=at, now=NOW, zone=BERLIN, source="slack")
    db.close()


def test_demo_refuses_a_database_that_holds_data_and_leaves_it_alone(
    cli: Cli, tmp_path: Path
) -> None:
    seed(tmp_path)
    path = tmp_path / DATABASE_NAME
    before, counts = path.read_bytes(), row_counts(path)
    result = cli.run("demo", "--years", "2")
    assert result.returncode == 1
    assert result.stdout == ""
    [message] = result.stderr.splitlines()
    assert message.startswith(f"wellbeing-app: {path} already holds data (shifts, pings)")
    assert "Nothing was written" in message
    assert path.read_bytes() == before
    assert row_counts(path) == counts


BAD = [
    ("--years", "0"),
    ("--years", "x"),
    ("--years", "21"),
    ("--years", "1.5"),
    ("--years", ""),
    ("--seed", "-1"),
    ("--seed", "s"),
]


def test_bad_years_or_seed_are_refused_before_any_database_exists(cli: Cli, tmp_path: Path) -> None:
    for n, (option, value) in enumerate(BAD):
        data_dir = tmp_path / f"dir{n}"
        result = cli.run("demo", option, value, data_dir=data_dir)
        assert result.returncode == 2, (option, value)
        [message] = result.stderr.splitlines()
        assert f"argument {option}:" in message, message
        assert result.stdout == ""
        assert not data_dir.exists()
