"""The command line, run as users run it: a separate process, its output and exit status.

Times given with --at are in the past (March and October 2026): the CLI refuses the future.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from tests.cli_runner import BERLIN, listed, ok, run, run_all
from wellbeing_app.core.records.incidents import IncidentDraft, log_incident
from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.store.models import Origin
from wellbeing_app.core.store.paths import DATABASE_NAME
from wellbeing_app.core.time.local_time import parse_time

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)


def at(local: str) -> datetime:
    return parse_time(local, NOW, BERLIN)


def seed(data_dir: Path) -> None:
    """A shift, a ping and an incident, written directly through the core (quicker than the CLI)."""
    db = open_database(data_dir / DATABASE_NAME)
    with db.write() as session:
        start_shift(session, at=at("2026-03-10T09:00"), now=NOW, zone=BERLIN, origin=Origin.CLI)
        end_shift(session, at=at("2026-03-10T17:00"), now=NOW)
        log_ping(session, at=at("2026-03-10T21:00"), now=NOW, zone=BERLIN, source="slack")
        draft = IncidentDraft(at=at("2026-03-10T12:00"), category="crisis", severity=3)
        log_incident(session, draft, now=NOW, zone=BERLIN, origin=Origin.CLI)
    db.close()


def table_dump(data_dir: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(data_dir / DATABASE_NAME)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("shift", "ping", "incident", "setting")
        }
    finally:
        conn.close()


# --- the shift clock ----------------------------------------------------------------------


def test_shift_start_status_end_over_the_spring_forward_night(tmp_path: Path) -> None:
    assert ok(tmp_path, "shift", "start", "--at", "2026-03-28T22:00") == (
        "Shift started at 2026-03-28 22:00."
    )
    assert ok(tmp_path, "shift", "status", "--at", "2026-03-29T06:00") == (
        "Shift running since 2026-03-28 22:00 (7 h 00 min)."
    )
    [running] = listed(tmp_path, "shifts")
    assert running["end"] is None
    assert isinstance(running["hours"], float | int)
    assert running["hours"] > 7  # counted up to the real now, months later

    assert ok(tmp_path, "shift", "end", "--at", "2026-03-29T06:00") == (
        "Shift ended at 2026-03-29 06:00 after 7 h 00 min. Time for you now."
    )
    assert ok(tmp_path, "shift", "status") == "No shift running."
    [row] = listed(tmp_path, "shifts")
    assert row["id"] == running["id"]
    assert row["start"] == "2026-03-28T22:00:00+01:00"
    assert row["end"] == "2026-03-29T06:00:00+02:00"
    assert row["hours"] == 7
    assert row["origin"] == "cli"


def test_shift_start_twice_and_end_with_none_running_are_refused(tmp_path: Path) -> None:
    result = run(tmp_path, "shift", "end", "--at", "2026-03-10T17:00")
    assert result.returncode == 1
    assert result.stderr.strip() == "wellbeing-app: no shift is running"
    assert result.stdout == ""

    ok(tmp_path, "shift", "start", "--at", "2026-03-10T09:00", "--note", "launch day")
    result = run(tmp_path, "shift", "start", "--at", "2026-03-10T10:00")
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert "already running since 2026-03-10 09:00" in result.stderr
    [row] = listed(tmp_path, "shifts")
    assert (row["start"], row["end"], row["note"]) == (
        "2026-03-10T09:00:00+01:00",
        None,
        "launch day",
    )


def test_shift_over_the_fall_back_night_in_text_listing(tmp_path: Path) -> None:
    ok(tmp_path, "shift", "start", "--at", "2026-10-24T22:00")
    assert ok(tmp_path, "shift", "end", "--at", "2026-10-25T06:00").endswith(
        "after 9 h 00 min. Time for you now."
    )
    line = ok(tmp_path, "list", "shifts")
    assert "2026-10-24 22:00 -> 2026-10-25 06:00" in line
    assert "9.00 h" in line


# --- logging ------------------------------------------------------------------------------


def test_log_ping_and_list_it(tmp_path: Path) -> None:
    db = open_database(tmp_path / DATABASE_NAME)
    with db.write() as session:
        start_shift(session, at=at("2026-03-10T09:00"), now=NOW, zone=BERLIN)
        end_shift(session, at=at("2026-03-10T17:00"), now=NOW)
    db.close()
    assert ok(
        tmp_path,
        "log",
        "ping",
        "--source",
        "Discord",
        "--at",
        "2026-03-10T10:30",
        "--minutes",
        "5",
        "--note",
        "quick one",
    ) == ("Ping from discord logged at 2026-03-10 10:30 (working hours).")
    assert ok(tmp_path, "log", "ping", "--source", "slack", "--at", "2026-03-10T21:00Z") == (
        "Ping from Slack logged at 2026-03-10 22:00 (after hours)."
    )
    pings = listed(tmp_path, "pings")
    assert [{k: p[k] for k in ("at", "source", "minutes", "after_hours")} for p in pings] == [
        {
            "at": "2026-03-10T10:30:00+01:00",
            "source": "discord",
            "minutes": 5,
            "after_hours": False,
        },
        {"at": "2026-03-10T22:00:00+01:00", "source": "slack", "minutes": 0, "after_hours": True},
    ]
    assert all(isinstance(p["id"], int) for p in pings)
    assert len({p["id"] for p in pings}) == 2
    text_lines = ok(tmp_path, "list", "pings").splitlines()
    assert len(text_lines) == 2
    assert "discord" in text_lines[0] and "working hours" in text_lines[0]
    assert "slack" in text_lines[1] and "after hours" in text_lines[1]


def test_log_ping_now_by_default(tmp_path: Path) -> None:
    out = ok(tmp_path, "log", "ping", "--source", "email")
    assert out.startswith("Ping from Email logged at ")
    assert out.endswith("(after hours).")
    [row] = listed(tmp_path, "pings")
    logged = datetime.fromisoformat(row["at"])
    assert abs((datetime.now(UTC) - logged).total_seconds()) < 120
    # Shown in the zone TZ names, with its offset at that instant.
    assert logged.utcoffset() == logged.astimezone(ZoneInfo(BERLIN)).utcoffset()


def test_log_incident_keeps_details_private(tmp_path: Path) -> None:
    secret = "SECRET-names-and-screenshots"
    out = ok(
        tmp_path,
        "log",
        "incident",
        "--category",
        "Harassment",
        "--severity",
        "4",
        "--platform",
        "instagram",
        "--minutes",
        "45",
        "--at",
        "2026-03-10T20:15",
        "--summary",
        "pile-on after the recall post",
        "--details",
        secret,
    )
    assert out == (
        "Incident logged: harassment, severity 4. "
        "It happened to the brand's account; it is not a verdict on you."
    )
    assert secret not in out
    [row] = listed(tmp_path, "incidents")
    assert {k: row[k] for k in ("at", "category", "severity", "minutes")} == {
        "at": "2026-03-10T20:15:00+01:00",
        "category": "harassment",
        "severity": 4,
        "minutes": 45,
    }
    assert isinstance(row["id"], int)
    assert "details" not in row
    for args in (("--json",), ()):
        assert secret not in ok(tmp_path, "list", "incidents", *args)
    # It is stored, though: the app's own windows show it to the user.
    assert table_dump(tmp_path)["incident"][0][8] == secret


# --- listing ranges -----------------------------------------------------------------------


def test_from_and_to_are_inclusive_local_dates(tmp_path: Path) -> None:
    db = open_database(tmp_path / DATABASE_NAME)
    times = [
        "2026-03-28T23:59",
        "2026-03-29T00:00",  # the first minute of the short day (Berlin)
        "2026-03-29T23:59",
        "2026-03-30T00:00",
    ]
    with db.write() as session:
        for when in times:
            log_ping(session, at=at(when), now=NOW, zone=BERLIN, source="teams")
        start_shift(session, at=at("2026-03-27T22:00"), now=NOW, zone=BERLIN)
        end_shift(session, at=at("2026-03-28T06:00"), now=NOW)
    db.close()

    queries: list[tuple[list[str], list[str]]] = [
        (["pings", "--from", "2026-03-29", "--to", "2026-03-29"], ["03-29T00:00", "03-29T23:59"]),
        (["pings", "--from", "2026-03-29"], ["03-29T00:00", "03-29T23:59", "03-30T00:00"]),
        (["pings", "--to", "2026-03-28"], ["03-28T23:59"]),
        # A night shift belongs to both days it touches.
        (["shifts", "--from", "2026-03-27", "--to", "2026-03-27"], ["03-27T22:00"]),
        (["shifts", "--from", "2026-03-28", "--to", "2026-03-28"], ["03-27T22:00"]),
        (["shifts", "--from", "2026-03-29"], []),
    ]
    results = run_all([(tmp_path, ["list", *args, "--json"]) for args, _ in queries])
    for (args, expected), result in zip(queries, results, strict=True):
        assert result.returncode == 0, result.stderr
        rows = json.loads(result.stdout)
        assert [(r.get("at") or r["start"])[5:16] for r in rows] == expected, args
    assert ok(tmp_path, "list", "shifts", "--from", "2026-03-29") == "No shifts in this period."


# --- where the data lives -----------------------------------------------------------------


def test_data_dir_flag_overrides_the_environment(tmp_path: Path) -> None:
    from_env = tmp_path / "env"
    before, after = tmp_path / "flag-before", tmp_path / "flag-after"
    command = ["log", "ping", "--source", "phone", "--at", "2026-03-10T21:00"]
    results = run_all(
        [
            (from_env, ["--data-dir", str(before), *command]),
            (from_env, [*command, "--data-dir", str(after)]),
        ]
    )
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert not from_env.exists()
    for chosen in (before, after):
        assert [row[3] for row in table_dump(chosen)["ping"]] == ["phone"]
    rows = json.loads(ok(from_env, "list", "pings", "--json", "--data-dir", str(after)))
    assert [r["source"] for r in rows] == ["phone"]
    assert not from_env.exists()


# --- bad input ----------------------------------------------------------------------------

INCIDENT = [
    "log",
    "incident",
    "--category",
    "crisis",
    "--severity",
    "3",
    "--at",
    "2026-03-10T20:00",
]
PING = ["log", "ping", "--source", "slack", "--at", "2026-03-10T20:00"]

BAD_INPUT = [
    (["log", "incident", "--category", "crisis", "--severity", "6"], "--severity"),
    (["log", "incident", "--category", "crisis", "--severity", "0"], "--severity"),
    (["log", "incident", "--category", "crisis", "--severity", "three"], "--severity"),
    (["log", "incident", "--category", "crisis"], "--severity"),
    (["log", "incident", "--category", "trolls", "--severity", "3"], "--category"),
    ([*INCIDENT, "--summary", "s" * 281], "--summary"),
    ([*INCIDENT, "--platform", "p" * 41], "--platform"),
    ([*INCIDENT, "--minutes", "1441"], "--minutes"),
    (["log", "ping", "--source", "my app"], "--source"),
    (["log", "ping", "--source", "slack!"], "--source"),
    (["log", "ping", "--source", "s" * 41], "--source"),
    ([*PING, "--minutes", "-5"], "--minutes"),
    ([*PING, "--minutes", "ten"], "--minutes"),
    (["log", "ping", "--source", "slack", "--at", "tomorrow"], "--at"),
    (["log", "ping", "--source", "slack", "--at", "2026-03-29T02:30"], "--at"),
    (["log", "ping", "--source", "slack", "--at", "2099-01-01T10:00"], "--at"),
    (["shift", "start", "--at", "25:00"], "--at"),
    (["shift", "start", "--at", "2026-03-11T09:00", "--note", "n" * 2001], "--note"),
    (["shift", "end", "--at", "2026-03-10T08:00"], "--at"),  # before the seeded shift's start
    (["list", "pings", "--from", "2026-13-01"], "--from"),
    (["list", "pings", "--to", "yesterday"], "--to"),
    (["list", "pings", "--from", "2026-03-10", "--to", "2026-03-01"], "--to"),
]


def _bad_input_case(root: Path, index: int, args: list[str]) -> Path:
    data_dir = root / f"case{index}"
    data_dir.mkdir()
    seed(data_dir)
    if args[:2] == ["shift", "end"]:
        db = open_database(data_dir / DATABASE_NAME)
        with db.write() as session:
            start_shift(session, at=at("2026-03-10T18:00"), now=NOW, zone=BERLIN)
        db.close()
    return data_dir


@pytest.fixture(scope="module")
def bad_input_results(
    tmp_path_factory: pytest.TempPathFactory,
) -> list[tuple[subprocess.CompletedProcess[str], dict[str, Any], dict[str, Any]]]:
    """Every bad-input case on its own seeded database: (result, tables before, tables after)."""
    root = tmp_path_factory.mktemp("bad-input")
    dirs = [_bad_input_case(root, i, args) for i, (args, _) in enumerate(BAD_INPUT)]
    before = [table_dump(d) for d in dirs]
    results = run_all([(d, args) for d, (args, _) in zip(dirs, BAD_INPUT, strict=True)])
    return [(r, b, table_dump(d)) for r, b, d in zip(results, before, dirs, strict=True)]


@pytest.mark.parametrize(
    "index", range(len(BAD_INPUT)), ids=[" ".join(a)[:60] for a, _ in BAD_INPUT]
)
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(
    bad_input_results: list[tuple[subprocess.CompletedProcess[str], Any, Any]], index: int
) -> None:
    field = BAD_INPUT[index][1]
    result, before, after = bad_input_results[index]
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("wellbeing-app: ")
    assert field in lines[0]
    assert after == before


def test_bad_input_leaves_the_listing_as_it_was(tmp_path: Path) -> None:
    seed(tmp_path)
    kinds = ["shifts", "pings", "incidents"]

    def listings() -> list[Any]:
        results = run_all([(tmp_path, ["list", kind, "--json"]) for kind in kinds])
        assert [r.returncode for r in results] == [0, 0, 0]
        return [json.loads(r.stdout) for r in results]

    before = listings()
    bad = run_all(
        [
            (tmp_path, [*INCIDENT[:-2], "--at", "2026-03-29T02:30"]),
            (tmp_path, ["log", "ping", "--source", "two words"]),
            (tmp_path, ["shift", "start", "--at", "2026-03-10T12:00"]),  # inside the seeded shift
        ]
    )
    assert [r.returncode for r in bad] == [2, 2, 2]
    after = listings()
    assert after == before
    assert [len(rows) for rows in after] == [1, 1, 1]


def test_missing_subcommand_and_unknown_choice_exit_2(tmp_path: Path) -> None:
    for args in (["log"], ["list", "moods"], ["shift", "pause"], ["--bogus"]):
        result = run(tmp_path, *args)
        assert result.returncode == 2, args
        assert len(result.stderr.splitlines()) == 1, result.stderr
    assert not tmp_path.joinpath(DATABASE_NAME).exists()


# --- unusable databases -------------------------------------------------------------------


def test_a_database_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    seed(tmp_path)
    path = tmp_path / DATABASE_NAME
    db = open_database(path)
    with db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    db.close()
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    commands = [["shift", "start"], ["log", "ping", "--source", "slack"], ["list", "pings"]]
    for result in run_all([(tmp_path, args) for args in commands]):
        assert result.returncode == 1
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1
        assert "newer version" in result.stderr
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    path.write_bytes(b"\x00\x01garbage" * 500)
    result = run(tmp_path, "log", "ping", "--source", "slack")
    assert result.returncode == 1
    assert "not a readable Wellbeing database" in result.stderr
    assert path.read_bytes() == b"\x00\x01garbage" * 500


def test_bad_input_on_a_new_folder_creates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "typo"
    result = run(folder, "log", "ping", "--source", "a b")
    assert result.returncode == 2
    assert "--source" in result.stderr
    assert not folder.exists()


def test_an_empty_time_is_bad_input_not_now(tmp_path: Path) -> None:
    result = run(tmp_path, "log", "ping", "--source", "slack", "--at", "")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--at" in result.stderr
    assert not (tmp_path / "wellbeing.sqlite3").exists()


def test_an_empty_data_dir_is_refused(tmp_path: Path) -> None:
    result = run(tmp_path, "--data-dir", "", "list", "pings")
    assert result.returncode == 2
    assert "--data-dir" in result.stderr


def test_a_data_folder_that_is_a_file_gets_one_line(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    result = run(not_a_folder, "shift", "status")
    assert result.returncode == 1
    assert result.stderr.startswith("wellbeing-app: cannot use")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_dates_beyond_the_calendar_are_bad_input(tmp_path: Path) -> None:
    result = run(tmp_path, "list", "pings", "--to", "9999-12-31")
    assert result.returncode == 2
    assert result.stderr.startswith("wellbeing-app: --to:")


def test_listing_filters_and_shows_in_the_same_zone(tmp_path: Path) -> None:
    ok(tmp_path, "log", "ping", "--source", "slack", "--at", "2026-03-11T01:00")  # Berlin
    new_york = {"TZ": "America/New_York"}
    result = run(
        tmp_path,
        "list",
        "pings",
        "--from",
        "2026-03-10",
        "--to",
        "2026-03-10",
        "--json",
        env=new_york,
    )
    [ping] = json.loads(result.stdout)
    assert ping["at"] == "2026-03-10T20:00:00-04:00"  # New York is on summer time already
    assert ping["zone"] == "Europe/Berlin"
    on_the_11th = run(tmp_path, "list", "pings", "--from", "2026-03-11", "--json", env=new_york)
    assert json.loads(on_the_11th.stdout) == []
