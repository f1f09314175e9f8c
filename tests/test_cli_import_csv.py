"""`import pings|shifts FILE [--dry-run] [--json]`, each call ``main(argv)`` at a clock standing at
NOW in Berlin: a listing saved as CSV comes back whole into a fresh data folder; a dry run
changes no byte of the database; rows already there are skipped; a problem is one line naming
the row and column, exit 2, nothing written; a file that is not UTF-8 CSV (or not a file) is
refused without hanging."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import Cli, tables
from wellbeing_app.core.store.paths import DATABASE_NAME

RECORDS = ("shift", "ping")
SCHEDULE = ("schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00",
            "--from", "2026-03-02")  # fmt: skip
MARCH = ("--from", "2026-03-01", "--to", "2026-03-31")


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path / "data", capsys, monkeypatch)


def as_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    """``rows`` of ``list --json`` as a spreadsheet would save them (JSON null: an empty cell)."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
    return path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def database_digest(cli: Cli) -> str:
    return hashlib.sha256((cli.data_dir / DATABASE_NAME).read_bytes()).hexdigest()


def refused(cli: Cli, *args: str) -> str:
    """Runs an import that must be refused as bad input; returns its one stderr line."""
    before = tables(cli.data_dir, RECORDS)
    result = cli.run(*args)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert tables(cli.data_dir, RECORDS) == before
    return line


def seeded(cli: Cli) -> None:
    cli.ok(*SCHEDULE)
    cli.ok("shift", "add", "--start", "2026-03-10T09:00", "--end", "2026-03-10T17:00",
           "--note", "forgot to clock in")  # fmt: skip
    cli.ok("shift", "add", "--start", "2026-03-28T22:00", "--end", "2026-03-29T06:00")
    cli.ok("log", "ping", "--source", "slack", "--at", "2026-03-10T21:00", "--note", "urgent?")
    cli.ok("log", "ping", "--source", "social_dm", "--at", "2026-03-11T10:15", "--minutes", "20")
    cli.ok("log", "ping", "--source", "discord", "--at", "2026-03-29T02:10+01:00")


def without_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in ("id", "origin")} for row in rows]


def test_a_listing_saved_as_csv_comes_back_whole_into_a_fresh_data_folder(
    cli: Cli, tmp_path: Path
) -> None:
    seeded(cli)
    fresh = tmp_path / "fresh"
    cli.ok(*SCHEDULE, data_dir=fresh)
    for kind in ("shifts", "pings"):  # pings in a shift are not after hours: shifts first
        listed = cli.listed(kind, *MARCH)
        out = cli.ok("import", kind, str(as_csv(tmp_path / f"{kind}.csv", listed)), data_dir=fresh)
        assert out == f"Added {len(listed)} {kind}."
        back = cli.listed(kind, *MARCH, data_dir=fresh)
        assert without_ids(back) == without_ids(listed)
        assert {row["origin"] for row in back} == {"import"}
    assert [row["after_hours"] for row in cli.listed("pings", *MARCH, data_dir=fresh)] == [
        True,
        False,
        False,  # inside the night shift
    ]


def test_a_dry_run_changes_no_byte_and_says_what_would_be_added(cli: Cli, tmp_path: Path) -> None:
    seeded(cli)
    path = write(tmp_path / "p.csv", "at,source\n2026-03-10T21:00,slack\n2026-03-12T22:00,teams\n")
    before = database_digest(cli)
    out = cli.ok("import", "pings", str(path), "--dry-run")
    assert out == (
        "Would add 1 ping; 1 already present (skipped). Times without an offset, in rows naming "
        "no zone, were read in Europe/Berlin. Nothing was written (dry run)."
    )
    report = json.loads(cli.ok("import", "pings", str(path), "--dry-run", "--json"))
    assert report == {
        "kind": "pings",
        "dry_run": True,
        "added": 1,
        "skipped": 1,
        "default_zone": "Europe/Berlin",
        "rows": [
            {
                "row": 3,
                "id": None,
                "at": "2026-03-12T22:00:00+01:00",
                "source": "teams",
                "minutes": 0,
                "after_hours": True,
                "on_call": False,
                "judged": True,
                "zone": "Europe/Berlin",
                "note": None,
                "origin": "import",
            }
        ],
        "skipped_rows": [{"row": 2, "reason": "already present"}],
    }
    assert database_digest(cli) == before


