"""Any day can be corrected from the command line: `shift add` for a shift that is over, `edit`
and `delete` for a shift, ping or incident by its number, each call ``main(argv)`` at a clock
standing at NOW in Berlin. Exit 0 done, 1 refused (no such number), 2 bad input naming the option;
a refusal changes nothing.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from tests.cli_runner import Cli, tables
from wellbeing_app.core.store.paths import DATABASE_NAME

RECORDS = ("shift", "ping", "incident")
INCIDENT = [
    *("log", "incident", "--category", "crisis", "--severity", "3", "--platform", "x"),
    *("--summary", "pile-on", "--details", "what they wrote", "--at", "2026-03-10T12:00"),
]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path, capsys, monkeypatch)


def seeded(cli: Cli) -> None:
    """Shift #1 (Tue 10 March 09:00-17:00, with a note), ping #1 (21:00, after hours), incident #1;
    working hours Monday to Friday 09:00-17:00."""
    cli.ok("schedule", "set", "--days", "mon-fri", "--start", "09:00", "--end", "17:00",
           "--from", "2026-03-02")  # fmt: skip
    cli.ok("shift", "add", "--start", "2026-03-10T09:00", "--end", "2026-03-10T17:00",
           "--note", "forgot to clock in")  # fmt: skip
    cli.ok("log", "ping", "--source", "slack", "--at", "2026-03-10T21:00", "--note", "urgent?")
    cli.ok(*INCIDENT)


def refused(cli: Cli, tmp_path: Path, status: int, *args: str) -> str:
    """Runs a command that must be refused with ``status``; returns its one stderr line."""
    before = tables(tmp_path, RECORDS)
    result = cli.run(*args)
    assert result.returncode == status, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("wellbeing-app: ")
    assert tables(tmp_path, RECORDS) == before
    return line


def stored_details(data_dir: Path) -> list[str | None]:
    """The incidents' private details as stored (they are never listed)."""
    conn = sqlite3.connect(data_dir / DATABASE_NAME)
    try:
        return [row[0] for row in conn.execute("SELECT details FROM incident ORDER BY id")]
    finally:
        conn.close()


# --- shift add ----------------------------------------------------------------------------


def test_shift_add_records_a_shift_that_is_over(cli: Cli) -> None:
    out = cli.ok("shift", "add", "--start", "2026-03-28T22:00", "--end", "2026-03-29T06:00",
                 "--note", "night cover")  # fmt: skip
    assert out == "Shift #1 added: 2026-03-28 22:00 to 2026-03-29 06:00 (7 h 00 min)."
    [row] = cli.listed("shifts")
    assert (row["start"], row["end"], row["hours"]) == (
        "2026-03-28T22:00:00+01:00",
        "2026-03-29T06:00:00+02:00",
        7,
    )
    assert (row["note"], row["origin"], row["zone"]) == ("night cover", "cli", "Europe/Berlin")
    assert cli.ok("shift", "status") == "No shift running."


def test_shift_add_is_refused_only_over_a_recorded_shift_which_is_named(
    cli: Cli, tmp_path: Path
) -> None:
    seeded(cli)
    line = refused(cli, tmp_path, 2, "shift", "add", "--start", "2026-03-10T16:00",
                   "--end", "2026-03-10T18:00")  # fmt: skip
    assert line == "wellbeing-app: --start: overlaps shift #1 (2026-03-10 09:00 to 17:00)"
    cli.ok("shift", "start", "--at", "2026-03-11T09:00")
    line = refused(cli, tmp_path, 2, "shift", "add", "--start", "2026-03-11T08:00",
                   "--end", "2026-03-11T10:00")  # fmt: skip
    assert line.endswith("overlaps shift #2 (since 2026-03-11 09:00, still running)")
    # Right after the first one, and one on another day: both fine.
    cli.ok("shift", "add", "--start", "2026-03-10T17:00", "--end", "2026-03-10T18:00")
    cli.ok("shift", "add", "--start", "2026-03-09T09:00", "--end", "2026-03-09T12:00")
    assert len(cli.listed("shifts")) == 4


