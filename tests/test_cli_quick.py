"""The quick path (SQLite alone) against the full path (the journal), on the same inputs: the same
replies, refusals, exit statuses and stored rows. The full path takes over whatever the quick
path is not sure of: a folder with no database yet, a schema that needs an upgrade."""

from __future__ import annotations

import argparse
import shutil
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from tests.cli_runner import Cli, Result, tables
from wellbeing_app.cli import quick
from wellbeing_app.core.errors import WellbeingError
from wellbeing_app.core.store.migrate import alembic_config
from wellbeing_app.core.store.paths import DATABASE_NAME
from wellbeing_app.core.store.revisions import head_revision, known_revisions
from wellbeing_app.core.time.clock import Clock

RECORDS = ("shift", "ping")
SCHEDULE = [
    ["schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00",
     "--from", "2026-03-02"],
    ["schedule", "set", "--days", "sat", "--start", "22:00", "--end", "06:00",
     "--from", "2026-03-02"],
    ["schedule", "off", "2026-03-11"],
    ["schedule", "oncall", "2026-03-12T19:00", "2026-03-12T23:00"],
    ["schedule", "rota", "add", "2026-03-16", "13:00", "21:00"],
    ["schedule", "rota", "add", "2026-03-22", "22:00", "06:00"],
]  # fmt: skip
# (command line, the timing a ping is given; None for shift commands)
STEPS: list[tuple[list[str], str | None]] = [
    (["shift", "status"], None),
    (["shift", "end"], None),  # none running
    (["log", "ping", "--source", "slack", "--at", "2026-03-10T10:00"], "working hours"),
    (
        [
            "log",
            "ping",
            "--source",
            "Teams",
            "--at",
            "2026-03-10T17:00",
            "--minutes",
            "5",
            "--note",
            "  late one  ",
        ],
        "after hours",
    ),
    (["log", "ping", "--source", "email", "--at", "2026-03-11T10:00"], "after hours"),  # day off
    (["log", "ping", "--source", "slack", "--at", "2026-02-20T10:00"], None),  # before any schedule
    (["log", "ping", "--source", "phone", "--at", "2026-03-12T20:30"], "on call"),
    (["log", "ping", "--source", "discord", "--at", "2026-03-14T23:00"], "working hours"),
    (["log", "ping", "--source", "slack", "--at", "2026-03-15T05:59"], "working hours"),
    # the rota replaces Monday's 09:00-17:00 and plans a Sunday night
    (["log", "ping", "--source", "slack", "--at", "2026-03-16T10:00"], "after hours"),
    (["log", "ping", "--source", "slack", "--at", "2026-03-16T20:00"], "working hours"),
    (["log", "ping", "--source", "slack", "--at", "2026-03-23T05:00"], "working hours"),
    (["log", "ping", "--source", "slack", "--at", "2026-03-23T07:00"], "after hours"),
    (["shift", "start", "--at", "2026-03-13T09:00", "--note", "  launch  "], None),
    (["shift", "status", "--at", "2026-03-13T20:00"], None),
    (["log", "ping", "--source", "social_dm", "--at", "2026-03-13T20:00"], "working hours"),
    (["shift", "start", "--at", "2026-03-13T10:00"], None),  # one is running
    (["shift", "end", "--at", "2026-03-13T08:00"], None),  # before its start
    (["shift", "end", "--at", "2026-03-13T21:00"], None),
    (["log", "ping", "--source", "slack", "--at", "2026-03-13T20:59"], "working hours"),
    (["log", "ping", "--source", "slack", "--at", "2026-03-13T21:00"], "after hours"),
    (["shift", "start", "--at", "2026-03-13T20:00"], None),  # overlaps the one just ended
    (["shift", "start", "--at", "2026-03-29T01:30"], None),  # the spring-forward night
    (["shift", "end", "--at", "2026-03-29T04:00"], None),
    (["shift", "start"], None),
    (["log", "ping", "--source", "other"], "working hours"),  # now, in the running shift
    (["shift", "status"], None),
    (["shift", "end"], None),
    (["shift", "status"], None),
]


class Spy:
    """Counts what the quick path took; ``off`` sends every command to the full path."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.taken: list[bool] = []
        self.off = False
        real: Callable[[argparse.Namespace, Path, Clock], str | None] = quick.run

        def run(args: argparse.Namespace, database: Path, clock: Clock) -> str | None:
            if self.off:
                self.taken.append(False)
                return None
            try:
                reply = real(args, database, clock)
            except WellbeingError:  # a refusal: taken, and answered
                self.taken.append(True)
                raise
            self.taken.append(reply is not None)
            return reply

        monkeypatch.setattr(quick, "run", run)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path, capsys, monkeypatch)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    return Spy(monkeypatch)


def both(cli: Cli, spy: Spy, quick_dir: Path, full_dir: Path, *args: str) -> Result:
    """One command line on both folders, through each path; returns the quick path's result
    after checking the full path's is the same."""
    spy.off = False
    on_quick = cli.run(*args, data_dir=quick_dir)
    spy.off = True
    on_full = cli.run(*args, data_dir=full_dir)
    assert on_quick == on_full, args
    return on_quick