def test_importing_twice_skips_every_row_the_second_time(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "start,end,note\n2026-03-10T09:00,2026-03-10T17:00,a\n"
                 "2026-03-11T09:00,2026-03-11T17:00,\n2026-03-11T09:00,2026-03-11T17:00,\n"
                 "2026-03-12T09:00,,\n")  # fmt: skip
    assert cli.ok("import", "shifts", str(path)) == (
        "Added 2 shifts; 1 repeated in the file, 1 still running (no end) (skipped). Times "
        "without an offset, in rows naming no zone, were read in Europe/Berlin."
    )
    report = json.loads(cli.ok("import", "shifts", str(path), "--json"))
    assert (report["added"], report["rows"], report["skipped_rows"]) == (
        0,
        [],
        [
            {"row": 2, "reason": "already present"},
            {"row": 3, "reason": "already present"},
            {"row": 4, "reason": "already present"},
            {"row": 5, "reason": "still running (no end)"},
        ],
    )
    assert len(cli.listed("shifts", *MARCH)) == 2


def test_the_json_rows_of_shifts_are_those_of_list_shifts(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "start,end,zone\n2026-03-28T22:00,2026-03-29T06:00,\n")
    [row] = json.loads(cli.ok("import", "shifts", str(path), "--json"))["rows"]
    assert row == {"row": 2, **cli.listed("shifts", *MARCH)[0]}
    assert (row["id"], row["hours"], row["end"]) == (1, 7.0, "2026-03-29T06:00:00+02:00")


def test_a_bad_value_is_named_by_row_and_column_and_nothing_is_written(
    cli: Cli, tmp_path: Path
) -> None:
    seeded(cli)
    text = "at,source\n" + "2026-03-12T10:00,slack\n" * 12 + "2026-13-01T10:00,slack\n"
    path = write(tmp_path / "p.csv", text)
    assert refused(cli, "import", "pings", str(path)) == (
        f"wellbeing-app: {path}: row 14, column \"at\": '2026-13-01T10:00' is not a date and "
        "time in ISO 8601 form (like 2026-03-10T21:30 or 2026-03-10T21:30:00+01:00)"
    )
    overlap = write(tmp_path / "s.csv", "start,end\n2026-03-10T16:00,2026-03-10T18:00\n")
    assert refused(cli, "import", "shifts", str(overlap), "--json") == (
        f'wellbeing-app: {overlap}: row 2, column "start": overlaps the shift from '
        "2026-03-10 09:00 to 17:00"
    )


def test_a_time_without_offset_is_read_in_the_rows_zone_or_the_users(
    cli: Cli, tmp_path: Path
) -> None:
    text = (
        "at,source,zone\n2026-10-25T02:30,slack,\n2026-10-25T02:30,email,America/New_York\n"
        "2026-03-29T01:59,phone,\n"
    )
    cli.ok("import", "pings", str(write(tmp_path / "p.csv", text)))
    rows = cli.listed("pings", "--from", "2026-03-01", "--to", "2026-10-31")
    assert [(r["at"], r["zone"]) for r in rows] == [
        ("2026-03-29T01:59:00+01:00", "Europe/Berlin"),
        ("2026-10-25T02:30:00+02:00", "Europe/Berlin"),  # repeated hour: the first 02:30
        ("2026-10-25T07:30:00+01:00", "America/New_York"),  # 02:30 in New York, shown in Berlin
    ]
    gap = write(tmp_path / "gap.csv", "at,source\n2026-03-29T02:30,slack\n")
    assert refused(cli, "import", "pings", str(gap)).endswith(
        'row 2, column "at": 2026-03-29 02:30 does not exist in Europe/Berlin (the clocks skip it)'
    )