ADD = ["shift", "add", "--start", "2026-03-10T09:00"]
BAD_ADD = [
    (ADD, "--end"),
    (["shift", "add", "--end", "2026-03-10T09:00"], "--start"),
    ([*ADD, "--end", "2026-03-10T10:00", "--at", "2026-03-10T09:00"], "--at"),
    ([*ADD, "--end", "2026-03-10T09:00"], "--end"),
    ([*ADD, "--end", "2026-03-10T08:00"], "--end"),
    ([*ADD, "--end", "2099-01-01T10:00"], "--end"),
    (["shift", "add", "--start", "2026-03-29T02:30", "--end", "2026-03-29T06:00"], "--start"),
    ([*ADD, "--end", "2026-03-10T10:00", "--note", "n" * 2001], "--note"),
    (["shift", "start", "--start", "2026-03-10T09:00"], "--start"),
    (["shift", "end", "--end", "2026-03-10T09:00"], "--end"),
]


@pytest.mark.parametrize(("args", "name"), BAD_ADD, ids=[" ".join(a)[:70] for a, _ in BAD_ADD])
def test_bad_shift_add_exits_2_naming_the_option_before_any_database(
    cli: Cli, tmp_path: Path, args: list[str], name: str
) -> None:
    folder = tmp_path / "new"
    result = cli.run(*args, data_dir=folder)
    assert result.returncode == 2, result.stderr
    assert re.match(rf"wellbeing-app: (argument )?{name}:", result.stderr), result.stderr
    assert not folder.exists()


# --- edit ---------------------------------------------------------------------------------


def test_edit_shift_changes_the_fields_given_and_keeps_the_others(cli: Cli) -> None:
    seeded(cli)
    out = cli.ok("edit", "shift", "1", "--start", "2026-03-10T08:30")
    assert out == "Shift #1 corrected: start 2026-03-10 09:00 -> 2026-03-10 08:30."
    [row] = cli.listed("shifts")
    assert (row["start"], row["end"], row["note"]) == (
        "2026-03-10T08:30:00+01:00",
        "2026-03-10T17:00:00+01:00",
        "forgot to clock in",
    )
    out = cli.ok("edit", "shift", "#1", "--end", "2026-03-10T18:15", "--note", "")
    assert out == (
        "Shift #1 corrected: end 2026-03-10 17:00 -> 2026-03-10 18:15; "
        'note "forgot to clock in" -> (none).'
    )
    as_json = json.loads(cli.ok("edit", "shift", "1", "--note", "covered for Sam", "--json"))
    assert as_json == cli.listed("shifts")[0]
    assert (as_json["note"], as_json["hours"]) == ("covered for Sam", 9.75)
    assert cli.ok("edit", "shift", "1", "--note", "covered for Sam") == (
        "Shift #1 unchanged: it already read so."
    )


def test_edit_shift_keeps_the_rules_and_names_an_overlapped_shift(cli: Cli, tmp_path: Path) -> None:
    seeded(cli)
    cli.ok("shift", "add", "--start", "2026-03-11T09:00", "--end", "2026-03-11T17:00")
    line = refused(cli, tmp_path, 2, "edit", "shift", "2", "--start", "2026-03-10T16:00")
    assert line == "wellbeing-app: --start: overlaps shift #1 (2026-03-10 09:00 to 17:00)"
    line = refused(cli, tmp_path, 2, "edit", "shift", "2", "--end", "2026-03-11T08:00")
    assert line == "wellbeing-app: --end: must come after the start"
    line = refused(cli, tmp_path, 2, "edit", "shift", "2", "--start", "2026-03-11T10:00",
                   "--end", "2026-03-11T09:00")  # fmt: skip
    assert line == "wellbeing-app: --end: must come after --start"


def test_a_running_shift_can_be_edited_but_is_ended_by_shift_end(cli: Cli, tmp_path: Path) -> None:
    cli.ok("shift", "start", "--at", "2026-11-15T09:00")
    out = cli.ok("edit", "shift", "1", "--start", "2026-11-15T08:45", "--note", "early")
    assert out == (
        'Shift #1 corrected: start 2026-11-15 09:00 -> 2026-11-15 08:45; note (none) -> "early".'
    )
    line = refused(cli, tmp_path, 1, "edit", "shift", "1", "--end", "2026-11-15T10:00")
    assert "still running" in line and "shift end" in line
    [row] = cli.listed("shifts")
    assert row["end"] is None


def test_edit_ping_is_judged_again_at_its_new_time(cli: Cli) -> None:
    seeded(cli)
    out = cli.ok("edit", "ping", "1", "--at", "2026-03-10T16:00", "--source", "social_dm",
                 "--minutes", "5", "--note", "")  # fmt: skip
    assert out == (
        "Ping #1 corrected: at 2026-03-10 21:00 -> 2026-03-10 16:00; "
        'source Slack -> Social DM; minutes 0 -> 5; note "urgent?" -> (none); '
        "now working hours (was after hours)"
        "."
    )
    [row] = cli.listed("pings")
    assert (row["source"], row["minutes"], row["note"], row["after_hours"]) == (
        "social_dm",
        5,
        None,
        False,
    )
    assert json.loads(cli.ok("edit", "ping", "1", "--minutes", "7", "--json")) == {
        **row,
        "minutes": 7,
    }


