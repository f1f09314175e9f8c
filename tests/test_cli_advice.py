"""Incidents that followed a decision made against the user's advice, from the command line:
``log incident --against-advice [--advised-on DATE]``, ``edit incident --against-advice |
--not-against-advice``, and ``list incidents`` (JSON and text). At NOW (15 Nov 2026) in Berlin.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli_runner import Cli, tables

LOG = ("log", "incident", "--category", "crisis", "--severity", "4", "--at", "2026-03-10T21:30")


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(tmp_path, capsys, monkeypatch)


def test_log_marks_an_incident_against_advice_with_the_day_it_was_given(cli: Cli) -> None:
    out = cli.ok(*LOG, "--against-advice", "--advised-on", "2026-03-09")
    assert "after a decision made against your advice" in out
    assert "the reaction is not on you" in out
    cli.ok(*LOG, "--summary", "plain one")
    first, second = cli.listed("incidents")
    assert (first["against_advice"], first["advised_on"]) == (True, "2026-03-09")
    assert (second["against_advice"], second["advised_on"]) == (False, None)
    text = cli.ok("list", "incidents").splitlines()
    assert "[against your advice, advised 2026-03-09]" in text[0]
    assert "against" not in text[1]


def test_the_day_of_the_advice_is_optional(cli: Cli) -> None:
    cli.ok(*LOG, "--against-advice")
    [row] = cli.listed("incidents")
    assert (row["against_advice"], row["advised_on"]) == (True, None)
    assert cli.ok("list", "incidents").endswith("[against your advice]")


def test_edit_marks_and_unmarks_and_unmarking_clears_the_day(cli: Cli) -> None:
    cli.ok(*LOG)
    out = cli.ok("edit", "incident", "1", "--against-advice", "--advised-on", "2026-03-01")
    assert out == (
        "Incident #1 corrected: against your advice no -> yes; "
        "advised on (not given) -> 2026-03-01."
    )
    [row] = cli.listed("incidents")
    assert (row["against_advice"], row["advised_on"]) == (True, "2026-03-01")
    row = json.loads(cli.ok("edit", "incident", "1", "--advised-on", "2026-03-05", "--json"))
    assert (row["against_advice"], row["advised_on"]) == (True, "2026-03-05")
    assert row == cli.listed("incidents")[0]
    row = json.loads(cli.ok("edit", "incident", "1", "--not-against-advice", "--json"))
    assert (row["against_advice"], row["advised_on"]) == (False, None)
    assert cli.ok("edit", "incident", "1", "--not-against-advice") == (
        "Incident #1 unchanged: it already read so."
    )


def test_moving_an_incident_before_its_advice_is_refused(cli: Cli, tmp_path: Path) -> None:
    cli.ok(*LOG, "--against-advice", "--advised-on", "2026-03-10")
    before = tables(tmp_path, ("incident",))
    result = cli.run("edit", "incident", "1", "--at", "2026-03-09T10:00")
    assert result.returncode == 2
    assert result.stderr.startswith("wellbeing-app: --advised-on: 2026-03-10 is after")
    assert tables(tmp_path, ("incident",)) == before


BAD = [
    ([*LOG, "--advised-on", "2026-03-01"], "--advised-on: goes only with --against-advice"),
    ([*LOG, "--against-advice", "--advised-on", "2026-03-11"], "--advised-on: 2026-03-11 is after"),
    ([*LOG, "--against-advice", "--advised-on", "2026-11-16"], "is in the future"),
    ([*LOG, "--against-advice", "--advised-on", "10 March"], "--advised-on"),
    ([*LOG, "--against-advice", "--advised-on", "1969-12-31"], "--advised-on"),
    (
        ["edit", "incident", "1", "--against-advice", "--not-against-advice"],
        "--not-against-advice: not allowed with argument --against-advice",
    ),
    (
        ["edit", "incident", "1", "--not-against-advice", "--advised-on", "2026-03-01"],
        "--advised-on: does not go with --not-against-advice",
    ),
    (["edit", "incident", "1", "--advised-on", "2026-03-01"], "--advised-on: goes only with"),
]


@pytest.mark.parametrize(("args", "said"), BAD, ids=[str(n) for n in range(len(BAD))])
def test_bad_advice_exits_2_naming_the_option_and_writes_nothing(
    cli: Cli, tmp_path: Path, args: list[str], said: str
) -> None:
    cli.ok(*LOG)
    before = tables(tmp_path, ("incident",))
    result = cli.run(*args)
    assert result.returncode == 2, result.stderr
    assert said in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert tables(tmp_path, ("incident",)) == before


def test_the_reflection_of_that_day_names_the_incident_with_a_line_of_its_own(cli: Cli) -> None:
    from wellbeing_app.core.reflection.affirmations import AGAINST_ADVICE

    cli.ok(*LOG, "--against-advice")
    out = cli.ok("reflect", "--mood", "2", "--energy", "2", "--stress", "7", "--date", "2026-03-10")
    lead = "Reflection for 2026-03-10 saved. The crisis at 21:30 followed a decision made "
    assert out.startswith(lead + "against your advice. ")
    line = out.removeprefix(lead + "against your advice. ")
    assert line in AGAINST_ADVICE.read_text(encoding="utf-8").splitlines()
    other_day = cli.ok("reflect", "--mood", "3", "--energy", "3", "--stress", "3",
                       "--date", "2026-03-11")  # fmt: skip
    assert "advice" not in other_day


# --- summary --include-advice: in every format when asked, absent (not zero) otherwise -----

FORTNIGHT = ("--from", "2026-10-19", "--to", "2026-11-01")
ROW = "Incidents after decisions I advised against"


def filled(tmp_path: Path) -> Path:
    """The hand-built fortnight of tests/summary_fixture.py: its crisis followed a decision
    made against the user's advice."""
    from tests.summary_fixture import fill
    from wellbeing_app.core.store.database import open_database
    from wellbeing_app.core.store.paths import DATABASE_NAME

    data = tmp_path / "data"
    data.mkdir()
    db = open_database(data / DATABASE_NAME)
    try:
        fill(db)
    finally:
        db.close()
    return data


