"""The command line as users meet it: what it prints, its exit status, and what it stores.

Each call is ``main(argv)`` in this process at a clock standing at NOW in Berlin (real processes:
tests/test_cli_process.py). Times given with --at are in the past: the CLI refuses the future.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from tests.cli_runner import BERLIN, NOW, Cli, tables
from wellbeing_app.core.records.incidents import IncidentDraft, log_incident
from wellbeing_app.core.records.pings import log_ping
from wellbeing_app.core.records.shifts import end_shift, start_shift
from wellbeing_app.core.store.database import open_database
from wellbeing_app.core.store.models import Origin
from wellbeing_app.core.store.paths import DATABASE_NAME
from wellbeing_app.core.time.local_time import parse_time

RECORDS = ("shift", "ping", "incident", "setting")


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path, capsys, monkeypatch)


def at(local: str) -> datetime:
    return parse_time(local, NOW, BERLIN)


def seed(data_dir: Path) -> None:
    """A shift, a ping and an incident, written directly through the core."""
    db = open_database(data_dir / DATABASE_NAME)
    with db.write() as session:
        start_shift(session, at=at("2026-03-10T09:00"), now=NOW, zone=BERLIN, origin=Origin.CLI)
        end_shift(session, at=at("2026-03-10T17:00"), now=NOW)
        log_ping(session, at=at("2026-03-10T21:00"), now=NOW, zone=BERLIN, source="slack")
        draft = IncidentDraft(at=at("2026-03-10T12:00"), category="crisis", severity=3)
        log_incident(session, draft, now=NOW, zone=BERLIN, origin=Origin.CLI)
    db.close()


# --- the shift clock ----------------------------------------------------------------------


def test_shift_start_status_end_over_the_spring_forward_night(cli: Cli) -> None:
    assert cli.ok("shift", "start", "--at", "2026-03-28T22:00") == (
        "Shift started at 2026-03-28 22:00."
    )
    assert cli.ok("shift", "status", "--at", "2026-03-29T06:00") == (
        "Shift running since 2026-03-28 22:00 (7 h 00 min)."
    )
    [running] = cli.listed("shifts")
    assert running["end"] is None
    assert isinstance(running["hours"], float | int)
    assert running["hours"] > 7  # counted up to now, months later

    assert cli.ok("shift", "end", "--at", "2026-03-29T06:00") == (
        "Shift ended at 2026-03-29 06:00 after 7 h 00 min. Time for you now."
    )
    assert cli.ok("shift", "status") == "No shift running."
    [row] = cli.listed("shifts")
    assert row["id"] == running["id"]
    assert row["start"] == "2026-03-28T22:00:00+01:00"
    assert row["end"] == "2026-03-29T06:00:00+02:00"
    assert row["hours"] == 7
    assert row["origin"] == "cli"


def test_shift_start_twice_and_end_with_none_running_are_refused(cli: Cli) -> None:
    result = cli.run("shift", "end", "--at", "2026-03-10T17:00")
    assert result.returncode == 1
    assert result.stderr == "wellbeing-app: no shift is running\n"
    assert result.stdout == ""

    cli.ok("shift", "start", "--at", "2026-03-10T09:00", "--note", "launch day")
    result = cli.run("shift", "start", "--at", "2026-03-10T10:00")
    assert result.returncode == 1
    assert result.stderr == (
        "wellbeing-app: a shift is already running since 2026-03-10 09:00; end it first\n"
    )
    [row] = cli.listed("shifts")
    assert (row["start"], row["end"], row["note"]) == (
        "2026-03-10T09:00:00+01:00",
        None,
        "launch day",
    )


def test_shift_over_the_fall_back_night_in_text_listing(cli: Cli) -> None:
    cli.ok("shift", "start", "--at", "2026-10-24T22:00")
    assert cli.ok("shift", "end", "--at", "2026-10-25T06:00").endswith(
        "after 9 h 00 min. Time for you now."
    )
    line = cli.ok("list", "shifts")
    assert "2026-10-24 22:00 -> 2026-10-25 06:00" in line
    assert "9.00 h" in line


# --- logging ------------------------------------------------------------------------------


def test_log_ping_and_list_it(cli: Cli, tmp_path: Path) -> None:
    cli.ok("schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00",
           "--from", "2026-03-01")  # fmt: skip
    db = open_database(tmp_path / DATABASE_NAME)
    with db.write() as session:
        start_shift(session, at=at("2026-03-10T09:00"), now=NOW, zone=BERLIN)
        end_shift(session, at=at("2026-03-10T17:00"), now=NOW)
    db.close()
    assert cli.ok(
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
    assert cli.ok("log", "ping", "--source", "slack", "--at", "2026-03-10T21:00Z") == (
        "Ping from Slack logged at 2026-03-10 22:00 (after hours)."
    )
    pings = cli.listed("pings")
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
    text_lines = cli.ok("list", "pings").splitlines()
    assert len(text_lines) == 2
    assert "discord" in text_lines[0] and "working hours" in text_lines[0]
    assert "Slack" in text_lines[1] and "after hours" in text_lines[1]


def test_text_shows_labels_where_json_keeps_the_ids(cli: Cli) -> None:
    cli.ok("log", "ping", "--source", "social_dm", "--at", "2026-03-10T21:00")
    cli.ok("log", "incident", "--category", "customer_escalation", "--severity", "2")
    [ping_line] = cli.ok("list", "pings").splitlines()
    [incident_line] = cli.ok("list", "incidents").splitlines()
    assert "Social DM" in ping_line and "social_dm" not in ping_line
    assert "Customer escalation" in incident_line and "customer_escalation" not in incident_line
    assert [p["source"] for p in cli.listed("pings")] == ["social_dm"]
    assert [i["category"] for i in cli.listed("incidents")] == ["customer_escalation"]


def test_log_ping_now_by_default(cli: Cli) -> None:
    out = cli.ok("log", "ping", "--source", "email")
    # A new user who set no working hours yet: the app does not claim it came after hours.
    assert out == "Ping from Email logged at 2026-11-15 13:00 (not judged: no working hours set)."
    assert cli.listed("pings")[0]["judged"] is False
    [row] = cli.listed("pings")
    logged = datetime.fromisoformat(row["at"])
    assert logged == NOW
    # Shown in the clock's zone, with its offset at that instant.
    assert logged.utcoffset() == logged.astimezone(ZoneInfo(BERLIN)).utcoffset()


def test_log_incident_keeps_details_private(cli: Cli, tmp_path: Path) -> None:
    secret = "SECRET-names-and-screenshots"
    out = cli.ok(
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
    [row] = cli.listed("incidents")
    assert {k: row[k] for k in ("at", "category", "severity", "minutes")} == {
        "at": "2026-03-10T20:15:00+01:00",
        "category": "harassment",
        "severity": 4,
        "minutes": 45,
    }
    assert isinstance(row["id"], int)
    assert "details" not in row
    for args in (("--json",), ()):
        assert secret not in cli.ok("list", "incidents", *args)
    # It is stored, though: the app's own windows show it to the user.
    assert tables(tmp_path, ("incident",))["incident"][0][8] == secret


# --- listing ranges -----------------------------------------------------------------------


def test_from_and_to_are_inclusive_local_dates(cli: Cli, tmp_path: Path) -> None:
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
    for args, expected in queries:
        rows = cli.listed(*args)
        assert [(r.get("at") or r["start"])[5:16] for r in rows] == expected, args
    assert cli.ok("list", "shifts", "--from", "2026-03-29") == "No shifts in this period."


# --- where the data lives -----------------------------------------------------------------


def test_data_dir_flag_overrides_the_environment(cli: Cli, tmp_path: Path) -> None:
    from_env = tmp_path / "env"
    before, after = tmp_path / "flag-before", tmp_path / "flag-after"
    command = ["log", "ping", "--source", "phone", "--at", "2026-03-10T21:00"]
    cli.ok("--data-dir", str(before), *command, data_dir=from_env)
    cli.ok(*command, "--data-dir", str(after), data_dir=from_env)
    assert not from_env.exists()
    for chosen in (before, after):
        assert [row[3] for row in tables(chosen, ("ping",))["ping"]] == ["phone"]
    rows = cli.listed("pings", "--data-dir", str(after), data_dir=from_env)
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
    ([*INCIDENT[:-2], "--at", "2099-01-01T10:00"], "--at"),
    (["log", "ping", "--source", "my app"], "--source"),
    (["log", "ping", "--source", "slack!"], "--source"),
    (["log", "ping", "--source", "s" * 41], "--source"),
    ([*PING, "--minutes", "-5"], "--minutes"),
    ([*PING, "--minutes", "ten"], "--minutes"),
    ([*PING, "--note", "n" * 2001], "--note"),
    (["log", "ping", "--source", "slack", "--at", "tomorrow"], "--at"),
    (["log", "ping", "--source", "slack", "--at", "2026-03-29T02:30"], "--at"),
    (["log", "ping", "--source", "slack", "--at", "2099-01-01T10:00"], "--at"),
    (["shift", "start", "--at", "25:00"], "--at"),
    (["shift", "start", "--at", "2099-01-01T10:00"], "--at"),
    (["shift", "start", "--at", "2026-03-11T09:00", "--note", "n" * 2001], "--note"),
    (["shift", "end", "--note", "done"], "--note"),
    (["shift", "end", "--at", "2026-03-10T08:00"], "--at"),  # before the seeded shift's start
    (["list", "pings", "--from", "2026-13-01"], "--from"),
    (["list", "pings", "--to", "yesterday"], "--to"),
    (["list", "pings", "--from", "2026-03-10", "--to", "2026-03-01"], "--to"),
]


@pytest.mark.parametrize(("args", "field"), BAD_INPUT, ids=[" ".join(a)[:60] for a, _ in BAD_INPUT])
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(
    cli: Cli, tmp_path: Path, args: list[str], field: str
) -> None:
    seed(tmp_path)
    if args[:2] == ["shift", "end"]:
        db = open_database(tmp_path / DATABASE_NAME)
        with db.write() as session:
            start_shift(session, at=at("2026-03-10T18:00"), now=NOW, zone=BERLIN)
        db.close()
    before = tables(tmp_path, RECORDS)
    result = cli.run(*args)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("wellbeing-app: ")
    assert field in lines[0]
    assert tables(tmp_path, RECORDS) == before


# Bad whatever is stored: all but the end before the stored shift's start.
BAD_ANYWHERE = [case for case in BAD_INPUT if case[0][:3] != ["shift", "end", "--at"]]


@pytest.mark.parametrize(
    ("args", "field"), BAD_ANYWHERE, ids=[" ".join(a)[:60] for a, _ in BAD_ANYWHERE]
)
def test_bad_input_on_a_new_folder_creates_nothing(
    cli: Cli, tmp_path: Path, args: list[str], field: str
) -> None:
    folder = tmp_path / "typo"
    result = cli.run(*args, data_dir=folder)
    assert result.returncode == 2, result.stderr
    assert field in result.stderr
    assert not folder.exists()


def test_bad_input_leaves_the_listing_as_it_was(cli: Cli, tmp_path: Path) -> None:
    seed(tmp_path)
    kinds = ["shifts", "pings", "incidents"]
    before = [cli.listed(kind) for kind in kinds]
    bad = [
        cli.run(*INCIDENT[:-2], "--at", "2026-03-29T02:30"),
        cli.run("log", "ping", "--source", "two words"),
        cli.run("shift", "start", "--at", "2026-03-10T12:00"),  # inside the seeded shift
    ]
    assert [r.returncode for r in bad] == [2, 2, 2]
    after = [cli.listed(kind) for kind in kinds]
    assert after == before
    assert [len(rows) for rows in after] == [1, 1, 1]


def test_missing_subcommand_and_unknown_choice_exit_2(cli: Cli, tmp_path: Path) -> None:
    for args in (["log"], ["list", "moods"], ["shift", "pause"], ["--bogus"]):
        result = cli.run(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.splitlines()) == 1, result.stderr
    assert not tmp_path.joinpath(DATABASE_NAME).exists()


# --- unusable databases -------------------------------------------------------------------


def test_a_database_from_a_newer_version_is_refused_and_left_alone(
    cli: Cli, tmp_path: Path
) -> None:
    seed(tmp_path)
    path = tmp_path / DATABASE_NAME
    db = open_database(path)
    with db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    db.close()
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    commands = [
        ["shift", "start"],
        ["shift", "status"],
        ["log", "ping", "--source", "slack"],
        ["list", "pings"],
    ]
    for args in commands:
        result = cli.run(*args)
        assert result.returncode == 1
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1
        assert "newer version" in result.stderr
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_file_that_is_not_a_database_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    path.write_bytes(b"\x00\x01garbage" * 500)
    for args in (["log", "ping", "--source", "slack"], ["shift", "status"]):
        result = cli.run(*args)
        assert result.returncode == 1
        assert "not a readable Wellbeing database" in result.stderr
        assert path.read_bytes() == b"\x00\x01garbage" * 500


def test_an_empty_time_is_bad_input_not_now(cli: Cli, tmp_path: Path) -> None:
    result = cli.run("log", "ping", "--source", "slack", "--at", "")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--at" in result.stderr
    assert not (tmp_path / DATABASE_NAME).exists()


def test_an_empty_data_dir_is_refused(cli: Cli) -> None:
    result = cli.run("--data-dir", "", "list", "pings")
    assert result.returncode == 2
    assert result.stderr == (
        "wellbeing-app: --data-dir: is empty; give a folder, or leave the option out\n"
    )


def test_a_data_folder_that_is_a_file_gets_one_line(cli: Cli, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    for args in (["shift", "status"], ["list", "shifts"]):
        result = cli.run(*args, data_dir=not_a_folder)
        assert result.returncode == 1
        assert result.stderr.startswith("wellbeing-app: cannot use")
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_dates_beyond_the_calendar_are_bad_input(cli: Cli, tmp_path: Path) -> None:
    result = cli.run("list", "pings", "--to", "9999-12-31")
    assert result.returncode == 2
    assert result.stderr.startswith("wellbeing-app: argument --to:")
    assert not (tmp_path / DATABASE_NAME).exists()


def test_listing_filters_and_shows_in_the_same_zone(cli: Cli) -> None:
    cli.ok("log", "ping", "--source", "slack", "--at", "2026-03-11T01:00")  # Berlin
    new_york = "America/New_York"
    rows: list[Any] = cli.listed("pings", "--from", "2026-03-10", "--to", "2026-03-10")
    assert rows == []  # in Berlin, it came on the 11th
    [ping] = json.loads(
        cli.ok(
            "list", "pings", "--from", "2026-03-10", "--to", "2026-03-10", "--json", zone=new_york
        )
    )
    assert ping["at"] == "2026-03-10T20:00:00-04:00"  # New York is on summer time already
    assert ping["zone"] == "Europe/Berlin"
    assert (
        json.loads(cli.ok("list", "pings", "--from", "2026-03-11", "--json", zone=new_york)) == []
    )