def test_edit_incident_keeps_details_private_and_clears_empty_text(
    cli: Cli, tmp_path: Path
) -> None:
    seeded(cli)
    out = cli.ok("edit", "incident", "1", "--category", "customer_escalation", "--severity",
                 "4", "--platform", "", "--details", "what they really wrote")  # fmt: skip
    assert out == (
        "Incident #1 corrected: category Crisis -> Customer escalation; severity 3 -> 4; "
        'platform "x" -> (none); details (private) changed.'
    )
    assert "wrote" not in out
    assert stored_details(tmp_path) == ["what they really wrote"]
    row = json.loads(cli.ok("edit", "incident", "1", "--details", "", "--json"))
    assert "details" not in row
    assert row == cli.listed("incidents")[0]
    assert (row["category"], row["severity"], row["platform"], row["summary"]) == (
        "customer_escalation",
        4,
        None,
        "pile-on",
    )
    assert stored_details(tmp_path) == [None]


def test_a_number_that_does_not_exist_is_refused_with_exit_1(cli: Cli, tmp_path: Path) -> None:
    seeded(cli)
    for kind in RECORDS:
        option = "--note" if kind == "shift" else "--minutes"
        line = refused(cli, tmp_path, 1, "edit", kind, "9", option, "3")
        assert line == (
            f"wellbeing-app: there is no {kind} #9; "
            f"'wellbeing-app list {kind}s' shows their numbers"
        )
        assert refused(cli, tmp_path, 1, "delete", kind, "9") == line


BAD_EDIT = [
    (["edit", "shift", "1"], "edit shift"),
    (["edit", "ping", "1", "--json"], "edit ping"),
    (["edit", "incident", "1"], "edit incident"),
    (["edit", "shift", "x", "--note", "n"], "ID"),
    (["edit", "ping", "0", "--minutes", "1"], "ID"),
    (["delete", "incident", "-1"], "ID"),
    (["delete", "ping"], "ID"),
    (["edit", "shift", "1", "--start", "2099-01-01T10:00"], "--start"),
    (["edit", "shift", "1", "--note", "n" * 2001], "--note"),
    (["edit", "shift", "1", "--at", "2026-03-10T10:00"], "--at"),
    (["edit", "ping", "1", "--source", ""], "--source"),
    (["edit", "ping", "1", "--source", "two words"], "--source"),
    (["edit", "ping", "1", "--minutes", "1441"], "--minutes"),
    (["edit", "ping", "1", "--at", "2026-03-29T02:30"], "--at"),
    (["edit", "incident", "1", "--severity", "6"], "--severity"),
    (["edit", "incident", "1", "--category", "trolls"], "--category"),
    (["edit", "incident", "1", "--summary", "s" * 281], "--summary"),
    (["edit", "incident", "1", "--platform", "p" * 41], "--platform"),
    (["edit", "incident", "1", "--at", "2099-01-01T10:00"], "--at"),
]


@pytest.mark.parametrize(("args", "name"), BAD_EDIT, ids=[" ".join(a)[:60] for a, _ in BAD_EDIT])
def test_bad_edit_exits_2_naming_the_option_and_changes_nothing(
    cli: Cli, tmp_path: Path, args: list[str], name: str
) -> None:
    folder = tmp_path / "new"
    result = cli.run(*args, data_dir=folder)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("wellbeing-app: ")
    assert name in result.stderr  # as typed: ours say "NAME: ...", argparse's in its own words
    assert not folder.exists()
    seeded(cli)
    refused(cli, tmp_path, 2, *args)


# --- delete -------------------------------------------------------------------------------


def test_delete_each_kind_says_what_went(cli: Cli) -> None:
    seeded(cli)
    assert cli.ok("delete", "ping", "1") == "Ping #1 deleted (Slack at 2026-03-10 21:00)."
    assert cli.ok("delete", "incident", "#1") == (
        "Incident #1 deleted (Crisis, severity 3, at 2026-03-10 12:00)."
    )
    assert cli.ok("delete", "shift", "1") == (
        "Shift #1 deleted (2026-03-10 09:00 to 17:00, 8 h 00 min)."
    )
    assert [cli.listed(what) for what in ("shifts", "pings", "incidents")] == [[], [], []]
