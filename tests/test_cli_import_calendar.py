"""``import calendar``: a calendar file becomes the rota, on-call periods or days off for its
dates, as one batch that importing again updates and ``import undo`` removes; after-hours
figures follow it.

The night-shift calendar (tests/data/calendars/night_shifts_warsaw_handmade.ics) plans Friday
and Saturday nights 22:00-06:00 in Warsaw from 2026-03-27 to 2026-10-31, without 2026-04-03,
with 2026-04-04 moved to 23:00-07:00 and 2026-10-23 cancelled, plus all-day recovery days on
2026-03-30 and 31.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import Cli, tables

CALENDARS = Path(__file__).parent / "data" / "calendars"
NIGHTS = CALENDARS / "night_shifts_warsaw_handmade.ics"
SPRING = ["--from", "2026-03-27", "--to", "2026-03-29"]
WEEKDAYS = ["schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00",
            "--from", "2026-03-02"]  # fmt: skip


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path / "data", capsys, monkeypatch)


def imported(cli: Cli, path: Path, *args: str) -> dict[str, Any]:
    reply: dict[str, Any] = json.loads(cli.ok("import", "calendar", str(path), *args, "--json"))
    return reply


def rows(cli: Cli, table: str) -> list[Any]:
    return tables(cli.data_dir, (table,))[table]


def test_a_night_over_the_spring_change_is_seven_hours_with_its_offsets(cli: Cli) -> None:
    report = imported(cli, NIGHTS, "--as", "rota", *SPRING)
    assert [(e["start"], e["end"], e["hours"], e["date"]) for e in report["events"]] == [
        ("2026-03-27T22:00:00+01:00", "2026-03-28T06:00:00+01:00", 8.0, "2026-03-27"),
        ("2026-03-28T22:00:00+01:00", "2026-03-29T06:00:00+02:00", 7.0, "2026-03-28"),
    ]
    assert {e["uid"] for e in report["events"]} == {"night-shift-2026@wellbeing.example"}
    assert (report["kept"], report["added"], report["batch"]) == (2, 2, 1)
    assert report["skipped_why"] == {}
    assert report["updated_batch"] is False


def test_importing_again_updates_the_batch_instead_of_doubling_it(cli: Cli) -> None:
    first = imported(cli, NIGHTS, "--as", "rota")
    kept = first["kept"]
    # 32 Fridays and 32 Saturdays (2026-03-27 to 2026-10-31), less the EXDATE and the
    # cancelled night; the moved one stays, moved.
    assert kept == 32 * 2 - 2
    assert first["skipped_why"] == {
        "all-day event (no working hours; import it --as days-off or --as oncall)": 1,
        "cancelled": 1,
    }
    again = imported(cli, NIGHTS, "--as", "rota")
    assert (again["batch"], again["updated_batch"]) == (first["batch"], True)
    assert (again["added"], again["changed"], again["removed"]) == (0, kept, 0)
    assert len(rows(cli, "rota_window")) == kept
    assert len(rows(cli, "import_batch")) == 1
    moved = [e for e in first["events"] if e["date"] == "2026-04-04"]
    assert [(e["start"], e["end"]) for e in moved] == [
        ("2026-04-04T23:00:00+02:00", "2026-04-05T07:00:00+02:00")
    ]
    assert not [e for e in first["events"] if e["date"] in ("2026-04-03", "2026-10-23")]


def test_an_event_removed_from_the_calendar_goes_on_the_next_import(
    cli: Cli, tmp_path: Path
) -> None:
    imported(cli, NIGHTS, "--as", "rota")
    edited = tmp_path / "nights.ics"
    text = NIGHTS.read_bytes().replace(
        b"EXDATE;TZID=Europe/Warsaw:20260403T220000",
        b"EXDATE;TZID=Europe/Warsaw:20260403T220000,20260410T220000",
    )
    edited.write_bytes(text)
    report = imported(cli, edited, "--as", "rota")
    assert (report["added"], report["removed"], report["updated_batch"]) == (0, 1, True)
    assert report["file"] == "nights.ics"


def test_importing_only_some_dates_keeps_the_batch_s_other_dates(cli: Cli) -> None:
    whole = imported(cli, NIGHTS, "--as", "rota")
    part = imported(cli, NIGHTS, "--as", "rota", *SPRING)
    assert (part["changed"], part["removed"]) == (2, 0)
    assert len(rows(cli, "rota_window")) == whole["kept"]


def test_undo_removes_the_batch_as_a_whole(cli: Cli) -> None:
    imported(cli, NIGHTS, "--as", "rota")
    imported(cli, NIGHTS, "--as", "days-off", "--match", "recovery")
    listed = json.loads(cli.ok("import", "list", "--json"))
    assert [(b["batch"], b["as"], b["rows"]) for b in listed] == [
        (1, "rota", 62),
        (2, "days-off", 1),
    ]
    assert cli.ok("import", "undo", "1") == (
        "Removed batch #1 (night_shifts_warsaw_handmade.ics): 62 rota windows. "
        "Those days follow the weekly pattern again."
    )
    assert rows(cli, "rota_window") == []
    assert len(rows(cli, "day_off")) == 1
    again = cli.run("import", "undo", "1")
    assert (again.returncode, again.stderr) == (
        1,
        "wellbeing-app: no import batch #1; 'wellbeing-app import list' shows them\n",
    )


def after_hours_flags(cli: Cli) -> list[tuple[bool, bool]]:
    return [(p["after_hours"], p["on_call"]) for p in json.loads(cli.ok("list", "pings", "--json"))]


def test_after_hours_figures_follow_the_imported_rota(cli: Cli) -> None:
    cli.ok(*WEEKDAYS)
    cli.ok("log", "ping", "--source", "slack", "--at", "2026-03-28T23:30")  # Saturday night
    cli.ok("log", "ping", "--source", "slack", "--at", "2026-03-27T10:00")  # Friday morning
    week = ["--from", "2026-03-23", "--to", "2026-03-29"]
    before = json.loads(cli.ok("summary", "--format", "json", *week))["totals"]
    assert after_hours_flags(cli) == [(False, False), (True, False)]
    imported(cli, NIGHTS, "--as", "rota")
    after = json.loads(cli.ok("summary", "--format", "json", *week))["totals"]
    # Friday's 09:00-17:00 is replaced by the night: the morning ping is after hours now, the
    # Saturday-night one is in working hours.
    assert after_hours_flags(cli) == [(True, False), (False, False)]
    assert (before["workdays"], after["workdays"]) == (5, 6)
    assert (before["hours_scheduled"], after["hours_scheduled"]) == (40, 32 + 8 + 7)


def test_as_oncall_and_days_off(cli: Cli) -> None:
    cli.ok(*WEEKDAYS)
    cli.ok("log", "ping", "--source", "phone", "--at", "2026-03-28T23:30")
    report = imported(cli, NIGHTS, "--as", "oncall", *SPRING)
    assert report["kept"] == 2
    assert after_hours_flags(cli) == [(False, True)]
    off = imported(cli, NIGHTS, "--as", "days-off", "--match", "leave")  # its CATEGORIES
    assert [(e["date"], e["last_date"], e["all_day"]) for e in off["events"]] == [
        ("2026-03-30", "2026-03-31", True)
    ]
    assert off["skipped_why"] == {"did not match --match": 1}  # a recurring event counts once
    assert [r[1:3] for r in rows(cli, "day_off")] == [("2026-03-30", "2026-03-31")]


def test_a_dry_run_shows_the_events_and_writes_nothing(cli: Cli) -> None:
    reply = cli.ok("import", "calendar", str(NIGHTS), "--as", "rota", *SPRING, "--dry-run")
    assert reply.splitlines() == [
        "Read night_shifts_warsaw_handmade.ics (Night shifts (hand-made)), 2026-03-27 to "
        "2026-03-29: 2 events would become rota windows.",
        "Would make a new batch: 2 added, 0 changed, 0 removed. Nothing was written (dry run).",
        "  Fri 2026-03-27 22:00-06:00 (8 h 00 min) Night shift",
        "  Sat 2026-03-28 22:00-06:00 (7 h 00 min) Night shift",
    ]
    assert rows(cli, "rota_window") == rows(cli, "import_batch") == []


def test_a_rota_window_typed_by_hand_is_not_overwritten(cli: Cli) -> None:
    cli.ok("schedule", "rota", "add", "2026-03-28", "20:00", "23:00")
    report = imported(cli, NIGHTS, "--as", "rota", *SPRING)
    assert report["kept"] == 1
    assert report["skipped_why"] == {"overlaps a rota window already planned": 1}


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda d: d, "is a folder"),
        (lambda d: Path("/dev/zero"), "is not a regular file"),
        (lambda d: _write(d / "x.ics", b"hello\r\n"), "calendar"),
        (lambda d: _write(d / "x.ics", "SUMMARY:Caf\u00e9".encode("latin-1")), "not UTF-8"),
        (lambda d: _fifo(d / "pipe.ics"), "is not a regular file"),
    ],
)
def test_bad_files_give_one_line_and_exit_2_writing_nothing(
    cli: Cli, tmp_path: Path, make: Any, problem: str
) -> None:
    path = make(tmp_path)
    result = cli.run("import", "calendar", str(path), "--as", "rota")
    assert result.returncode == 2
    assert result.stderr.startswith(f"wellbeing-app: {path}: ")
    assert problem in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert rows(cli, "import_batch") == []


def test_dates_the_wrong_way_round_are_refused(cli: Cli) -> None:
    result = cli.run(
        "import", "calendar", str(NIGHTS), "--as", "rota", "--from", "2026-04-01", "--to",
        "2026-03-01",
    )  # fmt: skip
    assert result.returncode == 2
    assert "--to" in result.stderr


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path