def test_excel_csv_with_a_bom_and_crlf_is_read(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbfAt,Source,Minutes\r\n2026-03-10T21:00,Slack,5\r\n,,\r\n")
    assert cli.ok("import", "pings", str(path)).startswith("Added 1 ping.")
    [row] = cli.listed("pings", *MARCH)
    assert (row["source"], row["minutes"]) == ("slack", 5)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("at,source\n2026-03-10T21:00,slack,note: café\n".encode("latin-1"), "is not UTF-8 text"),
        ("at,source\n2026-03-10T21:00,slack\n".encode("utf-16"), "is not UTF-8 text"),
        (b"", "is empty; the first row must name the columns (at, source, minutes, note, zone)"),
        (b"at,source\n2026-03-10T21:00,\x00slack\n", "holds NUL bytes"),
    ],
)
def test_a_file_that_is_not_utf8_csv_is_refused_as_a_whole(
    cli: Cli, tmp_path: Path, data: bytes, problem: str
) -> None:
    cli.ok("log", "ping", "--source", "slack", "--at", "2026-03-01T10:00")
    path = tmp_path / "p.csv"
    path.write_bytes(data)
    assert refused(cli, "import", "pings", str(path)).startswith(
        f"wellbeing-app: FILE: {path} {problem}"
    )


def test_a_device_a_pipe_a_folder_and_a_huge_file_are_refused_unread(
    cli: Cli, tmp_path: Path
) -> None:
    cli.ok("log", "ping", "--source", "slack", "--at", "2026-03-01T10:00")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:
        file.truncate(21 * 1024 * 1024)  # sparse: costs no disk
    said: dict[str, str] = {}

    def run_all() -> None:
        for path in ("/dev/zero", str(fifo), str(tmp_path), str(huge)):
            said[path] = refused(cli, "import", "shifts", path, "--dry-run")

    worker = threading.Thread(target=run_all, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "an import waited on a pipe or read a device"
    assert said == {
        "/dev/zero": "wellbeing-app: FILE: /dev/zero is not a regular file (a pipe or a device); "
        "give a CSV file of shifts",
        str(fifo): f"wellbeing-app: FILE: {fifo} is not a regular file (a pipe or a device); "
        "give a CSV file of shifts",
        str(tmp_path): f"wellbeing-app: FILE: {tmp_path} is a folder; give a CSV file of shifts",
        str(huge): f"wellbeing-app: FILE: {huge} is larger than 20 MB, far more than a CSV file "
        "of shifts",
    }


def test_a_missing_file_or_header_is_one_line(cli: Cli, tmp_path: Path) -> None:
    cli.ok("log", "ping", "--source", "slack", "--at", "2026-03-01T10:00")
    missing = tmp_path / "nope.csv"
    assert refused(cli, "import", "pings", str(missing)) == (
        f"wellbeing-app: FILE: {missing} cannot be read (No such file or directory)"
    )
    headless = write(tmp_path / "p.csv", "2026-03-10T21:00,slack\n")
    assert refused(cli, "import", "pings", str(headless)) == (
        f"wellbeing-app: {headless}: row 1: does not name the columns; the first row must hold "
        "at, source, minutes, note, zone"
    )
    unknown = write(tmp_path / "u.csv", "start,end,colour\n")
    assert refused(cli, "import", "shifts", str(unknown)) == (
        f'wellbeing-app: {unknown}: row 1: an unknown column "colour"; the columns of shifts '
        "are start, end, note, zone (id, hours, origin are accepted and ignored)"
    )


def test_a_file_name_that_names_no_file_is_bad_input(cli: Cli) -> None:
    cli.ok("log", "ping", "--source", "slack", "--at", "2026-03-01T10:00")
    assert refused(cli, "import", "pings", "") == (
        "wellbeing-app: FILE: is empty; give the name of a CSV file"
    )
    assert refused(cli, "import", "pings", "a\x00.csv").endswith(
        "cannot be read (a file name holds no NUL character)"
    )
