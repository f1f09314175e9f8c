"""`team-summary` on members' files from elsewhere: only regular files of a documented size are
read, nesting deeper than a summary's is refused, and so is every figure that is not a finite
number a period can hold. Each refusal is one line naming the file (exit 2)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.core.test_team_summary import member_document, write_members
from wellbeing_app.cli import main
from wellbeing_app.core.reports.member_files import MAX_DEPTH, MAX_FILE_BYTES
from wellbeing_app.core.reports.team import MAX_PER_DAY


@pytest.fixture(autouse=True)
def no_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELLBEING_APP_DATA_DIR", str(tmp_path / "data"))


def refused(capsys: pytest.CaptureFixture[str], *files: str) -> str:
    status = main(["team-summary", *files, "--format", "json"])
    out, err = capsys.readouterr()
    assert (status, out) == (2, ""), err
    assert err.startswith("wellbeing-app: ") and err.count("\n") == 1, err
    return err.strip().removeprefix("wellbeing-app: ")


def team(tmp_path: Path, change: Any = None) -> list[str]:
    """Five members' files; ``change(document)`` alters the last one."""
    documents = [member_document(n) for n in range(5)]
    if change is not None:
        change(documents[-1])
    return write_members(tmp_path, documents)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_refused_without_waiting_for_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "member.json"
    os.mkfifo(pipe)  # nobody ever writes: reading it would wait for ever
    assert refused(capsys, *team(tmp_path)[:4], str(pipe)) == (
        f"{pipe}: is not a regular file (a pipe or a device); give a member's summary file"
    )


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/dev/zero", "is not a regular file (a pipe or a device); give a member's summary file"),
        (
            "/dev/urandom",
            "is not a regular file (a pipe or a device); give a member's summary file",
        ),
        (".", "is a folder; give a member's summary file"),
    ],
)
def test_devices_and_folders_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], path: str, words: str
) -> None:
    if not Path(path).exists():
        pytest.skip(f"no {path} here")
    assert refused(capsys, *team(tmp_path)[:4], path) == f"{path}: {words}"


def test_a_file_larger_than_a_summary_can_be_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.json"
    with open(big, "wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing to read, only its size
    assert (
        refused(capsys, str(big))
        == f"{big}: is larger than 4 MB, far more than a member's summary file"
    )


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 200, 100_000])
def test_nesting_deeper_than_a_summary_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * depth + "]" * depth)
    assert refused(capsys, str(deep)) == (
        f"{deep}: nests deeper than a summary does (at most {MAX_DEPTH} levels)"
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_numbers_json_does_not_allow_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], constant: str
) -> None:
    paths = team(tmp_path)
    text = Path(paths[-1]).read_text().replace('"incidents": 7', f'"incidents": {constant}', 1)
    Path(paths[-1]).write_text(text)
    line = refused(capsys, *paths)
    assert (
        line
        == f"{paths[-1]}: holds a value no summary has ({constant} is not a number JSON allows)"
    )


def test_a_number_of_thousands_of_digits_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = team(tmp_path)
    text = Path(paths[-1]).read_text().replace('"incidents": 7', '"incidents": ' + "9" * 5000, 1)
    Path(paths[-1]).write_text(text)
    assert refused(capsys, *paths).startswith(f"{paths[-1]}: holds a value no summary has (")


def test_infinity_from_a_huge_decimal_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = team(tmp_path)
    text = Path(paths[-1]).read_text().replace('"hours_worked": 160.25', '"hours_worked": 1e400')
    Path(paths[-1]).write_text(text)
    assert "totals.hours_worked must be a number of hours of at least 0, got Infinity" in (
        refused(capsys, *paths)
    )


def set_total(key: str, value: Any) -> Any:
    return lambda document: document["totals"].__setitem__(key, value)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (set_total("hours_worked", 672.5), "totals.hours_worked is 672.5 hours, more than the 672"),
        (set_total("overtime_hours", 1e300), "totals.overtime_hours is 1e+300 hours"),
        (
            set_total("after_hours_pings", 28 * MAX_PER_DAY + 1),
            "totals.after_hours_pings is 2,800,001, more than 100,000 a day",
        ),
        (
            lambda d: d["weeks"][0].__setitem__("hours_worked", 7 * 24 + 1),
            "weeks[0].hours_worked is 169 hours, more than the 168 hours it covers",
        ),
        (
            lambda d: d["by_source"].__setitem__("slack", 10**18),
            "by_source.slack is 1,000,000,000,000,000,000, more than 100,000 a day",
        ),
        (
            lambda d: d["period"].update(start="0001-01-01"),
            "period (0001-01-01 to 2026-11-01) is not between 1970-01-01 and 2199-12-31",
        ),
        (
            lambda d: d["weeks"][0].__setitem__("week_start", "9999-12-27"),
            "weeks[0].week_start 9999-12-27 is not a week of the period",
        ),
    ],
)
def test_implausible_figures_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: Any, words: str
) -> None:
    paths = team(tmp_path, change)
    line = refused(capsys, *paths)
    assert line.startswith(f"{paths[-1]}: ") and words in line, line


def test_the_team_json_never_holds_a_number_json_forbids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hours = 24 * 28  # every hour of the period, the most a member can have
    paths = team(tmp_path, set_total("hours_worked", hours))
    assert main(["team-summary", *paths, "--format", "json"]) == 0
    out = capsys.readouterr().out
    json.loads(out, parse_constant=lambda c: pytest.fail(f"{c} in the team summary"))