def test_the_same_replies_refusals_and_rows_on_both_paths(
    cli: Cli, spy: Spy, tmp_path: Path
) -> None:
    quick_dir, full_dir = tmp_path / "quick", tmp_path / "full"
    for args in SCHEDULE:
        cli.ok(*args, data_dir=quick_dir)
        cli.ok(*args, data_dir=full_dir)
    results = []
    for args, timing in STEPS:
        cli.now += timedelta(minutes=1)  # (the same minute on both paths)
        spy.taken.clear()
        result = both(cli, spy, quick_dir, full_dir, *args)
        assert spy.taken == [True, False], args  # the quick path really took it
        if timing is not None:
            assert result.stdout.endswith(f"({timing}).\n"), (args, result)
        results.append((result.returncode, result.stderr))
    assert tables(quick_dir, RECORDS) == tables(full_dir, RECORDS)
    assert [status for status, _ in results].count(0) == len(STEPS) - 4
    assert [err for _, err in results if err] == [
        "wellbeing-app: no shift is running\n",
        "wellbeing-app: a shift is already running since 2026-03-13 09:00; end it first\n",
        "wellbeing-app: --at: the end must come after the start (2026-03-13 09:00)\n",
        "wellbeing-app: --at: overlaps the shift from 2026-03-13 09:00 to 21:00\n",
    ]
    shifts = tables(quick_dir, ("shift",))["shift"]
    assert [s[1:] for s in shifts[:2]] == [
        ("2026-03-13 08:00:00.000000", "2026-03-13 20:00:00.000000", "Europe/Berlin", "launch",
         "cli"),
        ("2026-03-29 00:30:00.000000", "2026-03-29 02:00:00.000000", "Europe/Berlin", None, "cli"),
    ]  # fmt: skip
    pings = tables(quick_dir, ("ping",))["ping"]
    assert pings[1][1:] == ("2026-03-10 16:00:00.000000", "Europe/Berlin", "teams", 5, "late one",
                            "cli")  # fmt: skip


def test_with_no_schedule_at_all_both_paths_judge_alike(cli: Cli, spy: Spy, tmp_path: Path) -> None:
    quick_dir, full_dir = tmp_path / "quick", tmp_path / "full"
    for data_dir in (quick_dir, full_dir):
        cli.ok("shift", "status", data_dir=data_dir)  # the database exists, nothing else
    for args in (
        ["log", "ping", "--source", "slack", "--at", "2026-03-10T10:00"],
        ["shift", "start", "--at", "2026-03-10T09:00"],
        ["log", "ping", "--source", "teams", "--at", "2026-03-10T10:00"],
    ):
        spy.taken.clear()
        assert both(cli, spy, quick_dir, full_dir, *args).returncode == 0
        assert spy.taken == [True, False], args
    assert tables(quick_dir, RECORDS) == tables(full_dir, RECORDS)


def test_a_new_folder_is_created_by_the_full_path(cli: Cli, spy: Spy, tmp_path: Path) -> None:
    quick_dir, full_dir = tmp_path / "quick", tmp_path / "full"
    for args in (["shift", "status"], ["log", "ping", "--source", "slack"], ["shift", "start"]):
        shutil.rmtree(quick_dir, ignore_errors=True)
        shutil.rmtree(full_dir, ignore_errors=True)
        spy.taken.clear()
        assert both(cli, spy, quick_dir, full_dir, *args).returncode == 0
        assert spy.taken == [False, False], args  # no database yet: the full path made it
        assert tables(quick_dir, RECORDS) == tables(full_dir, RECORDS)
        assert _revision(quick_dir) == head_revision()


def _older_database(data_dir: Path) -> None:
    """A database one schema revision behind, with a shift running and a ping."""
    data_dir.mkdir()
    path = data_dir / DATABASE_NAME
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, known_revisions()[-2])
        connection.commit()
    engine.dispose()
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "INSERT INTO shift (start_utc, end_utc, zone, note, origin) VALUES "
            "('2026-03-10 08:00:00.000000', NULL, 'Europe/Berlin', NULL, 'tray')"
        )
        conn.execute(
            "INSERT INTO ping (at_utc, zone, source, minutes, note, origin) VALUES "
            "('2026-03-10 20:15:00.000000', 'Europe/Berlin', 'slack', 5, NULL, 'tray')"
        )
        conn.commit()
    finally:
        conn.close()


def _revision(data_dir: Path) -> str:
    conn = sqlite3.connect(data_dir / DATABASE_NAME)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize(
    "args",
    [
        ["shift", "status", "--at", "2026-03-10T12:00"],
        ["shift", "start"],  # refused: one is running
        ["shift", "end", "--at", "2026-03-10T17:30"],
        ["log", "ping", "--source", "slack", "--at", "2026-03-10T12:00"],
    ],
)
def test_a_database_that_needs_an_upgrade_goes_to_the_full_path(
    cli: Cli, spy: Spy, tmp_path: Path, args: list[str]
) -> None:
    quick_dir, full_dir = tmp_path / "quick", tmp_path / "full"
    _older_database(quick_dir)
    _older_database(full_dir)
    assert _revision(quick_dir) != head_revision()
    result = both(cli, spy, quick_dir, full_dir, *args)
    assert spy.taken == [False, False]  # the quick path left it alone
    assert result.returncode == (1 if args == ["shift", "start"] else 0), result.stderr
    assert _revision(quick_dir) == head_revision()
    assert tables(quick_dir, RECORDS) == tables(full_dir, RECORDS)
    spy.taken.clear()
    assert both(cli, spy, quick_dir, full_dir, "shift", "status").returncode == 0
    assert spy.taken == [True, False]  # upgraded: the quick path takes it from now on
