"""Nothing is stored that the app could not lay out later: every option that takes a time or a
date refuses one outside 1970 to ten years ahead (of the clock's today) at input, with exit 2
naming the option, before any database is opened.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli_runner import Cli

FAR_PAST, FAR_AHEAD = "0001-01-01", "9999-12-31"
JUST_BEFORE = "1969-12-31"
TEN_YEARS_ON = "2037-01-01"  # the clock stands in November 2026
SET = ["schedule", "set", "--days", "mon", "--start", "09:00", "--end", "17:00"]
WHO5 = ["checkin", "who5", "3", "3", "3", "3", "3"]
REFLECT = ["reflect", "--mood", "3", "--energy", "3", "--stress", "3"]
SUMMARY = ["summary", "--format", "json"]
INCIDENT = ["log", "incident", "--category", "crisis", "--severity", "2"]
PAST = "2026-03-10T09:00"


def cases(day: str) -> list[tuple[list[str], str]]:
    """Every option taking a date or a time, given ``day`` (a time: its midnight)."""
    time = f"{day}T00:00"
    return [
        (["shift", "start", "--at", time], "--at"),
        (["shift", "end", "--at", time], "--at"),
        (["shift", "status", "--at", time], "--at"),
        (["shift", "add", "--start", time, "--end", PAST], "--start"),
        (["shift", "add", "--start", PAST, "--end", time], "--end"),
        (["log", "ping", "--source", "slack", "--at", time], "--at"),
        ([*INCIDENT, "--at", time], "--at"),
        (["edit", "shift", "1", "--start", time], "--start"),
        (["edit", "shift", "1", "--end", time], "--end"),
        (["edit", "ping", "1", "--at", time], "--at"),
        (["edit", "incident", "1", "--at", time], "--at"),
        (["list", "pings", "--from", day], "--from"),
        (["list", "shifts", "--to", day], "--to"),
        ([*SET, "--from", day], "--from"),
        (["schedule", "off", day], "DATE[..DATE]"),
        (["schedule", "off", f"2026-03-01..{day}"], "DATE[..DATE]"),
        (["schedule", "oncall", time, PAST], "START"),
        (["schedule", "oncall", PAST, time], "END"),
        (["reminders", "--now", time], "--now"),
        ([*REFLECT, "--date", day], "--date"),
        ([*WHO5, "--date", day], "--date"),
        ([*SUMMARY, "--from", day], "--from"),
        ([*SUMMARY, "--to", day], "--to"),
    ]


OUT_OF_RANGE = [
    case for day in (FAR_PAST, JUST_BEFORE, TEN_YEARS_ON, FAR_AHEAD) for case in cases(day)
]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path, capsys, monkeypatch)


@pytest.mark.parametrize(("args", "name"), OUT_OF_RANGE, ids=[" ".join(a) for a, _ in OUT_OF_RANGE])
def test_a_time_or_date_the_app_cannot_lay_out_exits_2_naming_the_option(
    cli: Cli, tmp_path: Path, args: list[str], name: str
) -> None:
    folder = tmp_path / "new"
    result = cli.run(*args, data_dir=folder)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert re.match(rf"wellbeing-app: (argument )?{re.escape(name)}:", result.stderr), result.stderr
    assert not folder.exists()


def test_the_range_is_the_clocks_from_1970_to_ten_years_ahead(cli: Cli) -> None:
    assert cli.ok(*REFLECT, "--date", "1970-01-01").startswith("Reflection for 1970-01-01 saved.")
    assert cli.ok(*SET, "--from", "2036-11-14").startswith("From 2036-11-14: Mon")
    assert cli.run(*SET, "--from", "2036-11-30").returncode == 2  # past ten years from today