@pytest.mark.parametrize("asked", [False, True], ids=["left out", "asked for"])
def test_summary_holds_the_advice_count_only_when_asked(
    cli: Cli, tmp_path: Path, asked: bool
) -> None:
    data = filled(tmp_path)
    flag = ["--include-advice"] if asked else []
    out = {
        fmt: cli.ok("summary", "--format", fmt, *FORTNIGHT, *flag, data_dir=data)
        for fmt in ("json", "csv", "md")
    }
    document = json.loads(out["json"])
    header = out["csv"].splitlines()[0].split(",")
    if asked:
        assert (
            document["totals"]["incidents_against_advice"],
            document["totals"]["incidents"],
        ) == (
            1,
            2,
        )
        assert document["previous"]["incidents_against_advice"] == 0
        assert [w["incidents_against_advice"] for w in document["weeks"]] == [1, 0]
        assert header[-1] == "incidents_against_advice"
        assert [line.split(",")[-1] for line in out["csv"].splitlines()[1:]] == ["1", "0"]
        assert f"| {ROW} | 1 | – | no earlier data |" in out["md"]
    else:
        for key in ("totals", "previous"):
            assert "incidents_against_advice" not in document[key]  # absent, not zero
        assert all("incidents_against_advice" not in week for week in document["weeks"])
        assert "incidents_against_advice" not in header
        for text in out.values():
            assert "advice" not in text and "advised" not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_summary_pdf_holds_the_advice_count_only_when_asked(
    cli: Cli, tmp_path: Path, qapp: object
) -> None:
    """(``qapp``: the PDF is printed in this process, on the tests' QApplication.)"""
    data = filled(tmp_path)
    texts = []
    for flag in ([], ["--include-advice"]):
        pdf = tmp_path / f"summary{len(flag)}.pdf"
        cli.ok("summary", "--format", "pdf", *FORTNIGHT, "-o", str(pdf), *flag, data_dir=data)
        read = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        texts.append(" ".join(read.stdout.split()))
    without, with_advice = texts
    assert "advised against" not in without
    assert f"{ROW} 1" in with_advice
